// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.encoders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.gae4j.core.autodiff.ComputationContext;
import io.github.gae4j.core.autodiff.Variable;
import io.github.gae4j.core.autodiff.Weights;
import io.github.gae4j.core.autodiff.functions.Add;
import io.github.gae4j.core.autodiff.functions.Mean;
import io.github.gae4j.core.autodiff.functions.RowDot;
import io.github.gae4j.core.autodiff.functions.Sigmoid;
import io.github.gae4j.core.graph.Features;
import io.github.gae4j.core.graph.Graph;
import io.github.gae4j.core.graph.NormalizedAdjacency;
import io.github.gae4j.core.spi.Encoder;
import io.github.gae4j.core.spi.Encoding;
import io.github.gae4j.core.spi.GraphInput;
import io.github.gae4j.core.spi.Mode;
import io.github.gae4j.core.tensor.Matrix;
import io.github.gae4j.core.tensor.SparseMatrix;
import io.github.gae4j.encoders.gcn.Activation;
import io.github.gae4j.encoders.gcn.FeatureDropout;
import io.github.gae4j.encoders.gcn.GcnEncoder;
import io.github.gae4j.encoders.gcn.GcnOptions;
import io.github.gae4j.encoders.gcn.GcnOptions.Norm;
import io.github.gae4j.encoders.sampler.GaussianSampler;
import io.github.gae4j.encoders.vgae.VariationalGcnEncoder;
import io.github.gae4j.testkit.GradientCheck;
import io.github.gae4j.testkit.TestGraphs;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The deep, normalised, residual, biased and dropout variants of the GCN encoders, and the three-argument encode. */
final class GcnLayerOptionsTest implements GradientCheck {

    private final Graph graph = TestGraphs.twoCommunities(6, 5, 3);
    private final GraphInput input = GraphInput.of(graph);
    private final GcnOptions everything = GcnOptions.defaults()
            .withHidden(4, 4)
            .withDropout(0.4)
            .withNorm(Norm.LAYER)
            .withResidual(true)
            .withBias(true);

    private static Variable pairLoss(Variable z) {
        int n = z.rows();
        int[] s = new int[n];
        int[] d = new int[n];
        for (int i = 0; i < n; i++) {
            s[i] = i;
            d[i] = (i * 7 + 3) % n;
        }
        return Mean.of(Sigmoid.of(RowDot.of(z, s, z, d)));
    }

    private static Matrix mu(Encoding e) {
        return new ComputationContext().forward(e.mu());
    }

    /** Non-trivial biases, gains and shifts, so the formula test sees each of them. */
    private static void perturbNonW(Encoder enc, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        for (Weights w : enc.weights()) {
            if (!w.name().contains(".W")) {
                double[] d = w.data().data();
                for (int k = 0; k < d.length; k++) {
                    d[k] += 0.5 * (r.nextDouble() - 0.5);
                }
            }
        }
    }

    private static Matrix layerNorm(Matrix x, double eps) {
        Matrix y = Matrix.zeros(x.rows(), x.cols());
        for (int i = 0; i < x.rows(); i++) {
            double mean = 0;
            for (int k = 0; k < x.cols(); k++) {
                mean += x.get(i, k) / x.cols();
            }
            double var = 0;
            for (int k = 0; k < x.cols(); k++) {
                var += (x.get(i, k) - mean) * (x.get(i, k) - mean) / x.cols();
            }
            for (int k = 0; k < x.cols(); k++) {
                y.set(i, k, (x.get(i, k) - mean) / Math.sqrt(var + eps));
            }
        }
        return y;
    }

    private static Matrix rowOp(Matrix x, Matrix row, boolean multiply) {
        Matrix y = Matrix.zeros(x.rows(), x.cols());
        for (int i = 0; i < x.rows(); i++) {
            for (int k = 0; k < x.cols(); k++) {
                y.set(i, k, multiply ? x.get(i, k) * row.get(0, k) : x.get(i, k) + row.get(0, k));
            }
        }
        return y;
    }

