// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.decoders.mlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.gae4j.core.autodiff.ComputationContext;
import io.github.gae4j.core.autodiff.Constant;
import io.github.gae4j.core.autodiff.Weights;
import io.github.gae4j.core.error.ConfigException;
import io.github.gae4j.core.graph.EdgeList;
import io.github.gae4j.core.spi.ComponentConfig;
import io.github.gae4j.core.spi.CreationContext;
import io.github.gae4j.core.spi.Decoder;
import io.github.gae4j.core.spi.FusedFullGraphLoss;
import io.github.gae4j.core.spi.Mode;
import io.github.gae4j.core.tensor.Matrix;
import io.github.gae4j.testkit.TestGraphs;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

final class MlpDecoderTest {

    @Test
    void logitIsTheMlpOfTheElementwiseProduct() {
        MlpDecoder decoder = new MlpDecoder(3, new int[] {2}, new SplittableRandom(1));
        assertThat(decoder.weights()).extracting(Weights::name).containsExactly("mlp.W0", "mlp.b0", "mlp.W1", "mlp.b1");
        decoder.weights().get(1).data().data()[0] = 0.3; // b0
        decoder.weights().get(3).data().data()[0] = -0.2; // b1
        Matrix z = TestGraphs.randomMatrix(4, 3, 5);
        double[] logits = new ComputationContext()
                .forward(decoder.logits(Constant.of(z), new EdgeList(new int[] {0, 2}, new int[] {3, 1})))
                .toRowMajor();
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
        assertThat(defaults.weights())
                .extracting(Weights::shape)
                .containsExactly("(16, 64)", "(1, 64)", "(64, 1)", "(1, 1)");
        assertThat(factory.create(ComponentConfig.of("hidden", ""), ctx).weights())
                .extracting(Weights::shape)
                .containsExactly("(16, 1)", "(1, 1)");
        assertThat(factory.create(ComponentConfig.of("hidden", "8, 4"), ctx).weights())
                .hasSize(6);
        assertThatThrownBy(() -> factory.create(ComponentConfig.of("hidden", "8,x"), ctx))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("Option 'hidden' of decoder 'mlp'")
                .hasMessageContaining("got '8,x'");
        assertThat(defaults).isNotInstanceOf(FusedFullGraphLoss.class);
        assertThatThrownBy(() -> defaults.logits(Constant.of(Matrix.zeros(10, 8)), EdgeList.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("16 latent dimensions");
    }

    @Test
    void dropoutDropsHiddenInputsInTrainingPassesOnly() {
        Matrix z = TestGraphs.randomMatrix(6, 4, 2);
        EdgeList pairs = new EdgeList(new int[] {0, 1, 2, 3}, new int[] {5, 4, 3, 2});
        MlpDecoder plain = new MlpDecoder(4, new int[] {8}, new SplittableRandom(1));
        MlpDecoder dropping = new MlpDecoder(4, new int[] {8}, 0.5, new SplittableRandom(1));
        assertThat(dropping.weights())
                .extracting(w -> w.data())
                .containsExactlyElementsOf(
                        plain.weights().stream().map(Weights::data).toList());
        double[] eval = forward(dropping.logits(Constant.of(z), pairs));
        assertThat(eval).containsExactly(forward(plain.logits(Constant.of(z), pairs)));
        double[] train = forward(dropping.logits(Constant.of(z), pairs, Mode.TRAIN, new SplittableRandom(3)));
        assertThat(train).isNotEqualTo(eval);
        assertThat(forward(dropping.logits(Constant.of(z), pairs, Mode.TRAIN, new SplittableRandom(4))))
                .isNotEqualTo(train);
        // Rate 0: a training pass is the evaluation pass and draws nothing.
        SplittableRandom random = new SplittableRandom(5);
        assertThat(forward(plain.logits(Constant.of(z), pairs, Mode.TRAIN, random)))
                .containsExactly(eval);
        assertThat(random.nextLong()).isEqualTo(new SplittableRandom(5).nextLong());
    }

    @Test
    void dropoutOptionIsARate() {
        CreationContext ctx = new CreationContext(16, 10, 3);
        MlpDecoderFactory factory = new MlpDecoderFactory();
        assertThat(factory.create(ComponentConfig.of("dropout", 0.3), ctx)).isNotNull();
        for (String bad : new String[] {"1", "-0.1", "x"}) {
            assertThatThrownBy(() -> factory.create(ComponentConfig.of("dropout", bad), ctx))
                    .isInstanceOf(ConfigException.class)
                    .hasMessageContaining("Option 'dropout' of decoder 'mlp' must be a number in [0, 1)")
                    .hasMessageContaining("got '" + bad + "'");
        }
    }

    private static double[] forward(io.github.gae4j.core.autodiff.Variable v) {
        return new ComputationContext().forward(v).toRowMajor();
    }
}
