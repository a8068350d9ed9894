package io.github.gae4j.encoders.vgae;

import io.github.gae4j.core.autodiff.Variable;
import io.github.gae4j.core.autodiff.Weights;
import io.github.gae4j.core.autodiff.functions.Clamp;
import io.github.gae4j.core.optim.GlorotUniform;
import io.github.gae4j.core.spi.Encoder;
import io.github.gae4j.core.spi.Encoding;
import io.github.gae4j.core.spi.GraphInput;
import io.github.gae4j.core.spi.Mode;
import io.github.gae4j.encoders.gcn.GcnEncoder;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The variational GCN encoder of VGAE: H = ReLU(Â X W0) is shared by both heads,
 * μ = Â H Wμ and log σ = Â H Wσ (log σ, not log-variance), clamped from above so exp stays finite.
 */
public final class VariationalGcnEncoder implements Encoder {

    private final Weights w0;
    private final Weights wMu;
    private final Weights wLogStd;
    private final double maxLogStd;

    /** W0, Wμ, Wσ drawn in that order from {@code random}. */
    public VariationalGcnEncoder(int inputDim, int hidden, int latent, double maxLogStd, RandomGenerator random) {
        GcnEncoder.requirePositive(inputDim, hidden, latent);
        if (!(maxLogStd > 0) || !Double.isFinite(maxLogStd)) {
            throw new IllegalArgumentException("maxLogStd must be positive and finite, got " + maxLogStd);
        }
        this.w0 = new Weights("vgae.W0", GlorotUniform.sample(inputDim, hidden, random));
        this.wMu = new Weights("vgae.Wmu", GlorotUniform.sample(hidden, latent, random));
        this.wLogStd = new Weights("vgae.Wsigma", GlorotUniform.sample(hidden, latent, random));
        this.maxLogStd = maxLogStd;
    }

    public VariationalGcnEncoder(int inputDim, int hidden, int latent, RandomGenerator random) {
        this(inputDim, hidden, latent, 10.0, random);
    }

    @Override
    public Encoding encode(GraphInput input, Mode mode) {
        Variable h = GcnEncoder.hiddenLayer(input, w0);
        return Encoding.gaussian(GcnEncoder.propagate(input, h, wMu),
                Clamp.max(GcnEncoder.propagate(input, h, wLogStd), maxLogStd));
    }

    @Override
    public List<Weights> weights() {
        return List.of(w0, wMu, wLogStd);
    }

    @Override
    public int latentDim() {
        return wMu.cols();
    }
}
