package io.github.gae4j.runtime.train;

import io.github.gae4j.core.autodiff.ComputationContext;
import io.github.gae4j.core.autodiff.Variable;
import io.github.gae4j.core.autodiff.Weights;
import io.github.gae4j.core.graph.LinkSplit;
import io.github.gae4j.core.graph.TrainingGraph;
import io.github.gae4j.runtime.metrics.LinkScores;
import io.github.gae4j.runtime.model.GraphAutoencoder;
import io.github.gae4j.runtime.model.WeightedLoss;
import io.github.gae4j.runtime.provenance.Provenance;
import io.github.gae4j.core.optim.Adam;
import io.github.gae4j.core.optim.GradientClipping;
import io.github.gae4j.core.parallel.Parallelism;
import io.github.gae4j.core.spi.GraphInput;
import io.github.gae4j.core.error.NumericalException;
import io.github.gae4j.core.tensor.Matrix;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains a {@link GraphAutoencoder} for link prediction on a {@link LinkSplit}: the encoder sees
 * only the training graph; each epoch is one full-batch step of Adam; validation AUC/AP are
 * measured every epoch on μ; NaN or infinite losses and gradients stop the run with a
 * {@link NumericalException} instead of spreading. With {@link TrainerConfig#gradientClipNorm()}
 * set, the global gradient norm is clipped before each step; the step's learning rate follows
 * {@link TrainerConfig#learningRateSchedule()} over the configured epochs.
 */
public final class Trainer {

    private static final Logger LOG = LoggerFactory.getLogger(Trainer.class);

    private final TrainerConfig config;
    private final Parallelism parallelism;
    private final TrainingListener listener;

    public Trainer(TrainerConfig config, Parallelism parallelism) {
        this(config, parallelism, TrainingListener.NONE);
    }

    public Trainer(TrainerConfig config, Parallelism parallelism, TrainingListener listener) {
        this.config = Objects.requireNonNull(config, "config is null");
        this.parallelism = Objects.requireNonNull(parallelism, "parallelism is null");
        this.listener = Objects.requireNonNull(listener, "listener is null");
    }

    public TrainingResult fit(GraphAutoencoder model, LinkSplit split) {
        return fit(model, split, null);
    }

    /**
     * {@link #fit(GraphAutoencoder, LinkSplit, TrainingState)}, returning {@code provenance} with the
     * result: the caller knows what the trainer does not (how the model, data and split were made).
     *
     * @throws IllegalArgumentException when the provenance's training seed is not this trainer's
     */
    public TrainingResult fit(GraphAutoencoder model, LinkSplit split, TrainingState resume, Provenance provenance) {
        Objects.requireNonNull(provenance, "provenance is null");
        if (provenance.seeds().training() != config.seed()) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "The provenance records training seed %d, but training uses seed %d",
                    provenance.seeds().training(), config.seed()));
        }
        return fit(model, split, resume).withProvenance(provenance);
    }

    /**
     * Continues a run from {@code resume} (from {@link TrainingResult#finalState()} or a checkpoint
     * file) up to the configured epochs; with the same model description, split and seed the result
     * is the one an uninterrupted run gives, bit for bit. {@code null} starts afresh.
     */
    public TrainingResult fit(GraphAutoencoder model, LinkSplit split, TrainingState resume) {
        GraphInput input = GraphInput.of(split.trainGraph());
        TrainingGraph training = new TrainingGraph(split.trainGraph());
        Adam adam = new Adam(config.learningRate(), config.beta1(), config.beta2(), config.epsilon(),
                config.weightDecay());
        List<Weights> weights = model.weights();
        boolean hasValidation = split.valPositives().size() > 0;

        List<EpochStats> history = new ArrayList<>(config.epochs());
        int bestEpoch = 0;
        double bestAuc = Double.NEGATIVE_INFINITY;
        List<Matrix> bestWeights = List.of();
        int firstEpoch = 1;
        if (resume != null) {
            if (resume.epochsDone() > config.epochs()) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "The checkpoint has %d epochs done, more than the %d configured", resume.epochsDone(),
                        config.epochs()));
            }
            copyInto(resume.weights(), weights);
            adam.restore(weights, resume.optimizer());
            restoreLossState(model, resume);
            history.addAll(resume.history());
            bestEpoch = resume.bestEpoch();
            bestAuc = resume.bestEpoch() > 0 ? resume.bestValAuc() : Double.NEGATIVE_INFINITY;
            bestWeights = resume.bestWeights();
            firstEpoch = resume.epochsDone() + 1;
            LOG.info("Resuming at epoch {} of {}", firstEpoch, config.epochs());
        }
        boolean stopped = false;
        for (int epoch = firstEpoch; epoch <= config.epochs(); epoch++) {
            long start = System.nanoTime();
            ComputationContext ctx = new ComputationContext(parallelism);
            Variable loss = model.trainingLoss(input, training, epochRandom(config.seed(), epoch), ctx);
            double lossValue = ctx.forward(loss).scalarValue();
            if (!Double.isFinite(lossValue)) {
                throw new NumericalException(String.format(Locale.ROOT,
                        "Loss is %s at epoch %d (learning rate %s); the model diverged: lower the learning rate"
                                + " or check the input features for extreme values", lossValue, epoch,
                        config.learningRate()));
            }
            ctx.backward(loss);
            checkGradients(weights, ctx, epoch);
            if (config.gradientClipNorm() > 0) {
                // Before Adam adds the weight decay, as with PyTorch's clip_grad_norm_ before optimizer.step().
                double norm = GradientClipping.clipGlobalNorm(weights, ctx, config.gradientClipNorm());
                LOG.debug("epoch {}: gradient norm {} (clip limit {})", epoch, norm, config.gradientClipNorm());
            }
            adam.step(weights, ctx, learningRate(epoch));
            double millis = (System.nanoTime() - start) / 1e6;

            double valAuc = Double.NaN;
            double valAp = Double.NaN;
            boolean evaluate = config.evalEvery() > 0
                    && (epoch % config.evalEvery() == 0 || epoch == config.epochs());
            if (hasValidation && evaluate) {
                List<double[]> s = requireScores(model.score(input, List.of(split.valPositives(), split.valNegatives()), parallelism),
                        "Validation", epoch);
                LinkScores val = LinkScores.of(s.get(0), s.get(1));
                valAuc = val.auc();
                valAp = val.ap();
                if (valAuc > bestAuc) {
                    bestAuc = valAuc;
                    bestEpoch = epoch;
                    bestWeights = copies(weights);
                }
            }
            EpochStats stats = new EpochStats(epoch, lossValue, valAuc, valAp, millis);
            history.add(stats);
            if (epoch % config.logEvery() == 0 || epoch == 1 || epoch == config.epochs()) {
                LOG.info(format(stats));
            } else if (LOG.isDebugEnabled()) {
                LOG.debug(format(stats));
            }
            listener.onEpoch(stats);
            int done = epoch;
            int best = bestEpoch;
            double bestValue = bestAuc;
            List<Matrix> bestSoFar = bestWeights;
            listener.afterEpoch(stats, () -> new TrainingState(done, history, best, bestValue, copies(weights),
                    bestSoFar, adam.moments(weights), lossState(model)));
            if (epoch < config.epochs() && listener.stopRequested()) {
                LOG.info("Stopped at epoch {} of {} on request", epoch, config.epochs());
                stopped = true;
                break;
            }
        }
        int epochsDone = history.size();
        TrainingState finalState = new TrainingState(epochsDone, history, bestEpoch, bestAuc, copies(weights),
                bestWeights, adam.moments(weights), lossState(model));
        if (config.restoreBest() && !bestWeights.isEmpty()) {
            copyInto(bestWeights, weights);
        }
        List<double[]> t = requireScores(model.score(input, List.of(split.testPositives(), split.testNegatives()), parallelism),
                "Test", epochsDone);
        LinkScores test = LinkScores.of(t.get(0), t.get(1));
        LOG.info(String.format(Locale.ROOT, "Test AUC %.4f, AP %.4f (best validation epoch %d)", test.auc(),
                test.ap(), bestEpoch));
        return new TrainingResult(history, bestEpoch, test, stopped, finalState);
    }

    /**
     * The learning rate of {@code epoch}: a function of the epoch and the configured epochs alone,
     * so a resumed run steps at the rates an uninterrupted one does without storing scheduler state.
     */
    private double learningRate(int epoch) {
        double rate = config.learningRate() * config.learningRateSchedule().factor(epoch, config.epochs());
        if (config.learningRateSchedule() != LearningRateSchedule.CONSTANT) {
            LOG.debug("epoch {}: learning rate {}", epoch, rate);
        }
        return rate;
    }

    /**
     * The random source of one epoch, a function of (seed, epoch) alone: a resumed run draws the
     * same noise and negatives as an uninterrupted one without storing generator state.
     */
    public static SplittableRandom epochRandom(long seed, int epoch) {
        return new SplittableRandom(new SplittableRandom(seed).split().nextLong() ^ mix(epoch));
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /**
     * The keys under which {@link TrainingState#lossState()} and checkpoints hold each loss term's
     * state, in term order: the term's name, with {@code #2}, {@code #3}, … appended to the second
     * and later terms of the same name, so two terms never share a key.
     */
    public static List<String> lossTermKeys(GraphAutoencoder model) {
        Map<String, Integer> seen = new HashMap<>();
        List<String> keys = new ArrayList<>();
        for (WeightedLoss term : model.losses()) {
            int n = seen.merge(term.name(), 1, Integer::sum);
            keys.add(n == 1 ? term.name() : term.name() + "#" + n);
        }
        return keys;
    }

    /** A snapshot of every loss term's {@code state()}, copied, keyed by {@link #lossTermKeys}. */
    static Map<String, Map<String, Matrix>> lossState(GraphAutoencoder model) {
        List<String> keys = lossTermKeys(model);
        Map<String, Map<String, Matrix>> out = new LinkedHashMap<>();
        for (int k = 0; k < keys.size(); k++) {
            String key = keys.get(k);
            Map<String, Matrix> state = model.losses().get(k).loss().state();
            if (state == null) {
                throw new IllegalStateException("Loss term '" + key + "' returned a null state(); return an empty map");
            }
            out.put(key, copies(state, key));
        }
        return out;
    }

    /**
     * Hands each loss term its saved state. A state without loss state (saved before terms could
     * keep any) leaves the terms fresh, with a warning for those that keep state; otherwise the
     * saved terms must be exactly the model's, and each term checks its own tensors.
     */
    private static void restoreLossState(GraphAutoencoder model, TrainingState resume) {
        List<String> keys = lossTermKeys(model);
        if (!resume.hasLossState()) {
            for (int k = 0; k < keys.size(); k++) {
                if (!model.losses().get(k).loss().state().isEmpty()) {
                    LOG.warn("The saved state holds no state of loss term '{}' (saved by an older gae4j): the term"
                            + " restarts from its initial state, so the resumed run will not match an uninterrupted"
                            + " one bit for bit", keys.get(k));
                }
            }
            return;
        }
        Set<String> saved = new LinkedHashSet<>(resume.lossState().keySet());
        saved.removeAll(keys);
        if (!saved.isEmpty()) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "The saved state holds state of loss term '%s', which the model does not have (its terms: %s)",
                    saved.iterator().next(), keys));
        }
        for (int k = 0; k < keys.size(); k++) {
            String key = keys.get(k);
            Map<String, Matrix> state = resume.lossState().get(key);
            if (state == null) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "The saved state holds no state of loss term '%s' (it holds %s)", key,
                        resume.lossState().keySet()));
            }
            try {
                model.losses().get(k).loss().restoreState(copies(state, key));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Saved state of loss term '" + key + "': " + e.getMessage(), e);
            }
        }
    }

    private static Map<String, Matrix> copies(Map<String, Matrix> state, String key) {
        Map<String, Matrix> out = new LinkedHashMap<>();
        state.forEach((name, value) -> {
            if (name == null || value == null) {
                throw new IllegalStateException("Loss term '" + key + "' has a null tensor name or value in its state");
            }
            out.put(name, value.copy());
        });
        return out;
    }

    private static List<Matrix> copies(List<Weights> weights) {
        return weights.stream().map(w -> w.data().copy()).toList();
    }

    /** Overwrites the live parameters, checking shapes so a checkpoint of another model fails clearly. */
    private static void copyInto(List<Matrix> values, List<Weights> weights) {
        if (values.size() != weights.size()) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "The saved state has %d parameters, the model %d", values.size(), weights.size()));
        }
        for (int k = 0; k < weights.size(); k++) {
            Matrix target = weights.get(k).data();
            Matrix value = values.get(k);
            if (!target.sameShape(value)) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "The saved value of %s has shape %s, the model expects %s", weights.get(k).name(),
                        value.shape(), target.shape()));
            }
            System.arraycopy(value.data(), 0, target.data(), 0, value.data().length);
        }
    }

    /** Diverged weights can give finite losses but NaN logits (∞ − ∞); say so instead of failing in the metrics. */
    private List<double[]> requireScores(List<double[]> scores, String what, int epoch) {
        for (double[] list : scores) {
            for (double v : list) {
                if (Double.isNaN(v)) {
                    throw new NumericalException(String.format(Locale.ROOT,
                            "%s scores are NaN at epoch %d (learning rate %s); the model diverged: lower the learning"
                                    + " rate or check the input features for extreme values", what, epoch,
                            config.learningRate()));
                }
            }
        }
        return scores;
    }

    private static void checkGradients(List<Weights> weights, ComputationContext ctx, int epoch) {
        for (Weights w : weights) {
            Matrix g = ctx.gradient(w);
            if (g != null && g.firstNonFinite() >= 0) {
                int k = g.firstNonFinite();
                throw new NumericalException(String.format(Locale.ROOT,
                        "Gradient of %s is %s at entry (%d, %d) in epoch %d; lower the learning rate", w.render(),
                        g.data()[k], k / g.cols(), k % g.cols(), epoch));
            }
        }
    }

    private static String format(EpochStats s) {
        return String.format(Locale.ROOT, "epoch %4d  loss %.5f  val AUC %.4f  val AP %.4f  %.1f ms", s.epoch(),
                s.loss(), s.valAuc(), s.valAp(), s.trainMillis());
    }
}
