// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.runtime.metrics.classification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.gae4j.core.error.GaeException;
import io.github.gae4j.core.graph.NodeSplit;
import io.github.gae4j.core.tensor.Matrix;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

final class LinearProbeTest {

    /** Three Gaussian blobs in 4-d with the given spread; node i has class i % 3. */
    private static Matrix blobs(int n, double spread, long seed, int[] labels) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] centres = {{3, 0, 0, 1}, {0, 3, 0, -1}, {0, 0, 3, 0}};
        Matrix x = Matrix.zeros(n, 4);
        for (int i = 0; i < n; i++) {
            labels[i] = i % 3;
            for (int f = 0; f < 4; f++) {
                x.set(i, f, centres[labels[i]][f] + spread * (2 * r.nextDouble() - 1));
            }
        }
        return x;
    }

    private static NodeSplit split(int n) {
        return new NodeSplit(
                IntStream.range(0, 30).toArray(),
                IntStream.range(30, 60).toArray(),
                IntStream.range(60, n).toArray());
    }

    @Test
    void separatesSeparableClassesAndIsDeterministic() {
        int[] labels = new int[300];
        Matrix x = blobs(300, 0.5, 1, labels);
        ProbeScores a = new LinearProbe().evaluate(x, labels, 3, split(300), 7);
        ProbeScores b = new LinearProbe().evaluate(x, labels, 3, split(300), 7);
        assertThat(a.testAccuracy()).isEqualTo(1.0);
        assertThat(a.trainAccuracy()).isEqualTo(1.0);
        assertThat(a).isEqualTo(b);
        assertThat(a.bestEpoch()).isBetween(1, 300);
    }

    @Test
    void noisyClassesScoreBetweenChanceAndPerfect() {
        int[] labels = new int[600];
        Matrix x = blobs(600, 4.0, 2, labels);
        ProbeScores s = new LinearProbe(200, 0.01, 1e-4).evaluate(x, labels, 3, split(600), 1);
        assertThat(s.testAccuracy()).isBetween(0.45, 0.99);
        assertThat(s.validationAccuracy()).isBetween(0.3, 1.0);
    }

    @Test
    void withoutValidationNodesTheLastEpochCounts() {
        int[] labels = new int[90];
        Matrix x = blobs(90, 1.0, 3, labels);
        NodeSplit noVal = new NodeSplit(
                IntStream.range(0, 30).toArray(),
                new int[0],
                IntStream.range(30, 90).toArray());
        ProbeScores s = new LinearProbe(50, 0.05, 0).evaluate(x, labels, 3, noVal, 1);
        assertThat(s.bestEpoch()).isEqualTo(50);
        assertThat(s.validationAccuracy()).isNaN();
        assertThat(s.testAccuracy()).isEqualTo(1.0);
    }

    @Test
    void rejectsBadInputNamingTheProblem() {
        int[] labels = new int[90];
        Matrix x = blobs(90, 1.0, 3, labels);
        labels[70] = -1;
        assertThatThrownBy(() -> new LinearProbe().evaluate(x, labels, 3, split(90), 1))
                .isInstanceOf(GaeException.class)
                .hasMessageContaining("Node 70")
                .hasMessageContaining("unlabelled");
        labels[70] = 1;
        assertThatThrownBy(() -> new LinearProbe().evaluate(x, new int[5], 3, split(90), 1))
                .isInstanceOf(GaeException.class)
                .hasMessageContaining("5 labels for 90");
        x.set(3, 2, Double.NaN);
        assertThatThrownBy(() -> new LinearProbe().evaluate(x, labels, 3, split(90), 1))
                .isInstanceOf(GaeException.class)
                .hasMessageContaining("non-finite");
        assertThatThrownBy(() -> new LinearProbe(0, 0.01, 0)).isInstanceOf(GaeException.class);
        assertThatThrownBy(() -> new NodeSplit(new int[] {1, 2}, new int[] {2}, new int[] {3}))
                .isInstanceOf(GaeException.class)
                .hasMessageContaining("Node 2 appears twice");
        assertThatThrownBy(() -> new NodeSplit(new int[0], new int[0], new int[] {3}))
                .isInstanceOf(GaeException.class)
                .hasMessageContaining("training and test");
    }
}
