package io.github.gae4j.runtime.model;

import io.github.gae4j.runtime.json.JsonReader;
import io.github.gae4j.runtime.json.JsonReader.JsonObject;
import io.github.gae4j.runtime.json.JsonWriter;
import io.github.gae4j.runtime.plugin.ComponentKind;
import io.github.gae4j.runtime.plugin.FactoryLookup;
import io.github.gae4j.core.spi.ComponentConfig;
import io.github.gae4j.core.spi.ComponentFactory;
import io.github.gae4j.core.error.ConfigException;
import io.github.gae4j.runtime.train.LearningRateSchedule;
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
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads and writes a {@link ModelDescription} as JSON:
 *
 * <pre>{
 *   "encoder": {"name": "vgae", "options": {"hidden": 32, "latent": 16}},
 *   "sampler": {"name": "gaussian"},
 *   "decoder": {"name": "inner-product"},
 *   "losses": [{"name": "weighted-bce"}, {"name": "kl", "weight": 1.0, "options": {}}],
 *   "corruptions": [{"name": "edge-dropout", "options": {"rate": 0.2}}],         (optional)
 *   "training": {"epochs": 200, "learning-rate": 0.01, "seed": 42,
 *                "optimizer": {"name": "adamw", "options": {"weight-decay": 0.01}}}
 * }</pre>
 *
 * Unknown keys, wrong types and malformed JSON fail with a {@link ConfigException} naming the file
 * and line; {@link #validate} then checks component names and their options against the installed
 * plugins. {@code training} is optional (the reference recipe), and so is each of its keys. Files written before
 * optimisers were plugins hold Adam's settings as keys of {@code training} ({@code beta1}, {@code beta2},
 * {@code epsilon}, {@code weight-decay}): they read as optimizer {@code adam} with those options.
 */
public final class ModelFile {

    private static final Set<String> TOP = Set.of("encoder", "sampler", "decoder", "losses", "corruptions",
            "training");
    private static final Set<String> COMPONENT = Set.of("name", "options");
    private static final Set<String> LOSS = Set.of("name", "weight", "options");
    private static final Set<String> TRAINING = Set.of("epochs", "learning-rate", "optimizer", "beta1", "beta2",
            "epsilon", "weight-decay", "seed", "restore-best", "log-every", "eval-every", "patience", "grad-clip",
            "lr-schedule");
    /**
     * Adam's settings, written as keys of {@code training} before optimisers were plugins: such a file means
     * optimizer {@code adam} with these options (those equal to Adam's defaults are left out, so an old file and a
     * new one of the same run describe equal settings).
     */
    private static final Map<String, Double> LEGACY_ADAM = legacyAdam();

