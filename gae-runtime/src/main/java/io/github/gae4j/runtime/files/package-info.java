/**
 * The files gae4j reads and writes, through one Jackson setup ({@link io.github.gae4j.runtime.files.Json}):
 * model description files in JSON or YAML ({@link io.github.gae4j.runtime.files.ModelDescriptionFile}, with the
 * training settings mapped by {@link io.github.gae4j.runtime.files.TrainingSettings} alone), the
 * provenance record as JSON ({@link io.github.gae4j.runtime.files.ProvenanceJson}), and the located
 * parse tree whose errors name file, line and key ({@link io.github.gae4j.runtime.files.LocatedTree}).
 *
 * <p>It sits above {@code runtime.model} and {@code runtime.train} because a description file holds
 * both a model and its training settings: {@code train} may use {@code model}, never the other way,
 * and neither needs this package. {@code runtime.checkpoint} (saved models) and the command line use
 * it; it uses {@code model}, {@code train}, {@code provenance} and {@code plugin}.
 */
package io.github.gae4j.runtime.files;
