// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.runtime.minibatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.gae4j.core.autodiff.Variable;
import io.github.gae4j.core.autodiff.Weights;
import io.github.gae4j.core.autodiff.functions.Add;
import io.github.gae4j.core.autodiff.functions.SparseMatMul;
import io.github.gae4j.core.error.ConfigException;
import io.github.gae4j.core.graph.Features;
import io.github.gae4j.core.spi.Encoder;
import io.github.gae4j.core.spi.Encoding;
import io.github.gae4j.core.spi.GraphInput;
import io.github.gae4j.core.spi.Mode;
import io.github.gae4j.core.tensor.Matrix;
import io.github.gae4j.core.tensor.SparseMatrix;
import io.github.gae4j.testkit.TestGraphs;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

final class ReceptiveFieldTest {

    private static final Features DENSE = Features.dense(Matrix.zeros(1, 3));
    private static final Features FEATURELESS = Features.identity(20);

    @Test
    void aPropagationOfKHopsReachesKHops() {
        for (int hops = 0; hops <= 3; hops++) {
            assertThat(ReceptiveField.measure(new Propagation(3, hops, false), DENSE))
                    .as("%d Â-propagations, dense features", hops)
                    .isEqualTo(OptionalInt.of(hops));
            assertThat(ReceptiveField.measure(new Propagation(20, hops, false), FEATURELESS))
                    .as("%d Â-propagations, featureless", hops)
                    .isEqualTo(OptionalInt.of(hops));
        }
    }

    @Test
    void anEncoderThatMixesAllNodesHasNoFiniteReach() {
        assertThat(ReceptiveField.measure(new Propagation(3, 1, true), DENSE)).isEmpty();
        assertThat(ReceptiveField.measure(new Propagation(20, 0, true), FEATURELESS))
                .isEmpty();
    }

    @Test
    void aMatchingFanOutPasses() {
        assertThatCode(() -> ReceptiveField.requireMatches(
                        FanOut.of(25, 10), new Propagation(3, 2, false), "two-hop", DENSE))
                .doesNotThrowAnyException();
        assertThatCode(() -> ReceptiveField.requireMatches(
                        FanOut.all(3), new Propagation(20, 3, false), "three-hop", FEATURELESS))
                .doesNotThrowAnyException();
    }

    @Test
    void aFanOutOfTheWrongLengthNamesBothCountsAndAnExample() {
        assertThatThrownBy(() ->
                        ReceptiveField.requireMatches(FanOut.of(25), new Propagation(3, 2, false), "two-hop", DENSE))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("The fan-out 25 has 1 entry")
                .hasMessageContaining("encoder 'two-hop' has 2 message-passing layers")
                .hasMessageContaining("e.g. 25,10");
        assertThatThrownBy(() -> ReceptiveField.requireMatches(
                        FanOut.of(25, 10, 5), new Propagation(3, 1, false), "one-hop", DENSE))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("The fan-out 25,10,5 has 3 entries")
                .hasMessageContaining("encoder 'one-hop' has 1 message-passing layer:")
                .hasMessageContaining("e.g. 25");
    }

    @Test
    void anEncoderThatMixesAllNodesIsRefusedByName() {
        assertThatThrownBy(
                        () -> ReceptiveField.requireMatches(FanOut.of(25), new Propagation(3, 1, true), "mixer", DENSE))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("Encoder 'mixer' cannot be trained in mini-batches")
                .hasMessageContaining("mixes all nodes")
                .hasMessageContaining("full-batch");
    }

    @Test
    void aFeaturelessGraphTooSmallForTheProbeIsRefused() {
        assertThatThrownBy(() -> ReceptiveField.measure(new Propagation(5, 1, false), Features.identity(5)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("too small");
    }

    @Test
    void theProbeRunsTheEncoderOnItsOwnPathNotOnTheTrainingGraph() {
        // The encoder is built for a graph of 20 nodes; the probe path is shorter, and that is fine.
        Propagation encoder = new Propagation(20, 2, false);
        assertThat(encoder.encode(GraphInput.of(TestGraphs.path(20)), Mode.EVAL)
                        .mu()
                        .rows())
                .isEqualTo(20);
        assertThat(ReceptiveField.measure(encoder, FEATURELESS)).hasValue(2);
    }

    /** Z = Â^hops X W, plus the column mean of that (every row gets it) when {@code mixes}. */
    private static final class Propagation implements Encoder {
        private final Weights w;
        private final int hops;
        private final boolean mixes;

        Propagation(int inputDim, int hops, boolean mixes) {
            this.w = new Weights("w", TestGraphs.randomMatrix(inputDim, 2, 3));
            this.hops = hops;
            this.mixes = mixes;
        }

        @Override
        public Encoding encode(GraphInput input, Mode mode) {
            Variable z = input.featuresTimes(w);
            for (int k = 0; k < hops; k++) {
                z = SparseMatMul.of(input.normalizedAdjacency(), z);
            }
            if (mixes) {
                z = Add.of(z, SparseMatMul.of(columnMean(input.nodeCount()), z));
            }
            return Encoding.deterministic(z);
        }

        private static SparseMatrix columnMean(int n) {
            int[] ptr = new int[n + 1];
            int[] cols = new int[n * n];
            double[] values = new double[n * n];
            for (int i = 0; i < n; i++) {
                ptr[i + 1] = (i + 1) * n;
                for (int j = 0; j < n; j++) {
                    cols[i * n + j] = j;
                    values[i * n + j] = 1.0 / n;
                }
            }
            return SparseMatrix.ofCsr(n, n, ptr, cols, values);
        }

        @Override
        public List<Weights> weights() {
            return List.of(w);
        }

        @Override
        public int latentDim() {
            return 2;
        }
    }
}
