package io.github.gae4j.runtime.files;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.gae4j.runtime.train.LearningRateSchedule;
import io.github.gae4j.runtime.train.TrainerConfig;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The one mapping between {@link TrainerConfig} and the {@code "training"} object of model files and
 * saved models. Every key is optional and defaults to {@link TrainerConfig#defaults()}:
 *
 * <pre>{"epochs": 200, "learning-rate": 0.01, "beta1": 0.9, "beta2": 0.999, "epsilon": 1e-08,
 *  "weight-decay": 0, "seed": 42, "restore-best": false, "log-every": 10, "eval-every": 1,
 *  "grad-clip": 1, "lr-schedule": "cosine"}</pre>
 *
 * Files written by earlier gae4j versions use exactly these keys, so a change to the settings
 * changes this class alone, and keeps reading the keys above.
 */
public final class TrainingSettings {

    static final Set<String> KEYS = Set.of("epochs", "learning-rate", "beta1", "beta2", "epsilon", "weight-decay",
            "seed", "restore-best", "log-every", "eval-every", "grad-clip", "lr-schedule");
    private static final String WHAT = "'training'";

    private TrainingSettings() {
    }

    /** The settings as a JSON object; {@link #read} gives back an equal config. */
    public static ObjectNode write(TrainerConfig t) {
        ObjectNode training = Json.object();
        training.put("epochs", t.epochs());
        training.put("learning-rate", t.learningRate());
        training.put("beta1", t.beta1());
        training.put("beta2", t.beta2());
        training.put("epsilon", t.epsilon());
        training.put("weight-decay", t.weightDecay());
        training.put("seed", t.seed());
        training.put("restore-best", t.restoreBest());
        training.put("log-every", t.logEvery());
        training.put("eval-every", t.evalEvery());
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
            throw tree.fail(LocatedTree.child(at, "grad-clip"), "'grad-clip' of 'training' must be a finite number"
                    + " >= 0 (0 = off), got " + LocatedTree.text(o.get("grad-clip")));
        }
        LearningRateSchedule schedule = schedule(tree, o, at, d.learningRateSchedule());
        try {
            return new TrainerConfig(tree.smallInteger(o, at, "epochs", WHAT, d.epochs()),
                    tree.number(o, at, "learning-rate", WHAT, d.learningRate()),
                    tree.number(o, at, "beta1", WHAT, d.beta1()), tree.number(o, at, "beta2", WHAT, d.beta2()),
                    tree.number(o, at, "epsilon", WHAT, d.epsilon()),
                    tree.number(o, at, "weight-decay", WHAT, d.weightDecay()),
                    tree.integer(o, at, "seed", WHAT, d.seed()), tree.bool(o, at, "restore-best", WHAT, d.restoreBest()),
                    tree.smallInteger(o, at, "log-every", WHAT, d.logEvery()),
                    tree.smallInteger(o, at, "eval-every", WHAT, d.evalEvery()), gradClip, schedule);
        } catch (IllegalArgumentException e) {
            throw tree.fail(at, "'training': " + e.getMessage());
        }
    }

    private static LearningRateSchedule schedule(LocatedTree tree, ObjectNode o, String at, LearningRateSchedule def) {
        if (!o.has("lr-schedule")) {
            return def;
        }
        JsonNode value = o.get("lr-schedule");
        Optional<LearningRateSchedule> s = value.isTextual() ? LearningRateSchedule.fromKey(value.textValue())
                : Optional.empty();
        return s.orElseThrow(() -> tree.fail(LocatedTree.child(at, "lr-schedule"), String.format(Locale.ROOT,
                "'lr-schedule' of 'training' must be one of %s, got %s", LearningRateSchedule.keys(),
                LocatedTree.text(value))));
    }
}
