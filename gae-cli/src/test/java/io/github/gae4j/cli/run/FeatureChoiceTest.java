// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.cli.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.gae4j.core.error.ConfigException;
import io.github.gae4j.core.graph.Features;
import io.github.gae4j.core.tensor.Matrix;
import io.github.gae4j.core.tensor.SparseMatrix;
import io.github.gae4j.runtime.provenance.Provenance;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The auto feature decision from the features' statistics, and the validation tie-break. */
final class FeatureChoiceTest {

    /** {@code rows} binary bag-of-words rows over {@code dim} words with {@code active} words set in each. */
    private static Features bagOfWords(int rows, int dim, int active, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] rowPtr = new int[rows + 1];
        int[] cols = new int[rows * active];
        double[] values = new double[rows * active];
        for (int i = 0; i < rows; i++) {
            // Every dim/active-th word from a random offset: distinct, sorted columns.
            int stride = dim / active;
            int offset = random.nextInt(stride);
            for (int k = 0; k < active; k++) {
                cols[i * active + k] = offset + k * stride;
                values[i * active + k] = 1;
            }
            rowPtr[i + 1] = (i + 1) * active;
        }
        return Features.sparse(SparseMatrix.ofCsr(rows, dim, rowPtr, cols, values));
    }

    private static final ToDoubleFunctionThatFails NEVER = new ToDoubleFunctionThatFails();

    /** A probe that must not run: the statistics decide. */
    private static final class ToDoubleFunctionThatFails
            implements java.util.function.ToDoubleFunction<Provenance.Features> {
        @Override
        public double applyAsDouble(Provenance.Features use) {
            throw new AssertionError("validation probe called for " + use);
        }
    }

    @Test
    void statisticsOfSparseAndDenseFeatures() {
        FeatureStatistics cora = FeatureStatistics.of(bagOfWords(50, 1400, 18, 1));
        assertThat(cora.meanRowSum()).isEqualTo(18.0);
        assertThat(cora.meanNonZeros()).isEqualTo(18.0);
        assertThat(cora.min()).isZero(); // the entries not stored
        assertThat(cora.nonNegative()).isTrue();

        FeatureStatistics dense = FeatureStatistics.of(Features.dense(Matrix.of(new double[][] {{1, -2}, {3, 0}})));
        assertThat(dense.meanRowSum()).isEqualTo(1.0);
        assertThat(dense.meanNonZeros()).isEqualTo(1.5);
        assertThat(dense.min()).isEqualTo(-2.0);
        assertThat(dense.nonNegative()).isFalse();

        assertThat(FeatureStatistics.of(Features.identity(7)).identity()).isTrue();
    }

    @Test
    void featuresAtASafeScaleAreUsedAsLoaded() {
        // Cora's 18 words per row: a first Adam step moves a pre-activation by at most 0.01 × 18.
        FeatureChoice cora = FeatureChoice.choose(FeatureStatistics.of(bagOfWords(50, 1400, 18, 1)), 0.01, NEVER);
        assertThat(cora.use()).isEqualTo(Provenance.Features.AS_LOADED);
        assertThat(cora.reason()).contains("mean row sum 18.0").contains("0.18");
        assertThat(cora.validation()).isEmpty();
        // CiteSeer's 32 still is.
        assertThat(FeatureChoice.choose(FeatureStatistics.of(bagOfWords(50, 3700, 32, 2)), 0.01, NEVER)
                        .use())
                .isEqualTo(Provenance.Features.AS_LOADED);
    }

    @Test
    void denseBagOfWordsAreRowNormalisedOrDroppedByValidation() {
        // Amazon Computers: 267 of 767 words set per row, 0.01 × 267 = 2.67 per step.
        FeatureStatistics amazon = FeatureStatistics.of(bagOfWords(40, 767, 267, 3));
        FeatureChoice.Candidates c = FeatureChoice.candidates(amazon, 0.01);
        assertThat(c.uses()).containsExactly(Provenance.Features.ROW_NORMALIZED, Provenance.Features.NONE);
        assertThat(c.reason()).contains("mean row sum 267.0").contains("2.67");

        List<Provenance.Features> tried = new ArrayList<>();
        FeatureChoice structure = FeatureChoice.choose(amazon, 0.01, use -> {
            tried.add(use);
            return use == Provenance.Features.NONE ? 0.97 : 0.90;
        });
        assertThat(tried).containsExactly(Provenance.Features.ROW_NORMALIZED, Provenance.Features.NONE);
        assertThat(structure.use()).isEqualTo(Provenance.Features.NONE);
        assertThat(structure.validation())
                .containsExactly(
                        Map.entry(Provenance.Features.ROW_NORMALIZED, 0.90), Map.entry(Provenance.Features.NONE, 0.97));
        assertThat(structure.reason()).contains("row-normalized 0.9000, none 0.9700 -> none");

        FeatureChoice features =
                FeatureChoice.choose(amazon, 0.01, use -> use == Provenance.Features.NONE ? 0.80 : 0.93);
        assertThat(features.use()).isEqualTo(Provenance.Features.ROW_NORMALIZED);
        // A tie, or a probe without a finite score, keeps the features.
        assertThat(FeatureChoice.choose(amazon, 0.01, use -> 0.9).use()).isEqualTo(Provenance.Features.ROW_NORMALIZED);
        assertThat(FeatureChoice.choose(amazon, 0.01, use -> use == Provenance.Features.NONE ? Double.NaN : 0.6)
                        .use())
                .isEqualTo(Provenance.Features.ROW_NORMALIZED);
        assertThat(FeatureChoice.choose(amazon, 0.01, use -> use == Provenance.Features.NONE ? 0.6 : Double.NaN)
                        .use())
                .isEqualTo(Provenance.Features.NONE);
    }

    @Test
    void theThresholdFollowsTheLearningRate() {
        FeatureStatistics amazon = FeatureStatistics.of(bagOfWords(40, 767, 267, 3));
        // 0.001 × 267 = 0.27: safe as loaded.
        assertThat(FeatureChoice.choose(amazon, 0.001, NEVER).use()).isEqualTo(Provenance.Features.AS_LOADED);
        // Coauthor Physics' 56 words at 0.01 is not (0.56 > 0.5).
        assertThat(FeatureChoice.candidates(FeatureStatistics.of(bagOfWords(40, 8400, 56, 4)), 0.01)
                        .uses())
                .hasSize(2);
    }

    @Test
    void signedAndMissingFeaturesNeedNoValidation() {
        Features signed = Features.dense(Matrix.of(new double[][] {{300, -1}, {250, 2}}));
        assertThat(FeatureChoice.choose(FeatureStatistics.of(signed), 0.01, NEVER)
                        .use())
                .isEqualTo(Provenance.Features.AS_LOADED);
        FeatureChoice none = FeatureChoice.choose(FeatureStatistics.of(Features.identity(5)), 0.01, NEVER);
        assertThat(none.use()).isEqualTo(Provenance.Features.NONE);
        assertThat(none.reason()).contains("no features");
    }

    @Test
    void anExplicitModeIsKeptWithoutLookingAtTheData() {
        FeatureStatistics amazon = FeatureStatistics.of(bagOfWords(40, 767, 267, 3));
        for (FeatureMode mode : List.of(FeatureMode.AS_LOADED, FeatureMode.ROW_NORMALIZED, FeatureMode.NONE)) {
            FeatureChoice c = FeatureChoice.resolve(mode, amazon, 0.01, NEVER);
            assertThat(c.use()).isEqualTo(mode.fixed().orElseThrow());
            assertThat(c.reason()).contains("--features " + mode.key());
        }
    }

    @Test
    void theOldSwitchesAreAliasesOfFeatures() {
        assertThat(parse().featureMode()).isEqualTo(FeatureMode.AUTO);
        assertThat(parse("--no-features").featureMode()).isEqualTo(FeatureMode.NONE);
        assertThat(parse("--normalize-features").featureMode()).isEqualTo(FeatureMode.ROW_NORMALIZED);
        assertThat(parse("--features", "as-loaded").featureMode()).isEqualTo(FeatureMode.AS_LOADED);
        assertThat(parse("--features", "none", "--no-features").featureMode()).isEqualTo(FeatureMode.NONE);
        assertThatThrownBy(
                        () -> parse("--features", "as-loaded", "--no-features").featureMode())
                .isInstanceOf(ConfigException.class)
                .hasMessage("--features as-loaded contradicts --no-features");
        assertThatThrownBy(() -> parse("--features", "scaled").featureMode())
                .isInstanceOf(ConfigException.class)
                .hasMessage("--features must be one of auto, as-loaded, row-normalized, none, got 'scaled'");
        // A fixed mode is what the reference records; auto loads as-loaded and lets FeatureChoice pick.
        assertThat(parse("--no-features").ref().use()).isEqualTo(Provenance.Features.NONE);
        assertThat(parse().ref().use()).isEqualTo(Provenance.Features.AS_LOADED);
    }

    private static DatasetOptions parse(String... args) {
        DatasetOptions options = new DatasetOptions();
        new CommandLine(options).parseArgs(args);
        return options;
    }
}
