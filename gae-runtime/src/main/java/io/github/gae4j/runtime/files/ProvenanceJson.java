// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.runtime.files;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.gae4j.core.spi.ComponentConfig;
import io.github.gae4j.runtime.model.ComponentSpec;
import io.github.gae4j.runtime.model.ModelSpec;
import io.github.gae4j.runtime.provenance.Provenance;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link Provenance} as the JSON object that saved models and {@code run.json} hold:
 *
 * <pre>{
 *   "gae4j-version": "0.1.0",
 *   "jdk": {"vendor": "Eclipse Adoptium", "version": "21.0.5+11-LTS"},
 *   "plugins": [{"kind": "encoder", "name": "gcn", "plugin": "gae-encoders", "version": "0.1.0",
 *                "jar": "/opt/gae/lib/gae-encoders-0.1.0.jar"}, ...],
 *   "model": {"encoder": {"name": "gcn"}, ...},                     (as in a model file)
 *   "seeds": {"split": 42, "init": 42, "training": 42},
 *   "dataset": {"name": "cora", "loader": {"name": "dataset", "options": {"name": "cora"}},
 *               "features": "as-loaded", "nodes": 2708, "edges": 5278, "fingerprint": "sha256:..."},
 *   "split": {"val-fraction": 0.05, "test-fraction": 0.1, "method": "shuffled"}
 * }</pre>
 *
 * The split's {@code method} is {@code shuffled} ({@code gae train}) or {@code hashed} ({@code gae-spark train});
 * files written before it was recorded have none and read as {@code shuffled}, the only rule there was.
 * Reading ignores keys it does not know, so later gae4j versions may record more. Files written
 * before provenance was typed hold a flat string map instead ({@code "metadata"}); {@link
 * #fromLegacyMetadata} turns the one the command line wrote into a provenance.
 */
public final class ProvenanceJson {

    private static final String WHAT = "the provenance";
    private static final List<String> LEGACY_REQUIRED = List.of(
            "dataset.loader",
            "dataset.nodes",
            "dataset.edges",
            "split.seed",
            "split.val-fraction",
            "split.test-fraction",
            "model.seed");

    private ProvenanceJson() {}

    public static ObjectNode write(Provenance p) {
        ObjectNode o = Json.object();
        o.put("gae4j-version", p.gae4jVersion());
        o.putObject("jdk")
                .put("vendor", p.jdk().vendor())
                .put("version", p.jdk().version());
        ArrayNode plugins = o.putArray("plugins");
        for (Provenance.PluginUse u : p.plugins()) {
            plugins.addObject()
                    .put("kind", u.kind())
                    .put("name", u.name())
                    .put("plugin", u.plugin())
                    .put("version", u.version())
                    .put("jar", u.jar());
        }
        o.set("model", ModelDescriptionFile.toTree(p.model()));
        o.putObject("seeds")
                .put("split", p.seeds().split())
                .put("init", p.seeds().init())
                .put("training", p.seeds().training());
        ObjectNode dataset = o.putObject("dataset");
        Provenance.Dataset d = p.dataset();
        dataset.put("name", d.name());
        d.loader().ifPresent(l -> dataset.set("loader", ModelDescriptionFile.component(l)));
        dataset.put("features", d.features().key());
        dataset.put("nodes", d.nodes());
        dataset.put("edges", d.edges());
        d.fingerprint().ifPresent(f -> dataset.put("fingerprint", f));
        o.putObject("split")
                .put("val-fraction", p.split().valFraction())
                .put("test-fraction", p.split().testFraction())
                .put("method", p.split().method().key());
        return o;
    }

    /** The provenance at {@code at} of {@code tree}; a missing or mistyped entry fails naming its line. */
    public static Provenance read(LocatedTree tree, JsonNode value, String at) {
        ObjectNode o = tree.object(value, at, WHAT);
        String jdkAt = LocatedTree.child(at, "jdk");
        ObjectNode jdk = tree.object(o.get("jdk"), jdkAt, "'jdk' of " + WHAT);
        List<Provenance.PluginUse> plugins = new ArrayList<>();
        String pluginsAt = LocatedTree.child(at, "plugins");
        if (!(o.get("plugins") instanceof ArrayNode list)) {
            throw tree.fail(pluginsAt, "'plugins' of " + WHAT + " must be an array");
        }
        for (int k = 0; k < list.size(); k++) {
            String item = LocatedTree.child(pluginsAt, k);
            ObjectNode u = tree.object(list.get(k), item, "each entry of 'plugins'");
            String what = "a plugin entry";
            plugins.add(new Provenance.PluginUse(
                    tree.string(u, item, "kind", what),
                    tree.string(u, item, "name", what),
                    tree.string(u, item, "plugin", what),
                    tree.string(u, item, "version", what),
                    tree.string(u, item, "jar", what)));
        }
        String modelAt = LocatedTree.child(at, "model");
        ModelSpec model =
                ModelDescriptionFile.spec(tree, tree.object(o.get("model"), modelAt, "'model' of " + WHAT), modelAt);
        String seedsAt = LocatedTree.child(at, "seeds");
        ObjectNode seeds = tree.object(o.get("seeds"), seedsAt, "'seeds' of " + WHAT);
        String splitAt = LocatedTree.child(at, "split");
        ObjectNode split = tree.object(o.get("split"), splitAt, "'split' of " + WHAT);
        try {
            return new Provenance(
                    tree.string(o, at, "gae4j-version", WHAT),
                    new Provenance.Jdk(
                            tree.string(jdk, jdkAt, "vendor", "'jdk'"), tree.string(jdk, jdkAt, "version", "'jdk'")),
                    plugins,
                    model,
                    new Provenance.Seeds(
                            required(tree, seeds, seedsAt, "split", "'seeds'"),
                            required(tree, seeds, seedsAt, "init", "'seeds'"),
                            required(tree, seeds, seedsAt, "training", "'seeds'")),
                    dataset(tree, o, LocatedTree.child(at, "dataset")),
                    new Provenance.Split(
                            tree.number(split, splitAt, "val-fraction", "'split'"),
                            tree.number(split, splitAt, "test-fraction", "'split'"),
                            splitMethod(tree, split, splitAt)));
        } catch (IllegalArgumentException e) {
            throw tree.fail(at, WHAT + ": " + e.getMessage());
        }
    }

    private static Provenance.Dataset dataset(LocatedTree tree, ObjectNode top, String at) {
        ObjectNode d = tree.object(top.get("dataset"), at, "'dataset' of " + WHAT);
        String what = "'dataset'";
        Optional<ComponentSpec> loader = Optional.empty();
        if (d.has("loader")) {
            String loaderAt = LocatedTree.child(at, "loader");
            ObjectNode l = tree.object(d.get("loader"), loaderAt, "'loader' of 'dataset'");
            Map<String, Object> options = new LinkedHashMap<>();
            if (l.has("options")) {
                tree.object(l.get("options"), LocatedTree.child(loaderAt, "options"), "the loader's options")
                        .properties()
                        .forEach(e -> options.put(e.getKey(), LocatedTree.text(e.getValue())));
            }
            loader = Optional.of(
                    new ComponentSpec(tree.string(l, loaderAt, "name", "'loader'"), ComponentConfig.of(options)));
        }
        String features = tree.string(d, at, "features", what);
        Optional<String> fingerprint =
                d.has("fingerprint") ? Optional.of(tree.string(d, at, "fingerprint", what)) : Optional.empty();
        return new Provenance.Dataset(
                tree.string(d, at, "name", what),
                loader,
                Provenance.Features.fromKey(features)
                        .orElseThrow(() -> tree.fail(
                                LocatedTree.child(at, "features"),
                                "'features' of 'dataset' must be one of as-loaded, none, row-normalized, got "
                                        + features)),
                requiredInt(tree, d, at, "nodes", what),
                requiredInt(tree, d, at, "edges", what),
                fingerprint);
    }

    /** The split's method; {@code shuffled} when absent (files written before gae-spark). */
    private static Provenance.SplitMethod splitMethod(LocatedTree tree, ObjectNode split, String at) {
        if (!split.has("method")) {
            return Provenance.SplitMethod.SHUFFLED;
        }
        String method = tree.string(split, at, "method", "'split'");
        return Provenance.SplitMethod.fromKey(method)
                .orElseThrow(() -> tree.fail(
                        LocatedTree.child(at, "method"),
                        "'method' of 'split' must be one of shuffled, hashed, got " + method));
    }

    /** An integer that must be there. */
    private static long required(LocatedTree tree, ObjectNode o, String at, String key, String what) {
        if (!o.has(key)) {
            throw tree.fail(at, what + " has no '" + key + "'");
        }
        return tree.integer(o, at, key, what, 0);
    }

    private static int requiredInt(LocatedTree tree, ObjectNode o, String at, String key, String what) {
        required(tree, o, at, key, what);
        return tree.smallInteger(o, at, key, what, 0);
    }

    /**
     * The provenance in the flat metadata that {@code gae train} wrote into model files before
     * provenance was typed ({@code dataset}, {@code dataset.loader}, {@code dataset.option.*},
     * {@code dataset.features}, {@code dataset.normalize-features}, {@code dataset.nodes},
     * {@code dataset.edges}, {@code split.seed}, {@code split.val-fraction},
     * {@code split.test-fraction}, {@code model.seed}, {@code gae4j.version}); the training seed is
     * the description's. Such files record no JDK, plugins or fingerprint. Empty when {@code
     * metadata} lacks one of these entries or holds a malformed one (written by other code).
     */
    public static Optional<Provenance> fromLegacyMetadata(Map<String, String> metadata, ModelDescription description) {
        if (!metadata.keySet().containsAll(LEGACY_REQUIRED)) {
            return Optional.empty();
        }
        try {
            String loader = metadata.get("dataset.loader");
            Map<String, String> options = new LinkedHashMap<>();
            metadata.forEach((k, v) -> {
                if (k.startsWith("dataset.option.")) {
                    options.put(k.substring("dataset.option.".length()), v);
                }
            });
            Provenance.Features features = "false".equals(metadata.get("dataset.features"))
                    ? Provenance.Features.NONE
                    : "true".equals(metadata.get("dataset.normalize-features"))
                            ? Provenance.Features.ROW_NORMALIZED
                            : Provenance.Features.AS_LOADED;
            Provenance.Dataset dataset = new Provenance.Dataset(
                    metadata.getOrDefault("dataset", loader),
                    Optional.of(new ComponentSpec(loader, ComponentConfig.of(options))),
                    features,
                    Integer.parseInt(metadata.get("dataset.nodes")),
                    Integer.parseInt(metadata.get("dataset.edges")),
                    Optional.empty());
            Provenance.Seeds seeds = new Provenance.Seeds(
                    Long.parseLong(metadata.get("split.seed")),
                    Long.parseLong(metadata.get("model.seed")),
                    description.training().seed());
            Provenance.Split split = new Provenance.Split(
                    Double.parseDouble(metadata.get("split.val-fraction")),
                    Double.parseDouble(metadata.get("split.test-fraction")));
            return Optional.of(new Provenance(
                    metadata.getOrDefault("gae4j.version", "unknown"),
                    new Provenance.Jdk("unknown", "unknown"),
                    List.of(),
                    description.model(),
                    seeds,
                    dataset,
                    split));
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // a malformed number (NumberFormatException) or impossible split fractions
        }
    }
}