    @Test
    void deepEncoderComputesItsFormulaInEvaluation() {
        GcnEncoder enc = new GcnEncoder(5, everything, 3, new SplittableRandom(1));
        perturbNonW(enc, 2);
        Matrix a = NormalizedAdjacency.of(graph.adjacency()).toDense();
        Matrix x = graph.featuresOrIdentity().toDense();
        var w = enc.weights(); // W0 b0 gain0 shift0 W1 b1 gain1 shift1 W2 b2
        Function<Matrix, Matrix> relu = m -> m.map(v -> Math.max(v, 0));
        Matrix h0 = relu.apply(rowOp(
                rowOp(
                        layerNorm(
                                rowOp(
                                        a.multiply(x.multiply(w.get(0).data())),
                                        w.get(1).data(),
                                        false),
                                1e-5),
                        w.get(2).data(),
                        true),
                w.get(3).data(),
                false));
        Matrix h1 = relu.apply(rowOp(
                        rowOp(
                                layerNorm(
                                        rowOp(
                                                a.multiply(h0.multiply(w.get(4).data())),
                                                w.get(5).data(),
                                                false),
                                        1e-5),
                                w.get(6).data(),
                                true),
                        w.get(7).data(),
                        false))
                .plus(h0);
        Matrix z = rowOp(a.multiply(h1.multiply(w.get(8).data())), w.get(9).data(), false);
        Matrix actual = mu(enc.encode(input, Mode.EVAL, new SplittableRandom(5)));
        for (int i = 0; i < z.rows(); i++) {
            for (int k = 0; k < z.cols(); k++) {
                assertThat(actual.get(i, k)).isCloseTo(z.get(i, k), within(1e-12));
            }
        }
    }

    /** MaskGAE's encoder: no hidden layer, Z = ELU(norm(Â X W0 + b0) · gain + shift). */
    @Test
    void activatedOutputLayerOnXComputesItsFormula() {
        GcnOptions maskGae = GcnOptions.defaults()
                .withHidden()
                .withNorm(Norm.LAYER)
                .withBias(true)
                .withActivation(Activation.ELU)
                .withActivateOutput(true);
        GcnEncoder enc = new GcnEncoder(5, maskGae, 3, new SplittableRandom(1));
        perturbNonW(enc, 2);
        Matrix a = NormalizedAdjacency.of(graph.adjacency()).toDense();
        Matrix x = graph.featuresOrIdentity().toDense();
        var w = enc.weights(); // W0 b0 gain0 shift0
        Matrix pre = rowOp(
                rowOp(
                        layerNorm(
                                rowOp(
                                        a.multiply(x.multiply(w.get(0).data())),
                                        w.get(1).data(),
                                        false),
                                1e-5),
                        w.get(2).data(),
                        true),
                w.get(3).data(),
                false);
        Matrix z = pre.map(v -> v > 0 ? v : Math.expm1(v));
        Matrix actual = mu(enc.encode(input, Mode.EVAL, new SplittableRandom(5)));
        assertThat(actual.rows()).isEqualTo(z.rows());
        for (int i = 0; i < z.rows(); i++) {
            for (int k = 0; k < z.cols(); k++) {
                assertThat(actual.get(i, k)).isCloseTo(z.get(i, k), within(1e-12));
            }
        }
    }

