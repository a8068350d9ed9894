package io.github.gae4j.decoders.mlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.gae4j.core.autodiff.ComputationContext;
import io.github.gae4j.core.autodiff.Constant;
import io.github.gae4j.core.autodiff.Weights;
import io.github.gae4j.core.graph.EdgeList;
import io.github.gae4j.core.spi.ComponentConfig;
import io.github.gae4j.core.spi.ConfigException;
import io.github.gae4j.core.spi.CreationContext;
import io.github.gae4j.core.spi.Decoder;
import io.github.gae4j.core.tensor.Matrix;
import io.github.gae4j.core.testing.TestGraphs;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

final class MlpDecoderTest {

    @Test
    void logitIsTheMlpOfTheElementwiseProduct() {
        MlpDecoder decoder = new MlpDecoder(3, new int[] {2}, new SplittableRandom(1));
        assertThat(decoder.weights()).extracting(Weights::name).containsExactly("mlp.W0", "mlp.b0", "mlp.W1", "mlp.b1");
        decoder.weights().get(1).data().data()[0] = 0.3;     // b0
        decoder.weights().get(3).data().data()[0] = -0.2;    // b1
        Matrix z = TestGraphs.randomMatrix(4, 3, 5);
        double[] logits = new ComputationContext()
                .forward(decoder.logits(Constant.of(z), new EdgeList(new int[] {0, 2}, new int[] {3, 1}))).toRowMajor();
        Matrix w0 = decoder.weights().get(0).data();
        Matrix w1 = decoder.weights().get(2).data();
        int[][] pairs = {{0, 3}, {2, 1}};
        for (int e = 0; e < 2; e++) {
            double out = -0.2;
            for (int h = 0; h < 2; h++) {
                double pre = h == 0 ? 0.3 : 0.0;
                for (int k = 0; k < 3; k++) {
                    pre += z.get(pairs[e][0], k) * z.get(pairs[e][1], k) * w0.get(k, h);
                }
                out += Math.max(pre, 0) * w1.get(h, 0);
            }
            assertThat(logits[e]).isCloseTo(out, within(1e-12));
        }
    }

    @Test
    void optionsChooseTheLayersAndBadOnesAreRejected() {
        CreationContext ctx = new CreationContext(16, 10, 3);
        MlpDecoderFactory factory = new MlpDecoderFactory();
        Decoder defaults = factory.create(ComponentConfig.empty(), ctx);
        assertThat(defaults.weights()).extracting(Weights::shape).containsExactly("(16, 64)", "(1, 64)", "(64, 1)", "(1, 1)");
        assertThat(factory.create(ComponentConfig.of("hidden", ""), ctx).weights()).extracting(Weights::shape)
                .containsExactly("(16, 1)", "(1, 1)");
        assertThat(factory.create(ComponentConfig.of("hidden", "8, 4"), ctx).weights()).hasSize(6);
        assertThatThrownBy(() -> factory.create(ComponentConfig.of("hidden", "8,x"), ctx))
                .isInstanceOf(ConfigException.class).hasMessageContaining("Option 'hidden' of decoder 'mlp'")
                .hasMessageContaining("got '8,x'");
        assertThat(defaults.fusedFullGraphBce(Constant.of(Matrix.zeros(10, 16)), null, 1, 1, null)).isEmpty();
        assertThatThrownBy(() -> defaults.logits(Constant.of(Matrix.zeros(10, 8)), EdgeList.empty()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("16 latent dimensions");
    }
}
