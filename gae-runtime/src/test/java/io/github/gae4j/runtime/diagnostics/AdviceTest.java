// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.runtime.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gae4j.core.graph.Features;
import io.github.gae4j.core.tensor.Matrix;
import io.github.gae4j.core.tensor.SparseMatrix;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The advice fits the run: no feature remedies without features, no negative sampling twice, a lower rate. */
final class AdviceTest {

    private static Features binaryRows(int rows, int ones) {
        Matrix x = Matrix.zeros(rows, ones + 1);
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < ones; c++) {
                x.set(r, c, 1);
            }
        }
        return Features.sparse(SparseMatrix.ofCoo(rows, ones + 1, rowsOf(x), colsOf(x), valuesOf(x)));
    }

    @Test
    void rawBagOfWordsFeaturesGetBothFeatureRemediesAndTheirScale() {
        Advice a = Advice.of(binaryRows(4, 300), 0.01, List.of("weighted-bce"));
        assertThat(a.features()).isEqualTo(Advice.FeatureKind.RAW);
        assertThat(a.meanRowSum()).isEqualTo(300);
        assertThat(a.featureNote()).contains("mean row sum 300");
        assertThat(a.collapse())
                .isEqualTo("Try row-normalised features (--normalize-features), no features"
                        + " (--no-features), a lower learning rate (--lr 0.001) or negative sampling"
                        + " (--loss negative-sampling-bce).");
    }

    @Test
    void normalisedFeaturesAreNotNormalisedAgainAndAFeaturelessGraphGetsNoFeatureRemedy() {
        Advice normalized = Advice.of(binaryRows(4, 300).rowNormalized(), 0.005, List.of("weighted-bce"));
        assertThat(normalized.features()).isEqualTo(Advice.FeatureKind.NORMALIZED);
        assertThat(normalized.featureNote()).isEmpty();
        assertThat(normalized.lossSpike())
                .doesNotContain("--normalize-features")
                .contains("--no-features", "--lr 0.0005", "--grad-clip");

        Advice none = Advice.of(Features.identity(5), 0.01, List.of("negative-sampling-bce"));
        assertThat(none.features()).isEqualTo(Advice.FeatureKind.NONE);
        assertThat(none.collapse()).isEqualTo("Try a lower learning rate (--lr 0.001).");
    }

    @Test
    void negativeFeatureValuesAreNotRowNormalised() {
        Advice a = Advice.of(Features.dense(Matrix.of(new double[][] {{1, -2}, {3, 4}})), 0.01, List.of());
        assertThat(a.features()).isEqualTo(Advice.FeatureKind.OTHER);
        assertThat(a.collapse()).doesNotContain("--normalize-features").contains("--no-features");
    }

    private static int[] rowsOf(Matrix x) {
        return java.util.stream.IntStream.range(0, x.rows() * x.cols())
                .filter(k -> x.data()[k] != 0)
                .map(k -> k / x.cols())
                .toArray();
    }

    private static int[] colsOf(Matrix x) {
        return java.util.stream.IntStream.range(0, x.rows() * x.cols())
                .filter(k -> x.data()[k] != 0)
                .map(k -> k % x.cols())
                .toArray();
    }

    private static double[] valuesOf(Matrix x) {
        return java.util.Arrays.stream(x.data()).filter(v -> v != 0).toArray();
    }
}