    /** PReLU: one learnable slope per activated layer, after the others; Z = PReLU(Â PReLU(Â X W0 + b0) W1 + b1). */
    @Test
    void preluHasOneLearnableSlopePerActivatedLayer() {
        GcnOptions prelu = GcnOptions.defaults()
                .withHidden(4)
                .withBias(true)
                .withActivation(Activation.PRELU)
                .withActivateOutput(true);
        GcnEncoder enc = new GcnEncoder(5, prelu, 3, new SplittableRandom(1));
        assertThat(enc.weights())
                .extracting(Weights::name)
                .containsExactly("gcn.W0", "gcn.b0", "gcn.prelu0", "gcn.W1", "gcn.b1", "gcn.prelu1");
        perturbNonW(enc, 2);
        var w = enc.weights();
        Matrix a = NormalizedAdjacency.of(graph.adjacency()).toDense();
        Matrix x = graph.featuresOrIdentity().toDense();
        double s0 = w.get(2).data().get(0, 0);
        double s1 = w.get(5).data().get(0, 0);
        Matrix h = rowOp(a.multiply(x.multiply(w.get(0).data())), w.get(1).data(), false)
                .map(v -> v > 0 ? v : s0 * v);
        Matrix z = rowOp(a.multiply(h.multiply(w.get(3).data())), w.get(4).data(), false)
                .map(v -> v > 0 ? v : s1 * v);
        Matrix actual = mu(enc.encode(input, Mode.EVAL));
        for (int i = 0; i < z.rows(); i++) {
            for (int k = 0; k < z.cols(); k++) {
                assertThat(actual.get(i, k)).isCloseTo(z.get(i, k), within(1e-12));
            }
        }
        assertGradientsMatch(
                enc.weights(), pairLoss(enc.encode(input, Mode.EVAL).mu()));
    }

    @Test
    void sameSeedGivesTheSameDropoutAndDifferentSeedsDiffer() {
        GcnEncoder enc = new GcnEncoder(5, everything, 3, new SplittableRandom(1));
        Matrix a = mu(enc.encode(input, Mode.TRAIN, new SplittableRandom(7)));
        assertThat(mu(enc.encode(input, Mode.TRAIN, new SplittableRandom(7)))).isEqualTo(a);
        assertThat(mu(enc.encode(input, Mode.TRAIN, new SplittableRandom(8)))).isNotEqualTo(a);
        assertThat(mu(enc.encode(input, Mode.EVAL, new SplittableRandom(7)))).isNotEqualTo(a);
    }

    @Test
    void evaluationAndTheTwoArgumentEncodeNeverDropNorDraw() {
        for (Encoder enc : new Encoder[] {
            new GcnEncoder(5, everything, 3, new SplittableRandom(1)),
            new VariationalGcnEncoder(5, everything, 3, 10.0, new SplittableRandom(1))
        }) {
            Matrix plain = mu(enc.encode(input, Mode.TRAIN));
            assertThat(mu(enc.encode(input, Mode.EVAL))).isEqualTo(plain);
            SplittableRandom random = new SplittableRandom(9);
            assertThat(mu(enc.encode(input, Mode.EVAL, random))).isEqualTo(plain);
            assertThat(random.nextLong()).as("draws in evaluation").isEqualTo(new SplittableRandom(9).nextLong());
        }
    }

    @Test
    void rateZeroIsANoOpThatDrawsNothing() {
        GcnOptions noDropout = everything.withDropout(0.0);
        for (Encoder enc : new Encoder[] {
            new GcnEncoder(5, noDropout, 3, new SplittableRandom(1)),
            new VariationalGcnEncoder(5, noDropout, 3, 10.0, new SplittableRandom(1)),
            new GcnEncoder(5, 32, 16, new SplittableRandom(1))
        }) {
            SplittableRandom random = new SplittableRandom(9);
            assertThat(mu(enc.encode(input, Mode.TRAIN, random))).isEqualTo(mu(enc.encode(input, Mode.EVAL)));
            // The trainer hands the same generator to the sampler next: it must be untouched.
            assertThat(random.nextLong()).as("draws with dropout 0").isEqualTo(new SplittableRandom(9).nextLong());
        }
    }

