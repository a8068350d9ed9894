/**
 * Where a trained model came from: the typed {@link io.github.gae4j.runtime.provenance.Provenance}
 * record (gae4j version, JDK, plugins with their jars and versions, model, seeds, dataset and its
 * {@link io.github.gae4j.runtime.provenance.GraphFingerprint}, split). It uses {@code runtime.model}
 * and {@code runtime.plugin}; {@code runtime.train} returns it and {@code runtime.files} writes it.
 */
package io.github.gae4j.runtime.provenance;
