// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.runtime.files;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.gae4j.core.spi.ComponentConfig;
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
 *  "lr-schedule": "cosine"}</pre>
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
            "lr-schedule");
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
        return training;
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
                    d.miniBatch());
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
