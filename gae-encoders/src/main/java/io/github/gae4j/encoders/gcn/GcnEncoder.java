package io.github.gae4j.encoders.gcn;

import io.github.gae4j.core.autodiff.Variable;
import io.github.gae4j.core.autodiff.Weights;
import io.github.gae4j.core.autodiff.functions.MatMul;
import io.github.gae4j.core.autodiff.functions.Relu;
import io.github.gae4j.core.autodiff.functions.SparseMatMul;
import io.github.gae4j.core.optim.GlorotUniform;
import io.github.gae4j.core.spi.Encoder;
import io.github.gae4j.core.spi.Encoding;
import io.github.gae4j.core.spi.GraphInput;
import io.github.gae4j.core.spi.Mode;
import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * The two-layer GCN encoder of GAE: Z = Â · ReLU(Â X W0) · W1, Glorot-uniform weights, no bias.
 * Products are ordered so that every sparse product has the narrow dense operand on the right.
 */
public final class GcnEncoder implements Encoder {

    private final Weights w0;
    private final Weights w1;

    /** W0 (inputDim × hidden) then W1 (hidden × latent) drawn from {@code random}. */
    public GcnEncoder(int inputDim, int hidden, int latent, RandomGenerator random) {
        requirePositive(inputDim, hidden, latent);
        this.w0 = new Weights("gcn.W0", GlorotUniform.sample(inputDim, hidden, random));
        this.w1 = new Weights("gcn.W1", GlorotUniform.sample(hidden, latent, random));
    }

    /** Layer sizes must be positive. */
    public static void requirePositive(int inputDim, int hidden, int latent) {
        if (inputDim < 1 || hidden < 1 || latent < 1) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "Sizes must be positive: input %d, hidden %d, latent %d", inputDim, hidden, latent));
        }
    }

    @Override
    public Encoding encode(GraphInput input, Mode mode) {
        return Encoding.deterministic(propagate(input, hiddenLayer(input, w0), w1));
    }

    /** H = ReLU(Â X W0), the first layer (shared with the variational encoder). */
    public static Variable hiddenLayer(GraphInput input, Weights w0) {
        requireInputDim(input, w0);
        return Relu.of(SparseMatMul.of(input.normalizedAdjacency(), input.features().times(w0, input.parallelism()),
                input.parallelism()));
    }

    /** Â H W, with the narrow product H W taken first. */
    public static Variable propagate(GraphInput input, Variable h, Weights w) {
        return SparseMatMul.of(input.normalizedAdjacency(), MatMul.of(h, w, input.parallelism()), input.parallelism());
    }

    /** Fails clearly when the features do not match the first layer. */
    public static void requireInputDim(GraphInput input, Weights first) {
        if (input.features().dim() != first.rows()) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "Encoder was built for %d input features but the graph has %d", first.rows(),
                    input.features().dim()));
        }
    }

    @Override
    public List<Weights> weights() {
        return List.of(w0, w1);
    }

    @Override
    public int latentDim() {
        return w1.cols();
    }
}
