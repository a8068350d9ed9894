// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.testkit;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.gae4j.core.autodiff.Variable;
import io.github.gae4j.core.autodiff.Weights;
import io.github.gae4j.core.autodiff.functions.Add;
import io.github.gae4j.core.autodiff.functions.BatchNorm;
import io.github.gae4j.core.autodiff.functions.Mean;
import io.github.gae4j.core.autodiff.functions.RowDot;
import io.github.gae4j.core.autodiff.functions.RowGather;
import io.github.gae4j.core.autodiff.functions.Scale;
import io.github.gae4j.core.autodiff.functions.SparseMatMul;
import io.github.gae4j.core.autodiff.functions.Sum;
import io.github.gae4j.core.graph.EdgeList;
import io.github.gae4j.core.spi.ComponentConfig;
import io.github.gae4j.core.spi.CreationContext;
import io.github.gae4j.core.spi.Encoder;
import io.github.gae4j.core.spi.EncoderFactory;
import io.github.gae4j.core.spi.Encoding;
import io.github.gae4j.core.spi.GraphInput;
import io.github.gae4j.core.spi.Loss;
import io.github.gae4j.core.spi.LossFactory;
import io.github.gae4j.core.spi.LossInput;
import io.github.gae4j.core.spi.Mode;
import io.github.gae4j.core.spi.Parameter;
import io.github.gae4j.core.tensor.SparseMatrix;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

/**
 * The contracts' mini-batch checks catch what they are for: an encoder that caches by node count or mixes all nodes,
 * one that claims it cannot run on sampled subgraphs although the trainer would run it there, a batch loss term that
 * reads the training graph's positives or ignores the batch; the same components without the fault pass.
 */
final class MiniBatchContractSelfCheckTest {

    private enum EncoderKind {
        /** μ = Â X W: one hop, computed from its input alone. */
        LOCAL,
        /** As LOCAL, but Â is cached by node count, so another graph of the same size gets the first one's. */
        CACHES_BY_NODE_COUNT,
        /** As LOCAL, then a batch norm over the nodes: the output at a node depends on every node. */
        MIXES_ALL_NODES
    }

    private record PropagationFactory(EncoderKind kind) implements EncoderFactory {
        @Override
        public String name() {
            return "propagation";
        }

        @Override
        public List<Parameter> parameters() {
            return List.of();
        }

        @Override
        public Encoder create(ComponentConfig config, CreationContext context) {
            Weights w = new Weights("w", TestGraphs.randomMatrix(context.inputDim(), 2, context.seed()));
            return new Encoder() {
                private int cachedNodes = -1;
                private SparseMatrix cached;

                @Override
                public Encoding encode(GraphInput input, Mode mode) {
                    SparseMatrix hat = input.normalizedAdjacency();
                    if (kind == EncoderKind.CACHES_BY_NODE_COUNT) {
                        if (cachedNodes != input.nodeCount()) {
                            cachedNodes = input.nodeCount();
                            cached = hat;
                        }
                        hat = cached;
                    }
                    Variable z = SparseMatMul.of(hat, input.featuresTimes(w));
                    if (kind == EncoderKind.MIXES_ALL_NODES) {
                        z = BatchNorm.of(z);
                    }
                    return Encoding.deterministic(z);
                }

                @Override
                public List<Weights> weights() {
                    return List.of(w);
                }

                @Override
                public int latentDim() {
                    return 2;
                }
            };
        }
    }

    private record Encoders(EncoderFactory factory, boolean supportsMiniBatch) implements EncoderContract {
        Encoders(EncoderKind kind) {
            this(new PropagationFactory(kind), true);
        }
    }

    @Test
    void anEncoderComputedFromItsInputAlonePasses() {
        assertThatCode(new Encoders(EncoderKind.LOCAL)::encoderWorksOnSampledSubgraphs)
                .doesNotThrowAnyException();
    }

    @Test
    void anEncoderThatCachesByNodeCountFails() {
        assertThatThrownBy(new Encoders(EncoderKind.CACHES_BY_NODE_COUNT)::encoderWorksOnSampledSubgraphs)
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("μ of encoder 'propagation' (reach 1)")
                .hasMessageContaining("against the whole graph's");
    }

