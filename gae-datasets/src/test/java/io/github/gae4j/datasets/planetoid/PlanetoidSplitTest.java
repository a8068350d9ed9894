// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.datasets.planetoid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.gae4j.core.error.GaeException;
import io.github.gae4j.core.graph.Graph;
import io.github.gae4j.core.graph.NodeSplit;
import io.github.gae4j.core.spi.ComponentConfig;
import io.github.gae4j.core.spi.CreationContext;
import io.github.gae4j.datasets.DataDirectories;
import io.github.gae4j.datasets.catalog.Downloader;
import io.github.gae4j.datasets.catalog.Environment;
import io.github.gae4j.datasets.catalog.NamedDatasetLoaderFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class PlanetoidSplitTest {

    @TempDir
    Path home;

    private Graph load(String name) {
        Path root = DataDirectories.find()
                .filter(p -> Files.isDirectory(p.resolve("planetoid")))
                .orElse(null);
        Assumptions.assumeTrue(
                root != null,
                () -> "Planetoid files not found; to run this test " + DataDirectories.searchDescription());
        return new NamedDatasetLoaderFactory(Environment.of(Map.of(), home), Downloader::new)
                .create(ComponentConfig.of("name", name, "data-dir", root), new CreationContext(0, 0, 1L))
                .load();
    }

    @Test
    void coraHasTheGcnPapersSplit() {
        Graph cora = load("cora-planetoid");
        NodeSplit s = PlanetoidSplit.of(cora);
        assertThat(s.train()).containsExactly(IntStream.range(0, 140).toArray());
        assertThat(s.validation()).containsExactly(IntStream.range(140, 640).toArray());
        assertThat(s.test()).containsExactly(IntStream.range(1708, 2708).toArray());
        // 20 training nodes in each of the 7 classes, as Planetoid chose them.
        int[] perClass = new int[7];
        Arrays.stream(s.train()).forEach(i -> perClass[cora.labels()[i]]++);
        assertThat(perClass).containsOnly(20);
    }

    @Test
    void citeseerTestSetSkipsThePaddingRows() {
        Graph citeseer = load("citeseer-planetoid");
        NodeSplit s = PlanetoidSplit.of(citeseer);
        assertThat(s.train()).hasSize(120);
        int[] perClass = new int[6];
        Arrays.stream(s.train()).forEach(i -> perClass[citeseer.labels()[i]]++);
        assertThat(perClass).containsOnly(20);
        assertThat(s.validation()).hasSize(500);
        assertThat(s.test()).hasSize(1000);
        assertThat(Arrays.stream(s.test()).boxed().toList()).allMatch(i -> i >= 2312 && citeseer.labels()[i] >= 0);
        assertThat(s.test()).doesNotContain(2407, 2489, 3309);
    }

    @Test
    void pubmedTestSetIsItsLastThousandNodes() {
        Graph pubmed = load("pubmed");
        NodeSplit s = PlanetoidSplit.of(pubmed);
        assertThat(s.train()).hasSize(60);
        assertThat(s.test()).containsExactly(IntStream.range(18717, 19717).toArray());
    }

    @Test
    void refusesGraphsNotInPlanetoidOrder() {
        Graph g = Graph.builder(3)
                .edges(new int[] {0}, new int[] {1})
                .nodeIds(List.of("a", "b", "c"))
                .labels(new int[] {0, 1, 0}, List.of("x", "y"))
                .build();
        assertThatThrownBy(() -> PlanetoidSplit.of(g))
                .isInstanceOf(GaeException.class)
                .hasMessageContaining("node 0 has id 'a'");
        Graph unlabelled = Graph.builder(3).edges(new int[] {0}, new int[] {1}).build();
        assertThatThrownBy(() -> PlanetoidSplit.of(unlabelled))
                .isInstanceOf(GaeException.class)
                .hasMessageContaining("needs labels");
    }
}