    private static Map<String, Double> legacyAdam() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("beta1", 0.9);
        m.put("beta2", 0.999);
        m.put("epsilon", 1e-8);
        m.put("weight-decay", 0.0);
        return m;
    }

    private ModelFile() {
    }

    public static ModelDescription read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException(String.format(Locale.ROOT, "%s: cannot read the model file: %s", file, e));
        }
        return parse(text, file.toString());
    }

    /** Parses JSON text; {@code source} names it in errors (a file name, or "command line"). */
    public static ModelDescription parse(String json, String source) {
        Object root;
        try {
            root = JsonReader.parse(json);
        } catch (JsonReader.JsonSyntaxException e) {
            throw new ConfigException(source + ": " + e.getMessage());
        }
        Reader r = new Reader(source);
        JsonObject top = r.object(root, "the model description", 1);
        r.onlyKeys(top, TOP, "the model description");
        ModelSpec spec = new ModelSpec(r.component(top, "encoder"), r.component(top, "sampler"),
                r.component(top, "decoder"), r.losses(top), r.corruptions(top));
        TrainerConfig training = top.containsKey("training")
                ? r.training(r.object(top.get("training"), "'training'", top.line("training")))
                : TrainerConfig.defaults();
        return new ModelDescription(spec, training);
    }

    /** Checks every name and option against the installed factories, listing the known ones on failure. */
    public static void validate(ModelSpec spec, FactoryLookup lookup) {
        check(ComponentKind.ENCODER, spec.encoder(), lookup);
        check(ComponentKind.SAMPLER, spec.sampler(), lookup);
        check(ComponentKind.DECODER, spec.decoder(), lookup);
        for (LossSpec l : spec.losses()) {
            check(ComponentKind.LOSS, l.component(), lookup);
        }
        for (ComponentSpec c : spec.corruptions()) {
            check(ComponentKind.CORRUPTION, c, lookup);
        }
    }

    /** {@link #validate(ModelSpec, FactoryLookup)} and the training settings' optimiser. */
    public static void validate(ModelDescription d, FactoryLookup lookup) {
        validate(d.model(), lookup);
        check(ComponentKind.OPTIMIZER, d.training().optimizer(), lookup);
    }

    private static void check(ComponentKind<?> kind, ComponentSpec c, FactoryLookup lookup) {
        ComponentFactory<?> f = lookup.factory(kind, c.name());
        c.config().describedAs(kind.label() + " '" + c.name() + "'").requireOnly(ComponentFactory.optionNames(f));
    }

    /** The description as JSON that {@link #parse} reads back to an equal description. */
    public static String write(ModelDescription d) {
        Map<String, Object> top = new LinkedHashMap<>();
        top.put("encoder", component(d.model().encoder()));
        top.put("sampler", component(d.model().sampler()));
        top.put("decoder", component(d.model().decoder()));
        List<Object> losses = new ArrayList<>();
        for (LossSpec l : d.model().losses()) {
            Map<String, Object> m = component(l.component());
            m.put("weight", l.weight());
            losses.add(m);
        }
        top.put("losses", losses);
        if (!d.model().corruptions().isEmpty()) {
            top.put("corruptions", d.model().corruptions().stream().map(c -> (Object) component(c)).toList());
        }
        TrainerConfig t = d.training();
        Map<String, Object> training = new LinkedHashMap<>();
        training.put("epochs", t.epochs());
        training.put("learning-rate", t.learningRate());
        training.put("optimizer", component(t.optimizer()));
        training.put("seed", t.seed());
        training.put("restore-best", t.restoreBest());
        training.put("log-every", t.logEvery());
        training.put("eval-every", t.evalEvery());
        if (t.patience() != 0) {
            training.put("patience", t.patience());
        }
        if (t.gradientClipNorm() != 0) {
            // Only when on, so descriptions written before clipping existed print as they always did.
            training.put("grad-clip", t.gradientClipNorm());
        }
        if (t.learningRateSchedule() != LearningRateSchedule.CONSTANT) {
            // Likewise only when not the default, so existing descriptions and checkpoint headers keep their bytes.
            training.put("lr-schedule", t.learningRateSchedule().key());
        }
        top.put("training", training);
        return JsonWriter.write(top);
    }

    private static Map<String, Object> component(ComponentSpec c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", c.name());
        if (!c.config().asMap().isEmpty()) {
            m.put("options", new LinkedHashMap<String, Object>(c.config().asMap()));
        }
        return m;
    }

    /** Conversion with located errors. */
    private record Reader(String source) {

        JsonObject object(Object value, String what, int line) {
            if (value instanceof JsonObject o) {
                return o;
            }
            throw fail(line, what + " must be a JSON object");
        }

        void onlyKeys(JsonObject o, Set<String> known, String what) {
            for (String key : o.keySet()) {
                if (!known.contains(key)) {
                    throw fail(o.line(key), String.format(Locale.ROOT, "unknown key '%s' in %s; known keys: %s", key,
                            what, new TreeSet<>(known)));
                }
            }
        }

        ComponentSpec component(JsonObject top, String key) {
            if (!top.containsKey(key)) {
                throw fail(top.line(), "missing '" + key + "' (an object with a 'name')");
            }
            JsonObject o = object(top.get(key), "'" + key + "'", top.line(key));
            onlyKeys(o, COMPONENT, "'" + key + "'");
            return new ComponentSpec(name(o, key), options(o, key));
        }

        List<LossSpec> losses(JsonObject top) {
            if (!(top.get("losses") instanceof List<?> list) || list.isEmpty()) {
                throw fail(top.line("losses"), "'losses' must be a non-empty array of objects with a 'name'");
            }
            List<LossSpec> out = new ArrayList<>();
            for (Object item : list) {
                JsonObject o = object(item, "each entry of 'losses'", top.line("losses"));
                onlyKeys(o, LOSS, "a loss");
                double weight = o.containsKey("weight") ? number(o, "weight", "a loss") : 1.0;
                out.add(new LossSpec(new ComponentSpec(name(o, "a loss"), options(o, "a loss")), weight));
            }
            return out;
        }

        List<ComponentSpec> corruptions(JsonObject top) {
            if (!top.containsKey("corruptions")) {
                return List.of();
            }
            if (!(top.get("corruptions") instanceof List<?> list)) {
                throw fail(top.line("corruptions"), "'corruptions' must be an array of objects with a 'name'");
            }
            List<ComponentSpec> out = new ArrayList<>();
            for (Object item : list) {
                JsonObject o = object(item, "each entry of 'corruptions'", top.line("corruptions"));
                onlyKeys(o, COMPONENT, "a corruption");
                out.add(new ComponentSpec(name(o, "a corruption"), options(o, "a corruption")));
            }
            return out;
        }

        TrainerConfig training(JsonObject o) {
            onlyKeys(o, TRAINING, "'training'");
            TrainerConfig d = TrainerConfig.defaults();
            double gradClip = dbl(o, "grad-clip", d.gradientClipNorm());
            if (!Double.isFinite(gradClip) || gradClip < 0) {
                throw fail(o.line("grad-clip"), "'grad-clip' of 'training' must be a finite number >= 0 (0 = off), got "
                        + o.get("grad-clip"));
            }
            LearningRateSchedule schedule = schedule(o, d.learningRateSchedule());
            try {
                return new TrainerConfig(integer(o, "epochs", d.epochs()), dbl(o, "learning-rate", d.learningRate()),
                        optimizer(o, d.optimizer()), lng(o, "seed", d.seed()),
                        bool(o, "restore-best", d.restoreBest()), integer(o, "log-every", d.logEvery()),
                        integer(o, "eval-every", d.evalEvery()), integer(o, "patience", d.patience()), gradClip,
                        schedule);
            } catch (IllegalArgumentException e) {
                throw fail(o.line(), "'training': " + e.getMessage());
            }
        }

        /** {@code "optimizer": {"name": ..., "options": {...}}}, or Adam from the legacy keys, or the default. */
        private ComponentSpec optimizer(JsonObject o, ComponentSpec def) {
            String legacy = LEGACY_ADAM.keySet().stream().filter(o::containsKey).findFirst().orElse(null);
            if (o.containsKey("optimizer")) {
                if (legacy != null) {
                    throw fail(o.line(legacy), String.format(Locale.ROOT,
                            "'%s' of 'training' is an option of the optimizer: with an 'optimizer' entry, move it to"
                                    + " its 'options'", legacy));
                }
                JsonObject c = object(o.get("optimizer"), "'optimizer' of 'training'", o.line("optimizer"));
                onlyKeys(c, COMPONENT, "'optimizer'");
                return new ComponentSpec(name(c, "'optimizer'"), options(c, "'optimizer'"));
            }
            if (legacy == null) {
                return def;
            }
            Map<String, Object> options = new LinkedHashMap<>();
            LEGACY_ADAM.forEach((key, adamDefault) -> {
                if (o.containsKey(key)) {
                    double value = dbl(o, key, adamDefault);
                    if (value != adamDefault) {
                        options.put(key, value);
                    }
                }
            });
            return new ComponentSpec(TrainerConfig.DEFAULT_OPTIMIZER, ComponentConfig.of(options));
        }

        private LearningRateSchedule schedule(JsonObject o, LearningRateSchedule def) {
            if (!o.containsKey("lr-schedule")) {
                return def;
            }
            Object value = o.get("lr-schedule");
            Optional<LearningRateSchedule> s = value instanceof String key ? LearningRateSchedule.fromKey(key)
                    : Optional.empty();
            return s.orElseThrow(() -> fail(o.line("lr-schedule"), String.format(Locale.ROOT,
                    "'lr-schedule' of 'training' must be one of %s, got %s", LearningRateSchedule.keys(), value)));
        }

        private String name(JsonObject o, String what) {
            if (!(o.get("name") instanceof String s) || s.isBlank()) {
                throw fail(o.line("name"), what + " needs a non-blank string 'name'");
            }
            return s;
        }

        private ComponentConfig options(JsonObject o, String what) {
            if (!o.containsKey("options")) {
                return ComponentConfig.empty();
            }
            JsonObject opts = object(o.get("options"), "the options of " + what, o.line("options"));
            Map<String, Object> m = new LinkedHashMap<>();
            opts.forEach((k, v) -> {
                if (v == null || v instanceof Map || v instanceof List) {
                    throw fail(opts.line(k), "option '" + k + "' of " + what + " must be a number, string or boolean");
                }
                m.put(k, v);
            });
            return ComponentConfig.of(m);
        }

        private double number(JsonObject o, String key, String what) {
            if (!(o.get(key) instanceof Number n)) {
                throw fail(o.line(key), "'" + key + "' of " + what + " must be a number, got " + o.get(key));
            }
            return n.doubleValue();
        }

        private double dbl(JsonObject o, String key, double def) {
            return o.containsKey(key) ? number(o, key, "'training'") : def;
        }

        private long lng(JsonObject o, String key, long def) {
            if (!o.containsKey(key)) {
                return def;
            }
            if (!(o.get(key) instanceof Long n)) {
                throw fail(o.line(key), "'" + key + "' of 'training' must be an integer, got " + o.get(key));
            }
            return n;
        }

        private int integer(JsonObject o, String key, int def) {
            if (!o.containsKey(key)) {
                return def;
            }
            if (!(o.get(key) instanceof Long n) || n != (int) (long) n) {
                throw fail(o.line(key), "'" + key + "' of 'training' must be an integer, got " + o.get(key));
            }
            return (int) (long) n;
        }

        private boolean bool(JsonObject o, String key, boolean def) {
            if (!o.containsKey(key)) {
                return def;
            }
            if (!(o.get(key) instanceof Boolean b)) {
                throw fail(o.line(key), "'" + key + "' of 'training' must be true or false, got " + o.get(key));
            }
            return b;
        }

        private ConfigException fail(int line, String problem) {
            return new ConfigException(String.format(Locale.ROOT, "%s:%d: %s", source, line, problem));
        }
    }
}
