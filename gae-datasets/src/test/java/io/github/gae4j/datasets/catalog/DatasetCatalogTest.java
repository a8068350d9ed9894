// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.datasets.catalog;

import static io.github.gae4j.datasets.catalog.CatalogFixtures.utf8;
import static io.github.gae4j.datasets.catalog.CatalogFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.gae4j.core.error.ConfigException;
import io.github.gae4j.core.error.DatasetFormatException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class DatasetCatalogTest {

    private static final String HASH = "ab".repeat(32);

    @TempDir
    Path dir;

    @Test
    void builtInNames() {
        assertThat(DatasetCatalog.builtIn().names())
                .containsExactly(
                        "amazon-computers",
                        "ca-condmat",
                        "citeseer",
                        "citeseer-npz",
                        "citeseer-planetoid",
                        "coauthor-cs",
                        "coauthor-physics",
                        "cora",
                        "cora-ml",
                        "cora-npz",
                        "cora-planetoid",
                        "pubmed");
    }

    @Test
    void builtInEntriesHaveHashesAndSizesButNoUrl() {
        for (CatalogEntry e : DatasetCatalog.builtIn().entries()) {
            assertThat(e.baseUrl()).as(e.name()).isEmpty();
            assertThat(e.description()).as(e.name()).isNotBlank();
            for (DatasetFile f : e.files()) {
                assertThat(f.sha256()).as(f.path()).get().asString().matches("[0-9a-f]{64}");
                assertThat(f.size()).as(f.path()).isPresent();
                assertThat(f.url()).as(f.path()).isEmpty();
                assertThat(e.urlFor(f, Optional.empty())).isEmpty();
            }
        }
    }

    @Test
    void builtInLayoutAndLoaders() {
        DatasetCatalog c = DatasetCatalog.builtIn();
        Path root = Path.of("/data");

        assertThat(c.entry("cora").loader()).isEqualTo("linqs");
        assertThat(c.entry("cora").loaderOptions(root))
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "path",
                        "/data/linqs/cora/cora.content.gz",
                        "cites",
                        "/data/linqs/cora/cora.cites",
                        "dangling",
                        "drop"));
        assertThat(c.entry("citeseer").loaderOptions(root))
                .containsEntry("path", "/data/linqs/citeseer/citeseer.content.gz")
                .containsEntry("cites", "/data/linqs/citeseer/citeseer.cites");
        assertThat(c.entry("pubmed").loaderOptions(root))
                .containsEntry("path", "/data/planetoid/pubmed_nofeatures.content")
                .containsEntry("cites", "/data/planetoid/pubmed.cites");
        assertThat(c.entry("cora-planetoid").mainFile().path()).isEqualTo("planetoid/cora.content.gz");
        assertThat(c.entry("citeseer-planetoid").mainFile().path()).isEqualTo("planetoid/citeseer.content.gz");
        assertThat(c.entry("coauthor-physics").loader()).isEqualTo("npz");
        assertThat(c.entry("coauthor-physics").mainFile().path()).isEqualTo("npz/ms_academic_phy.npz");
        assertThat(c.entry("amazon-computers").mainFile().path()).isEqualTo("npz/amazon_electronics_computers.npz");
        assertThat(c.entry("ca-condmat").loader()).isEqualTo("snap");
        assertThat(c.entry("ca-condmat").loaderOptions(root))
                .containsExactly(Map.entry("path", "/data/snap/CA-CondMat.txt.gz"));
    }

    @Test
    void namesAreCaseInsensitive() {
        assertThat(DatasetCatalog.builtIn().entry(" Cora ").name()).isEqualTo("cora");
    }

    @Test
    void unknownNameListsTheKnownNames() {
        assertThatThrownBy(() -> DatasetCatalog.builtIn().entry("corra"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("Unknown dataset 'corra' (did you mean 'cora'?)")
                .hasMessageContaining("known datasets: amazon-computers, ca-condmat, citeseer,")
                .hasMessageContaining("cora, cora-ml")
                .hasMessageContaining("pubmed")
                .hasMessageContaining("GAE_DATASET_CATALOG");
    }

    @Test
    void mirrorUrlsFollowTheDataRootLayout() {
        CatalogEntry cora = DatasetCatalog.builtIn().entry("cora");
        DatasetFile cites = cora.files().get(1);

        assertThat(cora.urlFor(cites, Optional.of(URI.create("https://mirror.example/gae/datasets"))))
                .contains(URI.create("https://mirror.example/gae/datasets/linqs/cora/cora.cites"));
        assertThat(cora.urlFor(cites, Optional.of(URI.create("http://127.0.0.1:8080/"))))
                .contains(URI.create("http://127.0.0.1:8080/linqs/cora/cora.cites"));
    }

    @Test
    void readsACatalogFile() {
        Path file = write(
                dir.resolve("catalog.properties"),
                utf8(String.join(
                        "\n",
                        "# my datasets",
                        "karate.loader = snap",
                        "karate.description = Zachary's karate club",
                        "karate.base-url = https://example.org/graphs/",
                        "karate.file.path = snap/karate.txt",
                        "karate.sha256.path = " + HASH.toUpperCase(java.util.Locale.ROOT),
                        "karate.size.path = 339",
                        "karate.option.directed = true",
                        "cora.loader = linqs",
                        "cora.file.path = mine/cora.content",
                        "cora.url.path = http://127.0.0.1:1/cora.content",
                        "cora.option.dangling = add",
                        "")));

        DatasetCatalog custom = DatasetCatalog.read(file);
        DatasetCatalog all = DatasetCatalog.builtIn().with(custom);

        assertThat(custom.names()).containsExactly("cora", "karate");
        CatalogEntry karate = all.entry("karate");
        assertThat(karate.loader()).isEqualTo("snap");
        assertThat(karate.description()).isEqualTo("Zachary's karate club");
        assertThat(karate.options()).containsExactly(Map.entry("directed", "true"));
        assertThat(karate.files())
                .containsExactly(new DatasetFile(
                        "path", "snap/karate.txt", Optional.of(HASH), OptionalLong.of(339), Optional.empty()));
        assertThat(karate.urlFor(karate.mainFile(), Optional.empty()))
                .contains(URI.create("https://example.org/graphs/snap/karate.txt"));
        // A custom entry replaces the built-in one of the same name; the others stay.
        CatalogEntry cora = all.entry("cora");
        assertThat(cora.mainFile().path()).isEqualTo("mine/cora.content");
        assertThat(cora.mainFile().sha256()).isEmpty();
        assertThat(cora.urlFor(cora.mainFile(), Optional.empty()))
                .contains(URI.create("http://127.0.0.1:1/cora.content"));
        assertThat(all.names()).contains("citeseer", "pubmed", "karate");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "x.loader=snap|no file is bound to option 'path'",
                "x.file.path=a.txt|'x.loader' is required",
                "x.loader=gml\\nx.file.path=a.txt|unknown loader 'gml'; known loaders: [linqs, npz, snap]",
                "x.loader=snap\\nx.file.path=a.txt\\nx.option.dangling=add|unknown option 'dangling' for loader 'snap'",
                "x.loader=snap\\nx.file.cites=a.txt|option 'cites', which loader 'snap' does not have",
                "x.loader=snap\\nx.file.path=a.txt\\nx.sha256.path=1234|must be 64 hex digits",
                "x.loader=snap\\nx.file.path=../a.txt|has the segment '..'",
                "x.loader=snap\\nx.file.path=/etc/a.txt|must be relative to the data root",
                "x.loader=snap\\nx.file.path=a.txt\\nx.url.path=file:///a.txt|must be an absolute http:// or https:// URL",
                "x.loader=snap\\nx.file.path=a.txt\\nx.base-url=ftp://host/|must be an absolute http:// or https:// URL",
                "x.loader=snap\\nx.file.path=a.txt\\nx.sha256.cites=" + "ab" + "|there is no 'x.file.cites'",
                "x.loader=snap\\nx.file.path=a.txt\\nx.size.path=big|size.path must be a number of bytes",
                "x.loader=snap\\nx.file.path=a.txt\\nx.mirror=http://h/|unknown key 'x.mirror'",
                "My_Graph.loader=snap\\nMy_Graph.file.path=a.txt|lowercase kebab-case",
                "loader=snap|is not <dataset>.<property>",
            })
    void malformedCatalogFilesNameTheFileAndTheProblem(String text, String problem) {
        Path file = write(dir.resolve("bad.properties"), utf8(text.replace("\\n", "\n")));

        assertThatThrownBy(() -> DatasetCatalog.read(file))
                .isInstanceOf(DatasetFormatException.class)
                .hasMessageStartingWith(file.toString())
                .hasMessageContaining(problem);
    }

    @Test
    void missingCatalogFile() {
        Path file = dir.resolve("nope.properties");

        assertThatThrownBy(() -> DatasetCatalog.read(file))
                .isInstanceOf(DatasetFormatException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("cannot read the dataset catalog");
    }

    @Test
    void duplicateNamesInOneCatalogAreRejected() {
        CatalogEntry a = CatalogFixtures.tinyEntry(Optional.empty());

        assertThatThrownBy(() -> DatasetCatalog.of(List.of(a, a)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("'tiny' is defined twice");
    }
}
