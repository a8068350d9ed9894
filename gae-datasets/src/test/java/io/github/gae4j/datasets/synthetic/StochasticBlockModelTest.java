// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.datasets.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.gae4j.core.error.ConfigException;
import io.github.gae4j.core.graph.EdgeList;
import io.github.gae4j.core.graph.Graph;
import io.github.gae4j.core.tensor.Matrix;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

final class StochasticBlockModelTest {

    @Test
    void defaultsGiveTheDocumentedGraph() {
        StochasticBlockModel model = StochasticBlockModel.builder().build();
        Graph g = model.generate();

        assertThat(g.name()).isEqualTo("sbm-1000");
        assertThat(g.nodeCount()).isEqualTo(1000);
        assertThat(g.nodeIds().get(0)).isEqualTo("0");
        assertThat(g.nodeIds().get(999)).isEqualTo("999");
        assertThat(g.classNames())
                .hasSize(20)
                .startsWith("community-0", "community-1")
                .endsWith("community-19");
        assertThat(IntStream.of(g.labels()).filter(l -> l == 4).count()).isEqualTo(50);
        assertThat(g.features().orElseThrow().dim()).isEqualTo(50);
        // 20 * C(50, 2) * 0.2 + C(20, 2) * 50² * 0.0005 = 4900 + 237.5
        assertThat(model.expectedEdges()).isCloseTo(5137.5, within(1e-9));
        assertThat((double) g.edgeCount()).isCloseTo(5137.5, within(5137.5 * 0.05));
    }

    @Test
    void sameSeedSameGraphOtherSeedOtherGraph() {
        StochasticBlockModel.Builder b = StochasticBlockModel.builder()
                .nodes(300)
                .communities(3)
                .featureDim(8)
                .seed(11);
        Graph first = b.build().generate();
        Graph again = b.build().generate();
        Graph other = b.seed(12).build().generate();

        assertThat(again.upperTriangleEdges()).isEqualTo(first.upperTriangleEdges());
        assertThat(again.features().orElseThrow().toDense())
                .isEqualTo(first.features().orElseThrow().toDense());
        assertThat(other.upperTriangleEdges()).isNotEqualTo(first.upperTriangleEdges());
        assertThat(other.features().orElseThrow().toDense())
                .isNotEqualTo(first.features().orElseThrow().toDense());
    }

    @Test
    void featureOptionsDoNotChangeTheEdges() {
        StochasticBlockModel.Builder b =
                StochasticBlockModel.builder().nodes(300).communities(3).seed(5);
        EdgeList edges = b.featureDim(4).build().generate().upperTriangleEdges();

        assertThat(b.featureDim(20).featureNoise(3.0).build().generate().upperTriangleEdges())
                .isEqualTo(edges);
        assertThat(b.featureDim(0).build().generate().upperTriangleEdges()).isEqualTo(edges);
    }

    @Test
    void edgeDensitiesMatchPInAndPOut() {
        StochasticBlockModel model = StochasticBlockModel.builder()
                .nodes(2000)
                .communities(4)
                .pIn(0.02)
                .pOut(0.001)
                .featureDim(0)
                .seed(3)
                .build();
        Graph g = model.generate();
        int[] labels = g.labels();
        EdgeList e = g.upperTriangleEdges();
        long inside = IntStream.range(0, e.size())
                .filter(k -> labels[e.src(k)] == labels[e.dst(k)])
                .count();
        long between = e.size() - inside;
        double insidePairs = 4 * 500.0 * 499 / 2;
        double betweenPairs = 2000.0 * 1999 / 2 - insidePairs;

        assertThat(inside / insidePairs).isCloseTo(0.02, within(0.02 * 0.05));
        assertThat(between / betweenPairs).isCloseTo(0.001, within(0.001 * 0.1));
        assertThat((double) inside / e.size()).isGreaterThan(0.75);
        assertThat(g.features()).isEmpty();
    }

    @Test
    void defaultGraphIsDominatedByEdgesInsideCommunities() {
        Graph g = StochasticBlockModel.builder().build().generate();
        int[] labels = g.labels();
        EdgeList e = g.upperTriangleEdges();
        long inside = IntStream.range(0, e.size())
                .filter(k -> labels[e.src(k)] == labels[e.dst(k)])
                .count();

        assertThat((double) inside / e.size()).isGreaterThan(0.8);
    }

    @Test
    void nodePositionDoesNotBiasTheDegree() {
        // Skipping maps a linear index to a pair; a wrong mapping shows up as degrees that drift with the node number.
        Graph within = StochasticBlockModel.builder()
                .nodes(1200)
                .communities(1)
                .pIn(0.05)
                .featureDim(0)
                .seed(9)
                .build()
                .generate();
        assertThat(meanDegree(within, 0, 300)).isCloseTo(59.95, within(2.0));
        assertThat(meanDegree(within, 900, 1200)).isCloseTo(59.95, within(2.0));

        Graph across = StochasticBlockModel.builder()
                .nodes(1200)
                .communities(2)
                .pIn(0.0)
                .pOut(0.1)
                .featureDim(0)
                .seed(9)
                .build()
                .generate();
        assertThat(meanDegree(across, 0, 150)).isCloseTo(60.0, within(2.5));
        assertThat(meanDegree(across, 450, 600)).isCloseTo(60.0, within(2.5));
        assertThat(meanDegree(across, 600, 750)).isCloseTo(60.0, within(2.5));
        assertThat(meanDegree(across, 1050, 1200)).isCloseTo(60.0, within(2.5));
    }

