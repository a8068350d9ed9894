// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.losses.adversarial;

import io.github.gae4j.core.autodiff.ComputationContext;
import io.github.gae4j.core.autodiff.Constant;
import io.github.gae4j.core.autodiff.Variable;
import io.github.gae4j.core.autodiff.Weights;
import io.github.gae4j.core.autodiff.functions.Add;
import io.github.gae4j.core.autodiff.functions.BceWithLogits;
import io.github.gae4j.core.autodiff.functions.Sigmoid;
import io.github.gae4j.core.error.GaeException;
import io.github.gae4j.core.optim.Adam;
import io.github.gae4j.core.optim.StateTensors;
import io.github.gae4j.core.parallel.Parallelism;
import io.github.gae4j.core.spi.Loss;
import io.github.gae4j.core.spi.LossInput;
import io.github.gae4j.core.tensor.Matrix;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The adversarial regulariser of ARGA and ARVGA (Pan et al., "Adversarially Regularized Graph
 * Autoencoder for Graph Embedding", IJCAI 2018): a discriminator D, a dense ReLU network from the
 * latent dimension to one logit, learns to tell samples of the prior N(0, I) from the embeddings Z,
 * and the encoder is pushed to make Z look like prior samples.
 *
 * <p>Every {@code period}-th call of {@link #loss} (calls 0, period, 2·period, …) is one round of the
 * alternation; the calls between return a constant 0 and leave the discriminator alone:
 * <ol>
 *   <li>Z is evaluated in the pass's context ({@link LossInput#context()}, where the value stays cached
 *       for the pass) and copied: the discriminator sees it detached from the encoder;</li>
 *   <li>{@code steps} times: draw real ~ N(0, I) of Z's shape from {@link LossInput#random()}, take
 *       the discriminator loss mean BCE(D(real), 1) + mean BCE(D(Z), 0), back-propagate it and step
 *       this loss's own {@link Adam} on the discriminator's parameters only;</li>
 *   <li>return the generator term mean BCE(D(Z), 1) = mean softplus(−D(Z)), built on
 *       {@code in.z()} over a frozen copy of the updated discriminator, so the trainer's backward
 *       reaches the encoder and nothing else.</li>
 * </ol>
 * D has its own optimiser and learning rate, as in the reference code; the generator term joins the
 * reconstruction (and KL) terms in the trainer's single Adam step on the model's weights. The
 * reference code (TrustAGI-Lab/ARGA) takes, per iteration, 5 reconstruction steps, then one
 * discriminator step and one generator step; {@code period} 5 with five times the epochs is that
 * schedule, with the generator step folded into the fifth reconstruction step.
 *
 * <p><b>Why a loss.</b> The SPI has no place for a second network trained against the model, but a
 * loss term sees Z and a seeded random source on every pass, which is all a discriminator needs,
 * so ARGA and ARVGA are ordinary model descriptions ({@code "losses": [..., {"name":
 * "adversarial"}]}) with the trainer unchanged. What that implies:
 * <ul>
 *   <li>the loss is <em>stateful</em>: each call trains the discriminator (and counts towards
 *       {@code period}), so calling it twice is not the same as calling it once, and a new instance
 *       (same seed) is needed to repeat a run;</li>
 *   <li>its parameters are not in {@link Loss#weights()} (on purpose: those are trained by the
 *       model's optimiser) nor in {@code GraphAutoencoder.weights()}: the trainer's optimiser, its
 *       gradient checks and its best-epoch restore leave them alone (the model file of the best
 *       epoch holds no discriminator: evaluation does not need it);</li>
 *   <li>{@link #state()} holds everything that makes the next call differ from a fresh instance's:
 *       the call count ({@code calls}), and, once the discriminator exists, each of its parameters
 *       under its name ({@code discriminator.layer1.weight}, …, {@code discriminator.output.bias})
 *       with its Adam moments and update count ({@code <name>.adam-m}, {@code <name>.adam-v},
 *       {@code <name>.adam-step}). The trainer keeps it in its {@code TrainingState} and in
 *       checkpoints, so a run resumed with a new instance continues bit for bit as an uninterrupted
 *       one;</li>
 *   <li>no extra forward pass of the encoder (step 1 computes the pass's own Z early); the
 *       discriminator's steps run in contexts of their own with the pass's thread budget
 *       ({@code new ComputationContext(in.context().parallelism())}).</li>
 * </ul>
 * Randomness: the initial discriminator comes from the {@code CreationContext}'s seed (drawn on the
 * first call, or never when {@link #restoreState} set it); the prior samples from the {@link
 * LossInput#random()} of each pass, which the trainer derives from (seed, epoch) alone, and only on
 * adversarial calls, {@code steps · n · d} draws each, so they depend on (seed, epoch, calls) and
 * the call count is part of the state. There is no other source.
 */
public final class AdversarialLoss implements Loss {

    private final int[] hidden;
    private static final String CALLS = "calls";
    private static final String ADAM_M = ".adam-m";
    private static final String ADAM_V = ".adam-v";
    private static final String ADAM_STEP = ".adam-step";
    /** Adam's state slots ({@link Adam#state}) and this loss's names for them, in the same order. */
    private static final List<String> ADAM_SLOTS = List.of(Adam.EXP_AVG, Adam.EXP_AVG_SQ, Adam.STEP);

    private static final List<String> OWN_SLOTS = List.of(ADAM_M, ADAM_V, ADAM_STEP);
    /** Doubles hold every integer up to this exactly. */
    private static final double MAX_COUNT = 9007199254740992.0;

    private final int steps;
    private final int period;
    private final double initStd;
    private final SplittableRandom initRandom;
    private final Adam adam;
    private Discriminator discriminator;
    private long calls;

    /**
     * @param hidden       hidden layer sizes of the discriminator (the reference: 64, 32)
     * @param learningRate the discriminator's Adam step size (the reference: 0.001)
     * @param steps        discriminator steps per adversarial call (the reference: 1)
     * @param period       calls 0, period, 2·period, … are adversarial (discriminator steps, then the generator
     *                     term); the others return a constant 0 and leave the discriminator alone. The reference
     *                     takes 5 reconstruction steps per discriminator and generator step: 5 with 5× the epochs
     * @param initStd      0 for Glorot-uniform weights, otherwise the standard deviation of normal
     *                     weights (the reference: 0.01); biases start at zero
     * @param initRandom   draws the initial weights, on the first call (when the latent dimension is known)
     */
    public AdversarialLoss(
            int[] hidden, double learningRate, int steps, int period, double initStd, SplittableRandom initRandom) {
        this.hidden = hidden.clone();
        for (int h : this.hidden) {
            if (h < 1) {
                throw new IllegalArgumentException("Hidden layer sizes must be >= 1, got " + Arrays.toString(hidden));
            }
        }
        if (steps < 0) {
            throw new IllegalArgumentException("steps must be >= 0, got " + steps);
        }
        if (period < 1) {
            throw new IllegalArgumentException("period must be >= 1, got " + period);
        }
        if (!(initStd >= 0) || !Double.isFinite(initStd)) {
            throw new IllegalArgumentException("initStd must be >= 0 and finite, got " + initStd);
        }
        this.steps = steps;
        this.period = period;
        this.initStd = initStd;
        this.initRandom = Objects.requireNonNull(initRandom, "initRandom is null");
        this.adam = new Adam(learningRate);
    }

    /** The reference discriminator: hidden 64, 32; learning rate 0.001; one step every call; Glorot-uniform init. */
    public static AdversarialLoss reference(SplittableRandom initRandom) {
        return new AdversarialLoss(new int[] {64, 32}, 0.001, 1, 1, 0.0, initRandom);
    }

    @Override
    public Variable loss(LossInput in) {
        Variable z = in.z();
        Discriminator d = discriminator(z.cols());
        int n = z.rows();
        if (n == 0) {
            throw new GaeException("Loss 'adversarial' needs at least one node, got embeddings " + z.shape());
        }
        if (calls++ % period != 0) {
            return Constant.scalar(0.0);
        }
        Matrix ones = filled(n, 1.0);
        if (steps > 0) {
            Constant fake = Constant.of(in.context().forward(z).copy());
            Matrix zeros = Matrix.zeros(n, 1);
            for (int s = 0; s < steps; s++) {
                Constant real = Constant.of(prior(n, z.cols(), in.random()));
                Variable dLoss =
                        Add.of(BceWithLogits.of(d.logits(real), ones), BceWithLogits.of(d.logits(fake), zeros));
                ComputationContext ctx = new ComputationContext(in.context().parallelism());
                ctx.backward(dLoss);
                adam.step(d.weights(), ctx);
            }
        }
        return BceWithLogits.of(d.frozen().logits(z), ones);
    }

    /**
     * The call count, then the discriminator's parameters, each followed by its Adam moments and
     * update count (nothing of the discriminator before it exists); copies. See the class comment.
     */
    @Override
    public Map<String, Matrix> state() {
        Map<String, Matrix> out = new LinkedHashMap<>();
        out.put(CALLS, Matrix.scalar((double) calls));
        if (discriminator != null) {
            List<Weights> ws = discriminator.weights();
            Map<String, Matrix> moments = adam.state(ws);
            for (Weights w : ws) {
                out.put(w.name(), w.data().copy());
                // This loss's names since before optimisers kept named state: checkpoints of ARGA runs still resume.
                for (int s = 0; s < ADAM_SLOTS.size(); s++) {
                    out.put(w.name() + OWN_SLOTS.get(s), moments.get(StateTensors.key(w, ADAM_SLOTS.get(s))));
                }
            }
        }
        return out;
    }

    /**
     * Sets the call count, the discriminator and its Adam state from {@link #state()} of a loss with
     * the same options; the latent dimension is that of the saved first layer. Checks every tensor
     * before changing anything.
     *
     * @throws IllegalArgumentException naming the first tensor that is missing, unknown, mis-shaped
     *                                  or not a count
     */
    @Override
    public void restoreState(Map<String, Matrix> state) {
        long restoredCalls = count(state, CALLS);
        Set<String> unknown = new LinkedHashSet<>(state.keySet());
        unknown.remove(CALLS);
        String first = Discriminator.firstWeightName(hidden);
        if (unknown.isEmpty()) {
            if (restoredCalls > 0) {
                throw new IllegalArgumentException(String.format(
                        Locale.ROOT,
                        "the state counts %d calls but has no tensor '%s' (nor any other of the discriminator)",
                        restoredCalls,
                        first));
            }
            calls = 0;
            if (discriminator != null) {
                adam.restoreState(discriminator.weights(), freshAdamState(discriminator.weights()));
            }
            discriminator = null;
            return;
        }
        int inputDim = require(state, first, -1, -1).rows();
        if (inputDim < 1) {
            throw new IllegalArgumentException(
                    "tensor '" + first + "' has shape " + state.get(first).shape() + ": no latent dimension");
        }
        if (discriminator != null && discriminator.inputDim() != inputDim) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT,
                    "tensor '%s' has shape %s: a discriminator for latent dimension %d, but this loss already has"
                            + " one for %d",
                    first,
                    state.get(first).shape(),
                    inputDim,
                    discriminator.inputDim()));
        }
        Discriminator target = discriminator != null ? discriminator : Discriminator.zeros(inputDim, hidden);
        List<Weights> ws = target.weights();
        Map<String, Matrix> moments = new LinkedHashMap<>();
        for (Weights w : ws) {
            require(state, w.name(), w.rows(), w.cols());
            moments.put(StateTensors.key(w, ADAM_SLOTS.get(0)), require(state, w.name() + ADAM_M, w.rows(), w.cols()));
            moments.put(StateTensors.key(w, ADAM_SLOTS.get(1)), require(state, w.name() + ADAM_V, w.rows(), w.cols()));
            moments.put(
                    StateTensors.key(w, ADAM_SLOTS.get(2)), Matrix.scalar((double) count(state, w.name() + ADAM_STEP)));
            unknown.removeAll(List.of(w.name(), w.name() + ADAM_M, w.name() + ADAM_V, w.name() + ADAM_STEP));
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT,
                    "unknown tensor '%s' (a discriminator with hidden sizes %s has %s)",
                    unknown.iterator().next(),
                    Arrays.toString(hidden),
                    ws.stream().map(Weights::name).toList()));
        }
        for (Weights w : ws) {
            double[] src = state.get(w.name()).data();
            System.arraycopy(src, 0, w.data().data(), 0, src.length);
        }
        adam.restoreState(ws, moments);
        discriminator = target;
        calls = restoredCalls;
    }

    /** Adam's state before any step: zero moments, step 0, for every parameter. */
    private static Map<String, Matrix> freshAdamState(List<Weights> ws) {
        Map<String, Matrix> out = new LinkedHashMap<>();
        for (Weights w : ws) {
            out.put(StateTensors.key(w, ADAM_SLOTS.get(0)), Matrix.zeros(w.rows(), w.cols()));
            out.put(StateTensors.key(w, ADAM_SLOTS.get(1)), Matrix.zeros(w.rows(), w.cols()));
            out.put(StateTensors.key(w, ADAM_SLOTS.get(2)), Matrix.scalar(0));
        }
        return out;
    }

    /** The tensor {@code name}, of shape (rows, cols) unless those are negative. */
    private Matrix require(Map<String, Matrix> state, String name, int rows, int cols) {
        Matrix m = state.get(name);
        if (m == null) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT,
                    "no tensor '%s' (a discriminator with hidden sizes %s and its Adam state are expected)",
                    name,
                    Arrays.toString(hidden)));
        }
        if (rows >= 0 && (m.rows() != rows || m.cols() != cols)) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT,
                    "tensor '%s' has shape %s, expected (%d, %d) (hidden sizes %s)",
                    name,
                    m.shape(),
                    rows,
                    cols,
                    Arrays.toString(hidden)));
        }
        return m;
    }

    /** A 1 × 1 tensor holding a non-negative integer. */
    private long count(Map<String, Matrix> state, String name) {
        double value = require(state, name, 1, 1).scalarValue();
        if (!(value >= 0 && value <= MAX_COUNT && value == Math.rint(value))) {
            throw new IllegalArgumentException("tensor '" + name + "' should hold a count, got " + value);
        }
        return (long) value;
    }

    /** The discriminator's current parameters (empty before the first call): not part of the model's weights. */
    public List<Weights> discriminatorWeights() {
        return discriminator == null ? List.of() : discriminator.weights();
    }

    /**
     * The mean discriminator loss mean BCE(D(real), 1) + mean BCE(D(fake), 0) of the current
     * discriminator on the given rows, without training it (diagnostics and tests).
     */
    public double discriminatorLoss(Matrix real, Matrix fake, Parallelism parallelism) {
        Discriminator d = discriminator(real.cols());
        Variable loss = Add.of(
                BceWithLogits.of(d.logits(Constant.of(real)), filled(real.rows(), 1.0)),
                BceWithLogits.of(d.logits(Constant.of(fake)), Matrix.zeros(fake.rows(), 1)));
        return new ComputationContext(parallelism).forward(loss).scalarValue();
    }

    /** P(row comes from the prior) by the current discriminator, one probability per row. */
    public double[] realProbability(Matrix rows, Parallelism parallelism) {
        Discriminator d = discriminator(rows.cols());
        double[] logits = new ComputationContext(parallelism)
                .forward(d.logits(Constant.of(rows)))
                .data()
                .clone();
        for (int k = 0; k < logits.length; k++) {
            logits[k] = Sigmoid.sigmoid(logits[k]);
        }
        return logits;
    }

    private Discriminator discriminator(int latentDim) {
        if (discriminator == null) {
            discriminator = Discriminator.create(latentDim, hidden, initStd, initRandom);
        } else if (discriminator.inputDim() != latentDim) {
            throw new GaeException(String.format(
                    Locale.ROOT,
                    "Loss 'adversarial' was first used with latent dimension %d and now gets %d; use one instance"
                            + " per model",
                    discriminator.inputDim(),
                    latentDim));
        }
        return discriminator;
    }

    /** An (n, d) sample of N(0, I), drawn row by row. */
    static Matrix prior(int n, int d, SplittableRandom random) {
        Matrix m = Matrix.zeros(n, d);
        double[] data = m.data();
        for (int k = 0; k < data.length; k++) {
            data[k] = random.nextGaussian();
        }
        return m;
    }

    private static Matrix filled(int n, double value) {
        Matrix m = Matrix.zeros(n, 1);
        Arrays.fill(m.data(), value);
        return m;
    }
}
