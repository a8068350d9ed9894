// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.datasets.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gae4j.core.graph.Features;
import io.github.gae4j.core.graph.Graph;
import io.github.gae4j.core.spi.ComponentConfig;
import io.github.gae4j.core.spi.CreationContext;
import io.github.gae4j.datasets.DataDirectories;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The built-in catalog against the shared benchmark files (read in place): hashes and sizes equal
 * {@code MANIFEST.tsv}, and every named dataset loads with the counts of the datasets README. Skipped when the
 * files are not available.
 */
final class CatalogRealDataTest {

    private static final CreationContext CONTEXT = new CreationContext(0, 0, 1L);

    @TempDir
    Path home;

    private static Path root() {
        Path p = DataDirectories.find().orElse(null);
        Assumptions.assumeTrue(
                p != null && Files.isRegularFile(p.resolve("MANIFEST.tsv")),
                () -> "Real datasets (with MANIFEST.tsv) not found; to run this test "
                        + DataDirectories.searchDescription());
        return p;
    }

    /** path → (bytes, sha256) from MANIFEST.tsv. */
    private static Map<String, List<String>> manifest(Path root) throws IOException {
        Map<String, List<String>> out = new HashMap<>();
        List<String> lines = Files.readAllLines(root.resolve("MANIFEST.tsv"), StandardCharsets.UTF_8);
        assertThat(lines.get(0)).startsWith("path\tbytes\tsha256\t");
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t", -1);
            out.put(f[0], List.of(f[1], f[2]));
        }
        return out;
    }

    private NamedDatasetLoader loader(String name, Path root) {
        return (NamedDatasetLoader) new NamedDatasetLoaderFactory(Environment.of(Map.of(), home), Downloader::new)
                .create(ComponentConfig.of("name", name, "data-dir", root), CONTEXT);
    }

    @Test
    void builtInHashesAndSizesMatchTheManifest() throws IOException {
        Map<String, List<String>> manifest = manifest(root());

        for (CatalogEntry e : DatasetCatalog.builtIn().entries()) {
            for (DatasetFile f : e.files()) {
                assertThat(manifest).as("MANIFEST.tsv row of " + f.path()).containsKey(f.path());
                assertThat(f.size().getAsLong())
                        .as(f.path())
                        .isEqualTo(Long.parseLong(manifest.get(f.path()).get(0)));
                assertThat(f.sha256())
                        .as(f.path())
                        .contains(manifest.get(f.path()).get(1));
            }
        }
    }

    @Test
    void coraCiteseerAndPubmedByNameWithVerifiedHashes() throws IOException {
        Path root = root();
        Map<String, List<String>> manifest = manifest(root);

        NamedDatasetLoader cora = loader("cora", root);
        ResolvedDataset r = cora.resolve();
        assertThat(r.root()).isEqualTo(root.toAbsolutePath().normalize());
        assertThat(r.verified()).hasSize(2);
        for (Path p : r.verified()) {
            assertThat(Sha256.of(p))
                    .isEqualTo(manifest.get(root.relativize(p).toString().replace('\\', '/'))
                            .get(1));
        }
        Graph g = cora.load();
        assertThat(g.nodeCount()).isEqualTo(2708);
        assertThat(g.edgeCount()).isEqualTo(5278);
        assertThat(g.classNames()).hasSize(7);
        assertThat(((Features.Sparse) g.features().orElseThrow()).matrix().nnz())
                .isEqualTo(49216);

        NamedDatasetLoader citeseer = loader("citeseer", root);
        assertThat(citeseer.resolve().verified()).hasSize(2);
        g = citeseer.load();
        assertThat(g.nodeCount()).isEqualTo(3312);
        assertThat(g.edgeCount()).isEqualTo(4536);
        assertThat(g.classNames()).hasSize(6);
        assertThat(g.features()).get().extracting(Features::dim).isEqualTo(3703);

        NamedDatasetLoader pubmed = loader("pubmed", root);
        assertThat(pubmed.resolve().verified()).hasSize(2);
        g = pubmed.load();
        assertThat(g.nodeCount()).isEqualTo(19717);
        assertThat(g.edgeCount()).isEqualTo(44324);
        assertThat(g.features()).isEmpty();
        assertThat(g.classNames()).hasSize(3);
    }

    @Test
    void dataDirectoryFromTheEnvironment() {
        Path root = root();
        NamedDatasetLoaderFactory f = new NamedDatasetLoaderFactory(
                Environment.of(Map.of(DataRoot.DATA_DIR_ENV, root.toString()), home), Downloader::new);

        ResolvedDataset r = ((NamedDatasetLoader) f.create(ComponentConfig.of("name", "CORA"), CONTEXT)).resolve();

        assertThat(r.source()).isEqualTo("environment variable GAE_DATA_DIR");
        assertThat(r.file("cites")).isEqualTo(root.toAbsolutePath().normalize().resolve("linqs/cora/cora.cites"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "cora, 2708, 5278",
        "citeseer, 3312, 4536",
        "pubmed, 19717, 44324",
        "cora-planetoid, 2708, 5278",
        "citeseer-planetoid, 3327, 4552",
        "cora-npz, 2708, 5278",
        "citeseer-npz, 3312, 4536",
        "cora-ml, 2995, 8158",
        "amazon-computers, 13752, 245861",
        "coauthor-cs, 18333, 81894",
        "coauthor-physics, 34493, 247962",
        "ca-condmat, 23133, 93439",
    })
    void everyBuiltInDatasetLoadsWithTheReadmeCounts(String name, int nodes, int edges) {
        Graph g = loader(name, root()).load();

        assertThat(g.nodeCount()).isEqualTo(nodes);
        assertThat(g.edgeCount()).isEqualTo(edges);
    }
}
