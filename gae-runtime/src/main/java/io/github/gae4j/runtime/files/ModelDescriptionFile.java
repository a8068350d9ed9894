// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.runtime.files;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.gae4j.core.error.ConfigException;
import io.github.gae4j.core.io.IoErrors;
import io.github.gae4j.core.spi.ComponentConfig;
import io.github.gae4j.core.spi.ComponentFactory;
import io.github.gae4j.runtime.model.ComponentSpec;
import io.github.gae4j.runtime.model.LossSpec;
import io.github.gae4j.runtime.model.ModelAssembler;
import io.github.gae4j.runtime.model.ModelSpec;
import io.github.gae4j.runtime.plugin.ComponentKind;
import io.github.gae4j.runtime.plugin.FactoryLookup;
import io.github.gae4j.runtime.train.TrainerConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads and writes a {@link ModelDescription}, as JSON or YAML (chosen by the file's extension:
 * {@code .yaml}/{@code .yml}, else JSON):
 *
 * <pre>{
 *   "encoder": {"name": "vgae", "options": {"hidden": 32, "latent": 16}},
 *   "sampler": {"name": "gaussian"},
 *   "decoder": {"name": "inner-product"},
 *   "losses": [{"name": "weighted-bce"}, {"name": "kl", "weight": 1.0, "options": {}}],
 *   "corruptions": [{"name": "edge-dropout", "options": {"rate": 0.2}}],         (optional)
 *   "training": {"epochs": 200, "learning-rate": 0.01, "seed": 42}
 * }</pre>
 *
 * Unknown keys, wrong types and malformed text fail with a {@link ConfigException} naming the file,
 * line and key; {@link #validate} then checks component names and their options against the
 * installed plugins. {@code training} is optional (the reference recipe), and so is each of its
 * keys ({@link TrainingSettings}).
 */
public final class ModelDescriptionFile {

    private static final Set<String> TOP = Set.of("encoder", "sampler", "decoder", "losses", "corruptions", "training");
    private static final Set<String> COMPONENT = Set.of("name", "options");
    private static final Set<String> LOSS = Set.of("name", "weight", "options");

    private ModelDescriptionFile() {}

    /** Reads a {@code .json}, {@code .yaml} or {@code .yml} file (any other name is read as JSON). */
    public static ModelDescription read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException(
                    String.format(Locale.ROOT, "%s: cannot read the model file: %s", file, IoErrors.reason(e)));
        }
        return parse(text, Json.Syntax.of(file), file.toString());
    }

    /** Parses JSON text; {@code source} names it in errors (a file name, or "command line"). */
    public static ModelDescription parse(String json, String source) {
        return parse(json, Json.Syntax.JSON, source);
    }

    /** Parses JSON or YAML text; {@code source} names it in errors. */
    public static ModelDescription parse(String text, Json.Syntax syntax, String source) {
        LocatedTree tree = Json.read(text, syntax, source);
        return read(tree, tree.root(), "");
    }

    /** The description at {@code at} of an already parsed tree (a saved model's header holds one). */
    public static ModelDescription read(LocatedTree tree, JsonNode value, String at) {
        ObjectNode top = tree.object(value, at, "the model description");
        tree.onlyKeys(top, at, TOP, "the model description");
        ModelSpec spec = spec(tree, top, at);
        TrainerConfig training = top.has("training")
                ? TrainingSettings.read(
                        tree,
                        tree.object(top.get("training"), LocatedTree.child(at, "training"), "'training'"),
                        LocatedTree.child(at, "training"))
                : TrainerConfig.defaults();
        return new ModelDescription(spec, training);
    }

    /**
     * The model part alone (no {@code training}) of the object at {@code at}; other keys of that
     * object are the caller's to check.
     */
    public static ModelSpec spec(LocatedTree tree, ObjectNode top, String at) {
        Reader r = new Reader(tree);
        return new ModelSpec(
                r.component(top, at, "encoder"),
                r.component(top, at, "sampler"),
                r.component(top, at, "decoder"),
                r.losses(top, at),
                r.corruptions(top, at));
    }

    /** Checks every name and option against the installed factories, listing the known ones on failure. */
    public static void validate(ModelSpec spec, FactoryLookup lookup) {
        for (ModelSpec.Part part : spec.parts()) {
            check(part.kind(), part.component(), lookup);
        }
    }

    /** {@link #validate(ModelSpec, FactoryLookup)}, and the training settings' optimiser. */
    public static void validate(ModelDescription d, FactoryLookup lookup) {
        validate(d.model(), lookup);
        check(ComponentKind.OPTIMIZER, d.training().optimizer(), lookup);
    }

    private static void check(ComponentKind<?> kind, ComponentSpec c, FactoryLookup lookup) {
        ComponentFactory<?> f = lookup.factory(kind, c.name());
        ModelAssembler.checkedOptions(kind, c, f);
    }

    /** The description as JSON that {@link #parse} reads back to an equal description. */
    public static String write(ModelDescription d) {
        return Json.write(toTree(d));
    }

    /** The description as a JSON object. */
    public static ObjectNode toTree(ModelDescription d) {
        ObjectNode top = toTree(d.model());
        top.set("training", TrainingSettings.write(d.training()));
        return top;
    }

    /** The model's components as a JSON object: what {@link #spec} reads. */
    public static ObjectNode toTree(ModelSpec spec) {
        ObjectNode top = Json.object();
        top.set("encoder", component(spec.encoder()));
        top.set("sampler", component(spec.sampler()));
        top.set("decoder", component(spec.decoder()));
        ArrayNode losses = top.putArray("losses");
        for (LossSpec l : spec.losses()) {
            losses.add(component(l.component()).put("weight", l.weight()));
        }
        if (!spec.corruptions().isEmpty()) {
            ArrayNode corruptions = top.putArray("corruptions");
            spec.corruptions().forEach(c -> corruptions.add(component(c)));
        }
        return top;
    }

    /** A component as {@code {"name": ..., "options": {...}}} (options only when there are any). */
    public static ObjectNode component(ComponentSpec c) {
        ObjectNode m = Json.object();
        m.put("name", c.name());
        if (!c.config().asMap().isEmpty()) {
            ObjectNode options = m.putObject("options");
            c.config().asMap().forEach(options::put);
        }
        return m;
    }

    /** The component object {@code o} at {@code at} ({@code name} and {@code options}); {@code what} names it. */
    static ComponentSpec component(LocatedTree tree, ObjectNode o, String at, String what) {
        return new Reader(tree).named(o, at, what);
    }

    /** Reads components with located errors. */
    private record Reader(LocatedTree tree) {

        ComponentSpec component(ObjectNode top, String at, String key) {
            if (!top.has(key)) {
                throw tree.fail(at, "missing '" + key + "' (an object with a 'name')");
            }
            String here = LocatedTree.child(at, key);
            return named(tree.object(top.get(key), here, "'" + key + "'"), here, "'" + key + "'");
        }

        /** The {@code name} and {@code options} of the component object {@code o}; {@code what} names it. */
        ComponentSpec named(ObjectNode o, String at, String what) {
            tree.onlyKeys(o, at, COMPONENT, what);
            return new ComponentSpec(tree.string(o, at, "name", what), options(o, at, what));
        }

        List<LossSpec> losses(ObjectNode top, String at) {
            String here = LocatedTree.child(at, "losses");
            if (!(top.get("losses") instanceof ArrayNode list) || list.isEmpty()) {
                throw tree.fail(here, "'losses' must be a non-empty array of objects with a 'name'");
            }
            List<LossSpec> out = new ArrayList<>();
            for (int k = 0; k < list.size(); k++) {
                String item = LocatedTree.child(here, k);
                ObjectNode o = tree.object(list.get(k), item, "each entry of 'losses'");
                tree.onlyKeys(o, item, LOSS, "a loss");
                double weight = tree.number(o, item, "weight", "a loss", 1.0);
                out.add(new LossSpec(
                        new ComponentSpec(tree.string(o, item, "name", "a loss"), options(o, item, "a loss")), weight));
            }
            return out;
        }

        List<ComponentSpec> corruptions(ObjectNode top, String at) {
            if (!top.has("corruptions")) {
                return List.of();
            }
            String here = LocatedTree.child(at, "corruptions");
            if (!(top.get("corruptions") instanceof ArrayNode list)) {
                throw tree.fail(here, "'corruptions' must be an array of objects with a 'name'");
            }
            List<ComponentSpec> out = new ArrayList<>();
            for (int k = 0; k < list.size(); k++) {
                String item = LocatedTree.child(here, k);
                out.add(named(tree.object(list.get(k), item, "each entry of 'corruptions'"), item, "a corruption"));
            }
            return out;
        }

        private ComponentConfig options(ObjectNode o, String at, String what) {
            if (!o.has("options")) {
                return ComponentConfig.empty();
            }
            String here = LocatedTree.child(at, "options");
            ObjectNode opts = tree.object(o.get("options"), here, "the options of " + what);
            Map<String, Object> m = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> e : opts.properties()) {
                JsonNode v = e.getValue();
                String key = LocatedTree.child(here, e.getKey());
                if (v instanceof ArrayNode list) {
                    // A list option ("hidden": [64, 32]) means the same as its text "64,32".
                    List<Object> items = new ArrayList<>();
                    for (int k = 0; k < list.size(); k++) {
                        if (!scalar(list.get(k))) {
                            throw tree.fail(
                                    LocatedTree.child(key, k),
                                    "each item of option '" + e.getKey() + "' of " + what
                                            + " must be a number, string or boolean");
                        }
                        items.add(optionValue(list.get(k)));
                    }
                    m.put(e.getKey(), items);
                    continue;
                }
                if (!scalar(v)) {
                    throw tree.fail(
                            key,
                            "option '" + e.getKey() + "' of " + what
                                    + " must be a number, string or boolean, or a list of them");
                }
                m.put(e.getKey(), optionValue(v));
            }
            return ComponentConfig.of(m);
        }

        private static boolean scalar(JsonNode v) {
            return v.isValueNode() && !v.isNull();
        }

        /** Options are text to the factories; numbers print as they always did (64, 0.2, 1.0E-4). */
        private static Object optionValue(JsonNode v) {
            if (v.isIntegralNumber()) {
                return v.bigIntegerValue();
            }
            if (v.isNumber()) {
                return v.doubleValue();
            }
            return v.isTextual() ? v.textValue() : v.asText();
        }
    }
}
