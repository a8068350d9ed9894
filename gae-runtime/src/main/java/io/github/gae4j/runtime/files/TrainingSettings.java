// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.runtime.files;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.gae4j.core.error.ConfigException;
import io.github.gae4j.core.spi.ComponentConfig;
import io.github.gae4j.runtime.minibatch.FanOut;
import io.github.gae4j.runtime.minibatch.MiniBatchSettings;
import io.github.gae4j.runtime.minibatch.NegativeSampling;
import io.github.gae4j.runtime.model.ComponentSpec;
import io.github.gae4j.runtime.train.LearningRateSchedule;
import io.github.gae4j.runtime.train.TrainerConfig;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The one mapping between {@link TrainerConfig} and the {@code "training"} object of model files and
 * saved models. Every key is optional and defaults to {@link TrainerConfig#defaults()}:
 *
 * <pre>{"epochs": 200, "learning-rate": 0.01, "optimizer": {"name": "adamw", "options": {"weight-decay": 0.01}},
 *  "seed": 42, "restore-best": false, "log-every": 10, "eval-every": 1, "patience": 20, "grad-clip": 1,
 *  "lr-schedule": "cosine",
 *  "mini-batch": {"batch-size": 1024, "fanout": [25, 10], "neg-ratio": 1, "negatives": "uniform",
 *                 "batches-per-epoch": 0}}</pre>
 *
 * {@code mini-batch} (absent = full-batch training) needs {@code batch-size} and {@code fanout} (a list of numbers
 * or the text {@code "25,10"}); {@code neg-ratio} (1), {@code negatives} ({@code uniform} or {@code degree}) and
 * {@code batches-per-epoch} (0 = all) are optional.
 *
 * The optimiser is a plugin by name with its options, as the model's components are ({@code adam} without options
 * when absent). Files written before optimisers were plugins hold Adam's settings as keys of {@code training}
 * ({@code "beta1": 0.9, "beta2": 0.999, "epsilon": 1e-08, "weight-decay": 0}): they read as optimizer {@code adam}
 * with those options, leaving out the ones equal to Adam's defaults, so that an old file and a new one of the same
 * run describe equal settings. A change to the settings changes this class alone, and keeps reading the old keys.
 */
public final class TrainingSettings {

    static final Set<String> KEYS = Set.of(
            "epochs",
            "learning-rate",
            "optimizer",
            "beta1",
            "beta2",
            "epsilon",
            "weight-decay",
            "seed",
            "restore-best",
            "log-every",
            "eval-every",
            "patience",
            "grad-clip",
            "lr-schedule",
            "mini-batch");
    static final Set<String> MINI_BATCH_KEYS =
            Set.of("batch-size", "fanout", "neg-ratio", "negatives", "batches-per-epoch");
    private static final String WHAT = "'training'";
    /** Adam's settings as keys of {@code training} before optimisers were plugins, with Adam's defaults. */
    private static final Map<String, Double> LEGACY_ADAM = legacyAdam();

