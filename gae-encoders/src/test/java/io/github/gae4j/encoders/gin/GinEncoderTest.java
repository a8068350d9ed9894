// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.encoders.gin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.gae4j.core.autodiff.ComputationContext;
import io.github.gae4j.core.autodiff.Weights;
import io.github.gae4j.core.error.ConfigException;
import io.github.gae4j.core.graph.Features;
import io.github.gae4j.core.graph.Graph;
import io.github.gae4j.core.spi.ComponentConfig;
import io.github.gae4j.core.spi.CreationContext;
import io.github.gae4j.core.spi.Encoder;
import io.github.gae4j.core.spi.GraphInput;
import io.github.gae4j.core.spi.Mode;
import io.github.gae4j.core.tensor.Matrix;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

final class GinEncoderTest {

    /** A path 0 − 1 − 2 and an isolated node 3, with 2-d features. */
    private static Graph path() {
        return Graph.builder(4)
                .edges(new int[] {0, 1}, new int[] {1, 2})
                .features(Features.dense(Matrix.of(new double[][] {{1, 0}, {0, 2}, {-1, 1}, {3, 3}})))
                .build();
    }

    private static Encoder create(Graph g, Object... options) {
        return new GinEncoderFactory()
                .create(
                        ComponentConfig.of(options),
                        new CreationContext(g.featuresOrIdentity().dim(), g.nodeCount(), 3L));
    }

    @Test
    void oneLinearLayerIsOnePlusEpsTimesSelfPlusNeighbourSumTimesW() {
        Graph g = path();
        Encoder enc = create(g, "layers", 1, "mlp-layers", 1, "latent", 2, "bias", false, "eps", 0.5);
        Matrix w = enc.weights().get(0).data();
        Matrix x = g.featuresOrIdentity().toDense();
        double[][] agg = {
            {1.5 * 1 + 0, 1.5 * 0 + 2}, // node 0: itself and node 1
            {1.5 * 0 + 1 - 1, 1.5 * 2 + 0 + 1}, // node 1: itself, nodes 0 and 2
            {1.5 * -1 + 0, 1.5 * 1 + 2}, // node 2: itself and node 1
            {1.5 * 3, 1.5 * 3}
        }; // node 3: itself only
        Matrix expected = Matrix.of(agg).multiply(w);
        Matrix z = new ComputationContext()
                .forward(enc.encode(GraphInput.of(g), Mode.EVAL).mu());
        assertThat(z.data()).containsExactly(expected.data(), within(1e-12));
        assertThat(x.rows()).isEqualTo(4);
    }

    @Test
    void learnableEpsIsOneWeightPerLayerStartingAtTheOption() {
        Encoder enc =
                create(path(), "layers", 3, "train-eps", true, "eps", 0.25, "hidden", 4, "latent", 2, "norm", "none");
        assertThat(enc.weights())
                .extracting(Weights::name)
                .containsExactly(
                        "gin.l0.0.w",
                        "gin.l0.0.b",
                        "gin.l0.1.w",
                        "gin.l0.1.b",
                        "gin.l0.eps",
                        "gin.l1.0.w",
                        "gin.l1.0.b",
                        "gin.l1.1.w",
                        "gin.l1.1.b",
                        "gin.l1.eps",
                        "gin.l2.0.w",
                        "gin.l2.0.b",
                        "gin.l2.1.w",
                        "gin.l2.1.b",
                        "gin.l2.eps");
        assertThat(enc.weights().get(4).data().scalarValue()).isEqualTo(0.25);
        assertThat(enc.latentDim()).isEqualTo(2);
    }

    @Test
    void dropoutOnlyInTrainingPassesWithARandomSource() {
        Graph g = path();
        Encoder enc = create(g, "hidden", 8, "latent", 2, "dropout", 0.5);
        GraphInput input = GraphInput.of(g);
        Matrix eval = new ComputationContext()
                .forward(enc.encode(input, Mode.EVAL, new SplittableRandom(1)).mu());
        Matrix plain =
                new ComputationContext().forward(enc.encode(input, Mode.TRAIN).mu());
        Matrix train = new ComputationContext()
                .forward(enc.encode(input, Mode.TRAIN, new SplittableRandom(1)).mu());
        assertThat(eval.data()).containsExactly(plain.data());
        assertThat(train.data()).isNotEqualTo(eval.data());
    }

    @Test
    void aBadNormNamesTheOptionAndTheChoices() {
        assertThatThrownBy(() -> create(path(), "norm", "group"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("'norm'")
                .hasMessageContaining("[none, batch, layer]")
                .hasMessageContaining("'group'");
    }
}
