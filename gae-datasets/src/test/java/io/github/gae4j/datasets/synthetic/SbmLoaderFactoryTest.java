// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.datasets.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.gae4j.core.error.ConfigException;
import io.github.gae4j.core.graph.Graph;
import io.github.gae4j.core.spi.ComponentConfig;
import io.github.gae4j.core.spi.ComponentFactory;
import io.github.gae4j.core.spi.CreationContext;
import org.junit.jupiter.api.Test;

final class SbmLoaderFactoryTest {

    private final SbmLoaderFactory factory = new SbmLoaderFactory();

    private StochasticBlockModel create(Object... options) {
        return (StochasticBlockModel) factory.create(ComponentConfig.of(options), new CreationContext(0, 0, 99L));
    }

    @Test
    void optionNames() {
        assertThat(factory.name()).isEqualTo("sbm");
        assertThat(ComponentFactory.optionNames(factory))
                .containsExactlyInAnyOrder(
                        "nodes",
                        "communities",
                        "p-in",
                        "p-out",
                        "feature-dim",
                        "feature-noise",
                        "feature-type",
                        "edges",
                        "within-share",
                        "seed");
    }

    @Test
    void edgesSetTheProbabilitiesAndFloatHalvesTheFeatures() {
        StochasticBlockModel m = create("nodes", 20_000, "communities", 20, "edges", 100_000, "feature-type", "float");
        assertThat(m.expectedEdges()).isCloseTo(100_000, within(1e-6));
        Graph g = m.generate();
        assertThat(g.features().orElseThrow()).isInstanceOf(io.github.gae4j.core.graph.Features.DenseFloat.class);
        assertThat(g.adjacency().isPattern()).isTrue();
        assertThat((double) g.edgeCount()).isCloseTo(100_000, within(2_000.0));
        assertThatThrownBy(() -> create("edges", 1000, "p-in", 0.1))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("'edges' and 'p-in'/'p-out'");
        assertThatThrownBy(() -> create("feature-type", "half"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("double or float");
    }

    @Test
    void defaultsMatchTheBuilder() {
        StochasticBlockModel m = create();

        assertThat(m.nodes()).isEqualTo(1000);
        assertThat(m.communities()).isEqualTo(20);
        assertThat(m.pIn()).isEqualTo(0.2);
        assertThat(m.pOut()).isEqualTo(0.0005);
        assertThat(m.featureDim()).isEqualTo(50);
        assertThat(m.featureNoise()).isEqualTo(1.0);
        assertThat(m.seed()).isEqualTo(42L);
    }

    @Test
    void optionsAreApplied() {
        StochasticBlockModel m = create(
                "nodes",
                30,
                "communities",
                3,
                "p-in",
                0.5,
                "p-out",
                0.01,
                "feature-dim",
                2,
                "feature-noise",
                0.1,
                "seed",
                7);
        Graph g = m.load();

        assertThat(g.nodeCount()).isEqualTo(30);
        assertThat(g.classNames()).hasSize(3);
        assertThat(g.features().orElseThrow().dim()).isEqualTo(2);
        assertThat(m.seed()).isEqualTo(7L);
        assertThat(m.pIn()).isEqualTo(0.5);
        assertThat(m.featureNoise()).isEqualTo(0.1);
    }

    @Test
    void theContextSeedDoesNotChangeTheData() {
        Graph a = factory.create(ComponentConfig.of("nodes", 100), new CreationContext(0, 0, 1L))
                .load();
        Graph b = factory.create(ComponentConfig.of("nodes", 100), new CreationContext(0, 0, 2L))
                .load();

        assertThat(a.upperTriangleEdges()).isEqualTo(b.upperTriangleEdges());
    }

    @Test
    void unparsableAndOutOfRangeValuesNameTheOption() {
        assertThatThrownBy(() -> create("nodes", "ten"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("Option 'nodes' of dataset loader 'sbm' must be an integer, got 'ten'");
        assertThatThrownBy(() -> create("p-out", "often"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("Option 'p-out'");
        assertThatThrownBy(() -> create("p-in", 2))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(
                        "Option 'p-in' of dataset loader 'sbm' must be a probability in [0, 1], got '2.0'");
        assertThatThrownBy(() -> create("nodes", 3, "communities", 4))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("Option 'communities'");
    }

    @Test
    void unknownOptionListsTheKnownOnes() {
        assertThatThrownBy(() -> create("p_in", 0.1))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("Unknown option 'p_in' for dataset loader 'sbm'")
                .hasMessageContaining("p-in");
    }
}
