// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.runtime.train;

import io.github.gae4j.core.autodiff.Weights;
import io.github.gae4j.core.error.NumericalException;
import io.github.gae4j.core.graph.LinkSplit;
import io.github.gae4j.core.parallel.Parallelism;
import io.github.gae4j.core.spi.GraphInput;
import io.github.gae4j.core.tensor.Matrix;
import io.github.gae4j.runtime.metrics.LinkScores;
import io.github.gae4j.runtime.model.GraphAutoencoder;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Validation and early stopping: measures validation AUC/AP every {@link TrainerConfig#evalEvery()} epochs (and at
 * the last), keeps the best epoch and a copy of its weights, says when {@link TrainerConfig#patience()} epochs have
 * passed without a better one, puts the best weights back for testing with {@link TrainerConfig#restoreBest()},
 * and scores the test pairs. Scores are of μ (evaluation mode); NaN scores (diverged weights) stop the run with a
 * {@link NumericalException}.
 */
public final class Validator {

    private final GraphAutoencoder model;
    private final SplitScorer scorer;
    private final TrainerConfig config;
    private final boolean hasValidation;
    private int bestEpoch;
    private double bestAuc = Double.NEGATIVE_INFINITY;
    private List<Matrix> bestWeights = List.of();

    /**
     * Scores held-out pairs for validation and test: the model's current weights on the validation or test
     * positives and negatives. On one machine that is {@code model.score} on the training graph; a distributed
     * trainer (gae-spark) embeds and scores on its executors. Scores come back as {positives, negatives}.
     */
    public interface SplitScorer {
        List<double[]> validation();

        List<double[]> test();
    }

    /**
     * @param input       what the encoder sees in evaluation: the training graph
     * @param parallelism the threads of the evaluation passes (borrowed; the scores do not depend on it)
     */
    public Validator(
            GraphAutoencoder model, GraphInput input, LinkSplit split, TrainerConfig config, Parallelism parallelism) {
        this(
                model,
                localScorer(model, input, split, parallelism),
                split.valPositives().size() > 0,
                config);
    }

    /**
     * Validates with {@code scorer}'s scores of the current weights of {@code model} (whose weights it copies as the
     * best and restores).
     *
     * @param hasValidation whether there are validation pairs at all (no epoch is measured without)
     */
    public Validator(GraphAutoencoder model, SplitScorer scorer, boolean hasValidation, TrainerConfig config) {
        this.model = Objects.requireNonNull(model, "model is null");
        this.scorer = Objects.requireNonNull(scorer, "scorer is null");
        this.config = Objects.requireNonNull(config, "config is null");
        this.hasValidation = hasValidation;
    }

    private static SplitScorer localScorer(
            GraphAutoencoder model, GraphInput input, LinkSplit split, Parallelism parallelism) {
        Objects.requireNonNull(model, "model is null");
        Objects.requireNonNull(input, "input is null");
        Objects.requireNonNull(split, "split is null");
        Objects.requireNonNull(parallelism, "parallelism is null");
        return new SplitScorer() {
            @Override
            public List<double[]> validation() {
                return model.score(input, List.of(split.valPositives(), split.valNegatives()), parallelism);
            }

            @Override
            public List<double[]> test() {
                return model.score(input, List.of(split.testPositives(), split.testNegatives()), parallelism);
            }
        };
    }

    /** Continues from a saved state's best epoch, value and weights. */
    public void resumeFrom(TrainingState state) {
        bestEpoch = state.bestEpoch();
        bestAuc = state.bestEpoch() > 0 ? state.bestValAuc() : Double.NEGATIVE_INFINITY;
        bestWeights = state.bestWeights();
    }

    /** Whether {@code epoch} is measured: there are validation pairs, and it is an {@code evalEvery}-th or the last. */
    public boolean isDue(int epoch) {
        return hasValidation && config.evalEvery() > 0 && (epoch % config.evalEvery() == 0 || epoch == config.epochs());
    }

    /**
     * Validation AUC/AP of the current weights if {@code epoch} {@linkplain #isDue is due}, updating the best epoch
     * (a strictly higher AUC; the first of equal ones stays); empty otherwise.
     */
    public Optional<LinkScores> validate(int epoch) {
        if (!isDue(epoch)) {
            return Optional.empty();
        }
        List<double[]> s = requireScores(scorer.validation(), "Validation", epoch);
        LinkScores val = LinkScores.of(s.get(0), s.get(1));
        if (val.auc() > bestAuc) {
            bestAuc = val.auc();
            bestEpoch = epoch;
            bestWeights = copies(model.weights());
        }
        return Optional.of(val);
    }

    /**
     * Whether training should stop after {@code epoch}: patience is on and {@code patience} epochs have passed since
     * the best one (a function of the best epoch alone, so a resumed run stops where an uninterrupted one did).
     */
    public boolean patienceExhausted(int epoch) {
        return config.patience() > 0 && bestEpoch > 0 && epoch - bestEpoch >= config.patience();
    }

    /** With {@link TrainerConfig#restoreBest()}, copies the best epoch's weights into the model (if one was taken). */
    public void restoreBestWeights() {
        if (config.restoreBest() && !bestWeights.isEmpty()) {
            List<Weights> weights = model.weights();
            for (int k = 0; k < weights.size(); k++) {
                double[] value = bestWeights.get(k).data();
                System.arraycopy(value, 0, weights.get(k).data().data(), 0, value.length);
            }
        }
    }

    /** Test AUC/AP of the model's current weights, after {@code epochsDone} epochs (for messages). */
    public LinkScores test(int epochsDone) {
        List<double[]> t = requireScores(scorer.test(), "Test", epochsDone);
        return LinkScores.of(t.get(0), t.get(1));
    }

    /** The best validation epoch so far; 0 before any was measured. */
    public int bestEpoch() {
        return bestEpoch;
    }

    /** The best validation AUC so far; −∞ before any was measured. */
    public double bestValAuc() {
        return bestAuc;
    }

    /** Copies of the best epoch's weights; empty before any epoch was measured. */
    public List<Matrix> bestWeights() {
        return bestWeights;
    }

    static List<Matrix> copies(List<Weights> weights) {
        return weights.stream().map(w -> w.data().copy()).toList();
    }

    /** Diverged weights can give finite losses but NaN logits (∞ − ∞); say so instead of failing in the metrics. */
    private List<double[]> requireScores(List<double[]> scores, String what, int epoch) {
        for (double[] list : scores) {
            for (double v : list) {
                if (Double.isNaN(v)) {
                    throw new NumericalException(String.format(
                            Locale.ROOT,
                            "%s scores are NaN at epoch %d (learning rate %s); the model diverged: lower the learning"
                                    + " rate or check the input features for extreme values",
                            what,
                            epoch,
                            config.learningRate()));
                }
            }
        }
        return scores;
    }
}