    private static Map<String, Double> legacyAdam() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("beta1", 0.9);
        m.put("beta2", 0.999);
        m.put("epsilon", 1e-8);
        m.put("weight-decay", 0.0);
        return m;
    }

    private TrainingSettings() {}

    /** The settings as a JSON object; {@link #read} gives back an equal config. */
    public static ObjectNode write(TrainerConfig t) {
        ObjectNode training = Json.object();
        training.put("epochs", t.epochs());
        training.put("learning-rate", t.learningRate());
        training.set("optimizer", ModelDescriptionFile.component(t.optimizer()));
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
        if (t.isMiniBatch()) {
            training.set("mini-batch", miniBatch(t.miniBatch()));
        }
        return training;
    }

    private static ObjectNode miniBatch(MiniBatchSettings m) {
        ObjectNode o = Json.object();
        o.put("batch-size", m.batchSize());
        ArrayNode fanOut = o.putArray("fanout");
        for (int v : m.fanOut().toArray()) {
            fanOut.add(v);
        }
        o.put("neg-ratio", m.negativeRatio());
        o.put("negatives", m.negatives().label());
        o.put("batches-per-epoch", m.batchesPerEpoch());
        return o;
    }

    /** The object at {@code at} of {@code tree}; unknown keys and wrong types fail naming the line and key. */
    public static TrainerConfig read(LocatedTree tree, ObjectNode o, String at) {
        tree.onlyKeys(o, at, KEYS, WHAT);
        TrainerConfig d = TrainerConfig.defaults();
        double gradClip = tree.number(o, at, "grad-clip", WHAT, d.gradientClipNorm());
        if (!Double.isFinite(gradClip) || gradClip < 0) {
            throw tree.fail(
                    LocatedTree.child(at, "grad-clip"),
                    "'grad-clip' of 'training' must be a finite number" + " >= 0 (0 = off), got "
                            + LocatedTree.text(o.get("grad-clip")));
        }
        LearningRateSchedule schedule = schedule(tree, o, at, d.learningRateSchedule());
        try {
            return new TrainerConfig(
                    tree.smallInteger(o, at, "epochs", WHAT, d.epochs()),
                    tree.number(o, at, "learning-rate", WHAT, d.learningRate()),
                    optimizer(tree, o, at, d.optimizer()),
                    tree.integer(o, at, "seed", WHAT, d.seed()),
                    tree.bool(o, at, "restore-best", WHAT, d.restoreBest()),
                    tree.smallInteger(o, at, "log-every", WHAT, d.logEvery()),
                    tree.smallInteger(o, at, "eval-every", WHAT, d.evalEvery()),
                    tree.smallInteger(o, at, "patience", WHAT, d.patience()),
                    gradClip,
                    schedule,
                    o.has("mini-batch") ? miniBatch(tree, o, at) : d.miniBatch());
        } catch (IllegalArgumentException e) {
            throw tree.fail(at, "'training': " + e.getMessage());
        }
    }

    /** {@code "optimizer": {"name": ..., "options": {...}}}, or Adam from the legacy keys, or the default. */
    private static ComponentSpec optimizer(LocatedTree tree, ObjectNode o, String at, ComponentSpec def) {
        String legacy = LEGACY_ADAM.keySet().stream().filter(o::has).findFirst().orElse(null);
        if (o.has("optimizer")) {
            if (legacy != null) {
                throw tree.fail(
                        LocatedTree.child(at, legacy),
                        String.format(
                                Locale.ROOT,
                                "'%s' of 'training' is an option of the optimizer: with an 'optimizer' entry, move it to its"
                                        + " 'options'",
                                legacy));
            }
            String here = LocatedTree.child(at, "optimizer");
            return ModelDescriptionFile.component(
                    tree, tree.object(o.get("optimizer"), here, "'optimizer' of 'training'"), here, "'optimizer'");
        }
        if (legacy == null) {
            return def;
        }
        Map<String, Object> options = new LinkedHashMap<>();
        LEGACY_ADAM.forEach((key, adamDefault) -> {
            double value = tree.number(o, at, key, WHAT, adamDefault);
            if (value != adamDefault) {
                options.put(key, value);
            }
        });
        return new ComponentSpec(TrainerConfig.DEFAULT_OPTIMIZER, ComponentConfig.of(options));
    }

    /** The {@code mini-batch} block; each bad value fails naming its line and key. */
    private static MiniBatchSettings miniBatch(LocatedTree tree, ObjectNode training, String parent) {
        String at = LocatedTree.child(parent, "mini-batch");
        String what = "'mini-batch' of 'training'";
        ObjectNode o = tree.object(training.get("mini-batch"), at, what);
        tree.onlyKeys(o, at, MINI_BATCH_KEYS, what);
        if (!o.has("batch-size") || !o.has("fanout")) {
            throw tree.fail(
                    at, what + " needs 'batch-size' and 'fanout', e.g. \"batch-size\": 1024, \"fanout\": [25, 10]");
        }
        int batchSize = tree.smallInteger(o, at, "batch-size", what, 0);
        if (batchSize < 1) {
            throw tree.fail(
                    LocatedTree.child(at, "batch-size"),
                    "'batch-size' of " + what + " must be at least 1 training edge, got " + batchSize);
        }
        FanOut fanOut = fanOut(tree, o.get("fanout"), LocatedTree.child(at, "fanout"), what);
        double ratio = tree.number(o, at, "neg-ratio", what, MiniBatchSettings.DEFAULT_NEGATIVE_RATIO);
        if (!(ratio > 0) || !Double.isFinite(ratio)) {
            throw tree.fail(
                    LocatedTree.child(at, "neg-ratio"),
                    "'neg-ratio' of " + what + " must be a positive finite number, got "
                            + LocatedTree.text(o.get("neg-ratio")));
        }
        NegativeSampling negatives = NegativeSampling.UNIFORM;
        if (o.has("negatives")) {
            JsonNode v = o.get("negatives");
            try {
                negatives = NegativeSampling.parse(v.isTextual() ? v.textValue() : v.toString());
            } catch (ConfigException e) {
                throw tree.fail(LocatedTree.child(at, "negatives"), "'negatives' of " + what + ": " + e.getMessage());
            }
        }
        int perEpoch = tree.smallInteger(o, at, "batches-per-epoch", what, 0);
        if (perEpoch < 0) {
            throw tree.fail(
                    LocatedTree.child(at, "batches-per-epoch"),
                    "'batches-per-epoch' of " + what + " must be >= 0 (0 = all batches), got " + perEpoch);
        }
        return new MiniBatchSettings(batchSize, fanOut, ratio, negatives, perEpoch);
    }

    /** {@code [25, 10]} or {@code "25,10"}. */
    private static FanOut fanOut(LocatedTree tree, JsonNode v, String at, String what) {
        String text;
        if (v.isTextual()) {
            text = v.textValue();
        } else if (v.isArray()) {
            StringBuilder b = new StringBuilder();
            for (JsonNode entry : v) {
                if (!entry.isIntegralNumber() || !entry.canConvertToInt()) {
                    throw tree.fail(
                            at,
                            "'fanout' of " + what + " must hold whole numbers (-1 = all), got " + LocatedTree.text(v));
                }
                b.append(b.length() == 0 ? "" : ",").append(entry.intValue());
            }
            text = b.toString();
        } else if (v.isIntegralNumber() && v.canConvertToInt()) {
            text = Integer.toString(v.intValue()); // a one-layer encoder's fan-out, as YAML reads "fanout: 25"
        } else {
            throw tree.fail(
                    at,
                    "'fanout' of " + what + " must be a list like [25, 10] or the text \"25,10\", got "
                            + LocatedTree.text(v));
        }
        try {
            return FanOut.parse(text);
        } catch (ConfigException e) {
            throw tree.fail(at, "'fanout' of " + what + ": " + e.getMessage());
        }
    }

    private static LearningRateSchedule schedule(LocatedTree tree, ObjectNode o, String at, LearningRateSchedule def) {
        if (!o.has("lr-schedule")) {
            return def;
        }
        JsonNode value = o.get("lr-schedule");
        Optional<LearningRateSchedule> s =
                value.isTextual() ? LearningRateSchedule.fromKey(value.textValue()) : Optional.empty();
        return s.orElseThrow(() -> tree.fail(
                LocatedTree.child(at, "lr-schedule"),
                String.format(
                        Locale.ROOT,
                        "'lr-schedule' of 'training' must be one of %s, got %s",
                        LearningRateSchedule.keys(),
                        LocatedTree.text(value))));
    }
}