    @Test
    void anEncoderThatMixesAllNodesFailsSayingHowToDeclareIt() {
        assertThatThrownBy(new Encoders(EncoderKind.MIXES_ALL_NODES)::encoderWorksOnSampledSubgraphs)
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("the reach of encoder 'propagation'")
                .hasMessageContaining("override supportsMiniBatch() to return false");
        assertThatThrownBy(
                        new Encoders(new PropagationFactory(EncoderKind.MIXES_ALL_NODES), false)
                                ::encoderWorksOnSampledSubgraphs)
                .as("declared: skipped")
                .isInstanceOf(TestAbortedException.class);
    }

    @Test
    void anEncoderThatSaysItCannotButWouldBeTrainedOnSamplesFails() {
        assertThatThrownBy(
                        new Encoders(new PropagationFactory(EncoderKind.LOCAL), false)::encoderWorksOnSampledSubgraphs)
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("supportsMiniBatch() is false")
                .hasMessageContaining("finds a finite reach (1)");
    }

    private enum LossKind {
        /** Σ z_i·z_j over the batch's positives − over its negatives, plus the mean of Z over its node rows. */
        BATCH,
        /** As BATCH, plus a term from the training graph's positives. */
        READS_TRAINING_POSITIVES,
        /** Σ Z on every pass: says it computes on batches, but never reads one. */
        IGNORES_BATCH,
        /** IGNORES_BATCH, but says it cannot run on batches. */
        FULL_GRAPH_ONLY
    }

    private record BatchLossFactory(LossKind kind) implements LossFactory {
        @Override
        public String name() {
            return "batch-toy";
        }

        @Override
        public Loss create(ComponentConfig config, CreationContext context) {
            return new Loss() {
                @Override
                public Variable loss(LossInput input) {
                    if (kind == LossKind.IGNORES_BATCH || kind == LossKind.FULL_GRAPH_ONLY || !input.isMiniBatch()) {
                        return Sum.of(input.z());
                    }
                    EdgeList positives = input.batch().positives();
                    Variable value = Add.of(
                            Add.of(
                                    Sum.of(RowDot.of(input.z(), positives)),
                                    Scale.of(
                                            Sum.of(RowDot.of(
                                                    input.z(), input.batch().negatives())),
                                            -1)),
                            Mean.of(RowGather.of(input.z(), input.batch().nodeRows())));
                    if (kind == LossKind.READS_TRAINING_POSITIVES) {
                        EdgeList training = input.training().positives();
                        value = training.size() == 0 ? value : Add.of(value, Sum.of(RowDot.of(input.z(), training)));
                    }
                    return value;
                }

                @Override
                public boolean supportsMiniBatch() {
                    return kind != LossKind.FULL_GRAPH_ONLY;
                }
            };
        }
    }

    private record Losses(LossFactory factory) implements LossContract {
        Losses(LossKind kind) {
            this(new BatchLossFactory(kind));
        }
    }

    @Test
    void aBatchTermThatReadsTheBatchPasses() {
        assertThatCode(new Losses(LossKind.BATCH)::miniBatchTermReadsTheBatch).doesNotThrowAnyException();
    }

    @Test
    void aBatchTermThatReadsTheTrainingPositivesFails() {
        assertThatThrownBy(new Losses(LossKind.READS_TRAINING_POSITIVES)::miniBatchTermReadsTheBatch)
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("not the training graph's positives");
    }

    @Test
    void aBatchTermThatIgnoresTheBatchFails() {
        assertThatThrownBy(new Losses(LossKind.IGNORES_BATCH)::miniBatchTermReadsTheBatch)
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("must depend on the batch");
    }

    @Test
    void aTermThatSaysItCannotRunOnBatchesIsNotChecked() {
        assertThatCode(new Losses(LossKind.FULL_GRAPH_ONLY)::miniBatchTermReadsTheBatch)
                .doesNotThrowAnyException();
    }
}
