package ${package};

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
 * The encoder {@code ${encoderName}}: a two-layer graph convolution, a starting point to replace with your own.
 * <pre>
 *   H = ReLU(Â X W0)
 *   Z = Â H W1          Â = D^-1/2 (A + I) D^-1/2, given as GraphInput.normalizedAdjacency()
 * </pre>
 * Rules the contract tests check: every learnable {@link Weights} is created here, once, under a distinct name, and
 * listed by {@link Encoder#weights()}; weights come from the seeded generator that the factory passes in; products
 * with the features go through {@link GraphInput#featuresTimes} (a corruption's learned [MASK] token reaches them).
 */
public final class ${encoderClass} implements Encoder {

    private final Weights w0;
    private final Weights w1;

    /** W0 (inputDim × hidden) then W1 (hidden × latent), drawn in that order from {@code random}. */
    public ${encoderClass}(int inputDim, int hidden, int latent, RandomGenerator random) {
        if (inputDim < 1 || hidden < 1 || latent < 1) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "Sizes must be positive: input %d, hidden %d, latent %d", inputDim, hidden, latent));
        }
        this.w0 = new Weights("${encoderName}.W0", GlorotUniform.sample(inputDim, hidden, random));
        this.w1 = new Weights("${encoderName}.W1", GlorotUniform.sample(hidden, latent, random));
    }

    @Override
    public Encoding encode(GraphInput input, Mode mode) {
        if (input.features().dim() != w0.rows()) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "${encoderName} was built for %d input features but the graph has %d", w0.rows(),
                    input.features().dim()));
        }
        Variable h = Relu.of(SparseMatMul.of(input.normalizedAdjacency(), input.featuresTimes(w0)));
        Variable z = SparseMatMul.of(input.normalizedAdjacency(), MatMul.of(h, w1));
        // Deterministic: Z only. A variational encoder returns its log σ too, for the gaussian sampler (VGAE).
        return Encoding.deterministic(z);
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