    @Test
    void gradientsThroughFixedDropoutMasksMatchFiniteDifferences() {
        GcnEncoder gcn = new GcnEncoder(5, everything, 3, new SplittableRandom(2));
        perturbNonW(gcn, 3);
        // The masks are drawn when the graph is built, so every finite-difference probe sees the same ones.
        assertGradientsMatch(
                gcn.weights(),
                pairLoss(gcn.encode(input, Mode.TRAIN, new SplittableRandom(4)).mu()));

        GcnOptions batch = everything.withNorm(Norm.BATCH).withHidden(6, 4, 4);
        VariationalGcnEncoder vgae = new VariationalGcnEncoder(5, batch, 3, 10.0, new SplittableRandom(5));
        perturbNonW(vgae, 6);
        Encoding e = vgae.encode(input, Mode.TRAIN, new SplittableRandom(7));
        Variable z = new GaussianSampler().sample(e, Mode.TRAIN, new SplittableRandom(8));
        assertGradientsMatch(
                vgae.weights(),
                Add.of(pairLoss(z), Mean.of(Sigmoid.of(e.logStd().orElseThrow()))));

        GcnOptions elu =
                everything.withNorm(Norm.BATCH).withActivation(Activation.ELU).withActivateOutput(true);
        for (GcnOptions options : new GcnOptions[] {elu, elu.withHidden()}) {
            GcnEncoder activated = new GcnEncoder(5, options, 3, new SplittableRandom(9));
            perturbNonW(activated, 10);
            assertGradientsMatch(
                    activated.weights(),
                    pairLoss(activated
                            .encode(input, Mode.TRAIN, new SplittableRandom(11))
                            .mu()));
        }
    }

    @Test
    void featurelessGraphsDropDiagonalEntriesOfTheIdentity() {
        Graph plain = TestGraphs.path(6);
        GraphInput in = GraphInput.of(plain);
        GcnEncoder enc = new GcnEncoder(6, everything, 2, new SplittableRandom(5));
        // Nodes whose whole neighbourhood is dropped get a constant row; non-zero shifts keep them off the ReLU kink.
        perturbNonW(enc, 3);
        assertThat(mu(enc.encode(in, Mode.TRAIN, new SplittableRandom(1)))).isNotEqualTo(mu(enc.encode(in, Mode.EVAL)));
        assertGradientsMatch(
                enc.weights(),
                pairLoss(enc.encode(in, Mode.TRAIN, new SplittableRandom(2)).mu()));
    }

    @Test
    void featureDropoutKeepsTheKindScalesKeptEntriesAndIsSeeded() {
        SparseMatrix s = SparseMatrix.ofCoo(
                3, 4, new int[] {0, 0, 1, 2, 2}, new int[] {1, 3, 0, 2, 3}, new double[] {1, 2, 3, 4, 5});
        Features sparse = FeatureDropout.apply(Features.sparse(s), 0.5, new SplittableRandom(3));
        assertThat(sparse).isInstanceOf(Features.Sparse.class);
        Matrix dropped = sparse.toDense();
        Matrix original = s.toDense();
        int kept = 0;
        for (int k = 0; k < original.data().length; k++) {
            double v = dropped.data()[k];
            assertThat(v == 0 || v == 2 * original.data()[k]).isTrue();
            kept += v != 0 ? 1 : 0;
        }
        assertThat(((Features.Sparse) sparse).matrix().nnz()).isEqualTo(kept);
        assertThat(FeatureDropout.apply(Features.sparse(s), 0.5, new SplittableRandom(3))
                        .toDense())
                .isEqualTo(dropped);

        Features identity = FeatureDropout.apply(Features.identity(4), 0.25, new SplittableRandom(4));
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                double v = identity.toDense().get(i, j);
                assertThat(i == j ? v == 0 || v == 1 / 0.75 : v == 0).isTrue();
            }
        }
        Features dense = Features.dense(Matrix.of(new double[][] {{1, 2}, {3, 4}}));
        assertThat(FeatureDropout.apply(dense, 0.0, new SplittableRandom(1))).isSameAs(dense);
        assertThat(FeatureDropout.apply(dense, 0.5, new SplittableRandom(1))).isInstanceOf(Features.Dense.class);
    }
}