    @Test
    void extremeProbabilities() {
        StochasticBlockModel.Builder b =
                StochasticBlockModel.builder().nodes(20).communities(2).featureDim(0);

        assertThat(b.pIn(1).pOut(1).build().generate().edgeCount()).isEqualTo(190);
        assertThat(b.pIn(1).pOut(0).build().generate().edgeCount()).isEqualTo(90);
        assertThat(b.pIn(0).pOut(1).build().generate().edgeCount()).isEqualTo(100);
        assertThat(b.pIn(0).pOut(0).build().generate().edgeCount()).isZero();
        assertThat(StochasticBlockModel.builder()
                        .nodes(1)
                        .communities(1)
                        .build()
                        .generate()
                        .edgeCount())
                .isZero();
    }

    @Test
    void unevenCommunitiesDifferByAtMostOne() {
        StochasticBlockModel model = StochasticBlockModel.builder()
                .nodes(10)
                .communities(3)
                .featureDim(2)
                .build();
        int[] labels = model.generate().labels();

        assertThat(labels).containsExactly(0, 0, 0, 0, 1, 1, 1, 2, 2, 2);
        for (int i = 0; i < 10; i++) {
            assertThat(model.communityOf(i)).isEqualTo(labels[i]);
        }
    }

    @Test
    void featuresIdentifyTheCommunity() {
        Graph g = StochasticBlockModel.builder().seed(21).build().generate();
        Matrix x = g.features().orElseThrow().toDense();
        int[] labels = g.labels();
        int k = g.classNames().size();
        int d = x.cols();
        double[][] centroid = new double[k][d];
        int[] size = new int[k];
        for (int i = 0; i < g.nodeCount(); i++) {
            size[labels[i]]++;
            for (int j = 0; j < d; j++) {
                centroid[labels[i]][j] += x.get(i, j);
            }
        }
        int correct = 0;
        for (int i = 0; i < g.nodeCount(); i++) {
            int best = -1;
            double bestDistance = Double.POSITIVE_INFINITY;
            for (int c = 0; c < k; c++) {
                double dist = 0;
                for (int j = 0; j < d; j++) {
                    double diff = x.get(i, j) - centroid[c][j] / size[c];
                    dist += diff * diff;
                }
                if (dist < bestDistance) {
                    bestDistance = dist;
                    best = c;
                }
            }
            correct += best == labels[i] ? 1 : 0;
        }
        assertThat(correct / (double) g.nodeCount()).isGreaterThan(0.95);
    }

    @Test
    void largeGraphsAreSampledWithoutQuadraticWork() {
        StochasticBlockModel model = StochasticBlockModel.builder()
                .nodes(100_000)
                .communities(10)
                .pIn(2e-4)
                .pOut(1e-6)
                .featureDim(0)
                .seed(1)
                .build();

        Graph g = model.generate();

        assertThat(g.nodeCount()).isEqualTo(100_000);
        assertThat((double) g.edgeCount()).isCloseTo(model.expectedEdges(), within(model.expectedEdges() * 0.03));
    }

    @Test
    void oneCommunityPerNodeIsStillLinearTime() {
        StochasticBlockModel model = StochasticBlockModel.builder()
                .nodes(50_000)
                .communities(50_000)
                .pOut(2e-5)
                .featureDim(0)
                .seed(2)
                .build();

        Graph g = model.generate();

        assertThat(g.classNames()).hasSize(50_000);
        assertThat(model.expectedEdges()).isCloseTo(50_000.0 * 49_999 / 2 * 2e-5, within(1e-6));
        assertThat((double) g.edgeCount()).isCloseTo(model.expectedEdges(), within(model.expectedEdges() * 0.05));
    }

    @Test
    void invalidOptionsNameTheOption() {
        assertThatThrownBy(() -> StochasticBlockModel.builder().nodes(0).build())
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("Option 'nodes'")
                .hasMessageContaining("'0'");
        assertThatThrownBy(() ->
                        StochasticBlockModel.builder().nodes(4).communities(5).build())
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("Option 'communities'")
                .hasMessageContaining("[1, 4]");
        assertThatThrownBy(() -> StochasticBlockModel.builder().communities(0).build())
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("Option 'communities'");
        assertThatThrownBy(() -> StochasticBlockModel.builder().pIn(1.5).build())
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("Option 'p-in'")
                .hasMessageContaining("[0, 1]")
                .hasMessageContaining("'1.5'");
        assertThatThrownBy(() -> StochasticBlockModel.builder().pOut(-0.1).build())
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("Option 'p-out'");
        assertThatThrownBy(() -> StochasticBlockModel.builder().pIn(Double.NaN).build())
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("Option 'p-in'");
        assertThatThrownBy(() -> StochasticBlockModel.builder().featureDim(-1).build())
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("Option 'feature-dim'");
        assertThatThrownBy(() -> StochasticBlockModel.builder()
                        .nodes(1_000_000)
                        .featureDim(5000)
                        .pIn(0)
                        .pOut(0)
                        .build())
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("Option 'feature-dim'");
        assertThatThrownBy(() -> StochasticBlockModel.builder().featureNoise(-1).build())
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("Option 'feature-noise'");
        assertThatThrownBy(() ->
                        StochasticBlockModel.builder().nodes(1_000_000).pIn(0.5).build())
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("'p-in'")
                .hasMessageContaining("'p-out'")
                .hasMessageContaining("expected edges");
    }

    private static double meanDegree(Graph g, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += g.adjacency().rowNnz(i);
        }
        return sum / (to - from);
    }
}
