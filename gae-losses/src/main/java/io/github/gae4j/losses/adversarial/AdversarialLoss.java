package io.github.gae4j.losses.adversarial;

import io.github.gae4j.core.autodiff.ComputationContext;
import io.github.gae4j.core.autodiff.Constant;
import io.github.gae4j.core.autodiff.Variable;
import io.github.gae4j.core.autodiff.Weights;
import io.github.gae4j.core.autodiff.functions.Add;
import io.github.gae4j.core.autodiff.functions.BceWithLogits;
import io.github.gae4j.core.autodiff.functions.Sigmoid;
import io.github.gae4j.core.optim.Adam;
import io.github.gae4j.core.parallel.Parallelism;
import io.github.gae4j.core.spi.GaeException;
import io.github.gae4j.core.spi.Loss;
import io.github.gae4j.core.spi.LossInput;
import io.github.gae4j.core.tensor.Matrix;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
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
 *   <li>Z is evaluated in a fresh {@link ComputationContext} and copied: the discriminator sees it
 *       detached from the encoder;</li>
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
 *       gradient checks and its best-epoch restore leave them alone, and a checkpoint of the
 *       autoencoder ({@code TrainingState}: weights, best weights, Adam moments) holds neither the
 *       discriminator, nor its Adam moments, nor the call count. Resuming from such a checkpoint with
 *       a new instance restarts the discriminator from its initial weights and the period from 0: the
 *       run continues, but not bit for bit as an uninterrupted one;</li>
 *   <li>one extra forward pass of the encoder per adversarial call (step 1), cheap next to the
 *       decoder.</li>
 * </ul>
 * Randomness: the initial discriminator comes from the {@code CreationContext}'s seed; the prior
 * samples from the {@link LossInput#random()} of each pass. There is no other source.
 */
public final class AdversarialLoss implements Loss {

    private final int[] hidden;
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
    public AdversarialLoss(int[] hidden, double learningRate, int steps, int period, double initStd,
                           SplittableRandom initRandom) {
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
        Parallelism parallelism = in.parallelism();
        int n = z.rows();
        if (n == 0) {
            throw new GaeException("Loss 'adversarial' needs at least one node, got embeddings " + z.shape());
        }
        if (calls++ % period != 0) {
            return Constant.scalar(0.0);
        }
        Matrix ones = filled(n, 1.0);
        if (steps > 0) {
            Constant fake = Constant.of(new ComputationContext().forward(z).copy());
            Matrix zeros = Matrix.zeros(n, 1);
            for (int s = 0; s < steps; s++) {
                Constant real = Constant.of(prior(n, z.cols(), in.random()));
                Variable dLoss = Add.of(BceWithLogits.of(d.logits(real, parallelism), ones),
                        BceWithLogits.of(d.logits(fake, parallelism), zeros));
                ComputationContext ctx = new ComputationContext();
                ctx.backward(dLoss);
                adam.step(d.weights(), ctx);
            }
        }
        return BceWithLogits.of(d.frozen().logits(z, parallelism), ones);
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
        Variable loss = Add.of(BceWithLogits.of(d.logits(Constant.of(real), parallelism), filled(real.rows(), 1.0)),
                BceWithLogits.of(d.logits(Constant.of(fake), parallelism), Matrix.zeros(fake.rows(), 1)));
        return new ComputationContext().forward(loss).scalarValue();
    }

    /** P(row comes from the prior) by the current discriminator, one probability per row. */
    public double[] realProbability(Matrix rows, Parallelism parallelism) {
        Discriminator d = discriminator(rows.cols());
        double[] logits = new ComputationContext().forward(d.logits(Constant.of(rows), parallelism)).data().clone();
        for (int k = 0; k < logits.length; k++) {
            logits[k] = Sigmoid.sigmoid(logits[k]);
        }
        return logits;
    }

    private Discriminator discriminator(int latentDim) {
        if (discriminator == null) {
            discriminator = Discriminator.create(latentDim, hidden, initStd, initRandom);
        } else if (discriminator.inputDim() != latentDim) {
            throw new GaeException(String.format(Locale.ROOT,
                    "Loss 'adversarial' was first used with latent dimension %d and now gets %d; use one instance"
                            + " per model", discriminator.inputDim(), latentDim));
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
