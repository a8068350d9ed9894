// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.datasets.catalog;

import static io.github.gae4j.datasets.catalog.CatalogFixtures.SNAP_EDGES;
import static io.github.gae4j.datasets.catalog.CatalogFixtures.TINY_CITES;
import static io.github.gae4j.datasets.catalog.CatalogFixtures.TINY_CONTENT;
import static io.github.gae4j.datasets.catalog.CatalogFixtures.assertNoPartialFiles;
import static io.github.gae4j.datasets.catalog.CatalogFixtures.filesUnder;
import static io.github.gae4j.datasets.catalog.CatalogFixtures.utf8;
import static io.github.gae4j.datasets.catalog.CatalogFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.gae4j.core.error.ConfigException;
import io.github.gae4j.core.error.DatasetFormatException;
import io.github.gae4j.core.graph.Graph;
import io.github.gae4j.core.spi.ComponentConfig;
import io.github.gae4j.core.spi.ComponentFactory;
import io.github.gae4j.core.spi.CreationContext;
import io.github.gae4j.core.spi.DatasetLoader;
import io.github.gae4j.datasets.linqs.LinqsLoader;
import io.github.gae4j.runtime.plugin.ComponentKind;
import io.github.gae4j.runtime.plugin.PluginRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code dataset} loader end to end: catalog, data directories (injected environment), downloads from an HTTP
 * server on 127.0.0.1 that each test starts, verification and delegation to the file loaders.
 */
@Timeout(60)
final class NamedDatasetLoaderFactoryTest {

    private static final CreationContext CONTEXT = new CreationContext(0, 0, 1L);

    @TempDir
    Path tmp;

    private LoopbackHttpServer server;
    private final Map<String, String> vars = new HashMap<>();

    @BeforeEach
    void startServer() {
        server = LoopbackHttpServer.start();
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private Path home() {
        return tmp.resolve("home");
    }

    private Path cache() {
        return tmp.resolve("cache");
    }

    private NamedDatasetLoaderFactory factory() {
        return new NamedDatasetLoaderFactory(
                Environment.of(vars, home()), () -> new Downloader(Duration.ofSeconds(5), Duration.ofSeconds(5)));
    }

    private NamedDatasetLoader create(Object... options) {
        return (NamedDatasetLoader) factory().create(ComponentConfig.of(options), CONTEXT);
    }

    /** A catalog file with the tiny LINQS pair ({@code tiny}) and the SNAP 4-cycle ({@code cycle}). */
    private Path catalogFile(String extra) {
        return write(
                tmp.resolve("catalog.properties"),
                utf8(String.join(
                        "\n",
                        "tiny.loader = linqs",
                        "tiny.file.path = tiny/tiny.content",
                        "tiny.sha256.path = " + Sha256.of(TINY_CONTENT),
                        "tiny.size.path = " + TINY_CONTENT.length,
                        "tiny.file.cites = tiny/tiny.cites",
                        "tiny.sha256.cites = " + Sha256.of(TINY_CITES),
                        "tiny.option.dangling = drop",
                        "cycle.loader = snap",
                        "cycle.file.path = snap/cycle.txt.gz",
                        "cycle.sha256.path = " + Sha256.of(SNAP_EDGES),
                        extra,
                        "")));
    }

    private static void assertTiny(Graph g) {
        assertThat(g.nodeCount()).isEqualTo(5);
        assertThat(g.edgeCount()).isEqualTo(3);
        assertThat(g.classNames()).containsExactly("red", "blue");
        assertThat(g.features()).get().extracting(f -> f.dim()).isEqualTo(3);
    }

    @Test
    void loadsANamedDatasetFromTheDataDirectory() {
        write(tmp.resolve("data/tiny/tiny.content"), TINY_CONTENT);
        write(tmp.resolve("data/tiny/tiny.cites"), TINY_CITES);

        NamedDatasetLoader loader = create("name", "tiny", "catalog", catalogFile(""), "data-dir", tmp.resolve("data"));
        ResolvedDataset resolved = loader.resolve();

        assertThat(resolved.root()).isEqualTo(tmp.resolve("data"));
        assertThat(resolved.source()).isEqualTo("option data-dir");
        assertThat(resolved.downloaded()).isEmpty();
        assertThat(resolved.verified())
                .containsExactly(tmp.resolve("data/tiny/tiny.content"), tmp.resolve("data/tiny/tiny.cites"));
        DatasetLoader delegate = loader.delegate(resolved);
        assertThat(delegate).isInstanceOf(LinqsLoader.class);
        assertTiny(loader.load());
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void environmentSuppliesTheDataDirectoryAndTheCatalog() {
        write(tmp.resolve("env/snap/cycle.txt.gz"), SNAP_EDGES);
        vars.put("GAE_DATA_DIR", tmp.resolve("env").toString());
        vars.put("GAE_DATASET_CATALOG", catalogFile("").toString());

        Graph g = create("name", "cycle").load();

        assertThat(g.nodeCount()).isEqualTo(4);
        assertThat(g.edgeCount()).isEqualTo(4);
    }

    @Test
    void homeDirectoryIsTheLastResort() {
        write(home().resolve(".gae4j/datasets/snap/cycle.txt.gz"), SNAP_EDGES);
        vars.put("GAE_DATA_DIR", tmp.resolve("empty").toString());

        ResolvedDataset r = create("name", "cycle", "catalog", catalogFile(""), "data-dir", tmp.resolve("also-empty"))
                .resolve();

        assertThat(r.source()).isEqualTo("default ~/.gae4j/datasets");
        assertThat(r.root()).isEqualTo(home().resolve(".gae4j/datasets"));
    }

    @Test
    void unknownNameListsTheKnownNamesIncludingCustomOnes() {
        assertThatThrownBy(() -> create("name", "karate", "catalog", catalogFile("")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("Unknown dataset 'karate'")
                .hasMessageContaining("citeseer")
                .hasMessageContaining("cora")
                .hasMessageContaining("cycle")
                .hasMessageContaining("pubmed")
                .hasMessageContaining("tiny");
    }

    @Test
    void badOptionsAreRejectedWhenTheLoaderIsCreated() {
        assertThatThrownBy(() -> create())
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("Option 'name' of dataset loader 'dataset' is required")
                .hasMessageContaining("cora");
        assertThatThrownBy(() -> create("name", "cora", "dir", "x"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("Unknown option 'dir'")
                .hasMessageContaining("data-dir");
        assertThatThrownBy(() -> create("name", "cora", "download", "maybe"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("Option 'download'");
        assertThatThrownBy(() -> create("name", "cora", "base-url", "ftp://mirror/"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("Option 'base-url'")
                .hasMessageContaining("http:// or https://");
        vars.put("GAE_DATASET_URL", "not a url");
        assertThatThrownBy(() -> create("name", "cora"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("GAE_DATASET_URL");
    }

    @Test
    void missingFilesErrorListsThePlacesTriedAndHowToFixIt() {
        vars.put("GAE_DATA_DIR", tmp.resolve("env").toString());
        NamedDatasetLoader loader = create("name", "cora", "data-dir", tmp.resolve("explicit"));

        assertThatThrownBy(loader::load)
                .isInstanceOf(DatasetNotFoundException.class)
                .hasMessageContaining("Dataset 'cora' not found")
                .hasMessageContaining("linqs/cora/cora.content.gz, linqs/cora/cora.cites")
                .hasMessageContaining("1. " + tmp.resolve("explicit") + " (option data-dir): does not exist")
                .hasMessageContaining("2. " + tmp.resolve("env") + " (environment variable GAE_DATA_DIR)")
                .hasMessageContaining("3. " + home().resolve(".gae4j/datasets") + " (default ~/.gae4j/datasets)")
                .hasMessageContaining("data-dir (--data-dir)")
                .hasMessageContaining("set GAE_DATA_DIR")
                .hasMessageContaining("the built-in datasets carry none")
                .hasMessageContaining("download=true")
                .hasMessageContaining("GAE_DATASET_URL");
        assertThat(filesUnder(tmp)).isEmpty();
    }

    @Test
    void downloadOffWithAUrlConfiguredSaysHowToTurnItOn() {
        NamedDatasetLoader loader =
                create("name", "tiny", "catalog", catalogFile("tiny.base-url = " + server.base()), "data-dir", cache());

        assertThatThrownBy(loader::load)
                .isInstanceOf(DatasetNotFoundException.class)
                .hasMessageContaining(server.url("tiny/tiny.content").toString())
                .hasMessageContaining("set the option download=true to fetch the files into " + cache());
        assertThat(server.requests()).isEmpty();
        assertThat(cache()).doesNotExist();
    }

    @Test
    void downloadOnWithoutAnyUrlFails() {
        NamedDatasetLoader loader = create("name", "cora", "download", true, "data-dir", cache());

        assertThatThrownBy(loader::load)
                .isInstanceOf(DatasetNotFoundException.class)
                .hasMessageContaining("Downloading is on, but no URL is configured for linqs/cora/cora.content.gz")
                .hasMessageContaining("base-url");
        assertThat(filesUnder(cache())).isEmpty();
    }

    @Test
    void downloadsIntoTheCacheVerifiesAndLoads() throws IOException {
        server.serve("tiny/tiny.content", TINY_CONTENT).serve("tiny/tiny.cites", TINY_CITES);
        vars.put("GAE_DATA_DIR", tmp.resolve("env-not-used-as-cache").toString());
        NamedDatasetLoader loader = create(
                "name",
                "tiny",
                "catalog",
                catalogFile("tiny.base-url = " + server.base()),
                "data-dir",
                cache(),
                "download",
                "true");

        ResolvedDataset r = loader.resolve();

        assertThat(r.root()).isEqualTo(cache());
        assertThat(r.downloaded())
                .containsExactly(cache().resolve("tiny/tiny.content"), cache().resolve("tiny/tiny.cites"));
        assertThat(filesUnder(cache())).containsExactly("tiny/tiny.cites", "tiny/tiny.content");
        assertThat(Files.readAllBytes(cache().resolve("tiny/tiny.cites"))).isEqualTo(TINY_CITES);
        assertThat(server.requests()).containsExactly("/tiny/tiny.content", "/tiny/tiny.cites");

        // Present now: loading again reads the cache (verified) without asking the server.
        assertTiny(loader.load());
        assertThat(server.requests()).hasSize(2);
    }

    @Test
    void homeIsTheCacheWithoutAnExplicitDirectory() {
        server.serve("snap/cycle.txt.gz", SNAP_EDGES);

        Graph g = create("name", "cycle", "catalog", catalogFile(""), "download", "yes", "base-url", server.base())
                .load();

        assertThat(g.edgeCount()).isEqualTo(4);
        assertThat(filesUnder(home())).containsExactly(".gae4j/datasets/snap/cycle.txt.gz");
    }

    @Test
    void mirrorFromTheEnvironmentReplacesTheCatalogUrl() {
        server.serve("mirror/snap/cycle.txt.gz", SNAP_EDGES);
        vars.put("GAE_DATASET_URL", server.url("mirror").toString());

        Graph g = create(
                        "name",
                        "cycle",
                        "catalog",
                        catalogFile("cycle.base-url = http://127.0.0.1:1/nowhere/"),
                        "data-dir",
                        cache(),
                        "download",
                        "true")
                .load();

        assertThat(g.nodeCount()).isEqualTo(4);
        assertThat(server.requests()).containsExactly("/mirror/snap/cycle.txt.gz");
    }

    @Test
    void onlyTheMissingFilesAreDownloaded() {
        write(cache().resolve("tiny/tiny.content"), TINY_CONTENT);
        server.serve("tiny/tiny.cites", TINY_CITES);

        ResolvedDataset r = create(
                        "name",
                        "tiny",
                        "catalog",
                        catalogFile("tiny.base-url = " + server.base()),
                        "data-dir",
                        cache(),
                        "download",
                        "true")
                .resolve();

        assertThat(r.downloaded()).containsExactly(cache().resolve("tiny/tiny.cites"));
        assertThat(r.verified()).hasSize(2);
        assertThat(server.requests()).containsExactly("/tiny/tiny.cites");
    }

    @Test
    void corruptedDownloadFailsAndLeavesNoFile() {
        byte[] corrupted = TINY_CITES.clone();
        corrupted[0] = 'z';
        server.serve("tiny/tiny.content", TINY_CONTENT).serve("tiny/tiny.cites", corrupted);
        NamedDatasetLoader loader = create(
                "name",
                "tiny",
                "catalog",
                catalogFile("tiny.base-url = " + server.base()),
                "data-dir",
                cache(),
                "download",
                "true");

        assertThatThrownBy(loader::load)
                .isInstanceOf(DownloadException.class)
                .hasMessageContaining(cache().resolve("tiny/tiny.cites").toString())
                .hasMessageContaining("expected " + Sha256.of(TINY_CITES))
                .hasMessageContaining("actual " + Sha256.of(corrupted));
        // The content file was complete and verified, so it stays; the cites file never appears.
        assertThat(filesUnder(cache())).containsExactly("tiny/tiny.content");
        assertNoPartialFiles(cache());
    }

    @Test
    void truncatedDownloadFailsAndLeavesNoFile() {
        server.truncated("tiny/tiny.content", Arrays.copyOf(TINY_CONTENT, 7), TINY_CONTENT.length);
        NamedDatasetLoader loader = create(
                "name",
                "tiny",
                "catalog",
                catalogFile("tiny.base-url = " + server.base()),
                "data-dir",
                cache(),
                "download",
                "true");

        assertThatThrownBy(loader::load)
                .isInstanceOf(DownloadException.class)
                .hasMessageContaining(cache().resolve("tiny/tiny.content").toString())
                .hasMessageContaining("truncated");
        assertThat(filesUnder(cache())).isEmpty();
    }

    @Test
    void http404FailsAndLeavesNoFile() {
        NamedDatasetLoader loader = create(
                "name",
                "cycle",
                "catalog",
                catalogFile(""),
                "data-dir",
                cache(),
                "download",
                "true",
                "base-url",
                server.url("missing/"));

        assertThatThrownBy(loader::load)
                .isInstanceOf(DownloadException.class)
                .hasMessageContaining("HTTP 404")
                .hasMessageContaining(server.url("missing/snap/cycle.txt.gz").toString());
        assertThat(filesUnder(cache())).isEmpty();
    }

    @Test
    void downloadWithoutAnExpectedHashIsRefused() {
        Path catalog = write(
                tmp.resolve("nohash.properties"),
                utf8(String.join(
                        "\n",
                        "loose.loader = snap",
                        "loose.file.path = loose.txt",
                        "loose.url.path = " + server.url("loose.txt"))));
        server.serve("loose.txt", utf8("1 2\n"));

        assertThatThrownBy(() -> create("name", "loose", "catalog", catalog, "data-dir", cache(), "download", "true")
                        .load())
                .isInstanceOf(DatasetNotFoundException.class)
                .hasMessageContaining("needs its SHA-256")
                .hasMessageContaining("loose.sha256.path");
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void alteredFileOnDiskFailsVerificationUnlessVerifyIsOff() {
        byte[] altered = Arrays.copyOf(TINY_CITES, TINY_CITES.length);
        altered[altered.length - 4] = 'a'; // the self-loop "e e" becomes the edge "a e"
        write(cache().resolve("tiny/tiny.content"), TINY_CONTENT);
        Path cites = write(cache().resolve("tiny/tiny.cites"), altered);

        assertThatThrownBy(() -> create("name", "tiny", "catalog", catalogFile(""), "data-dir", cache())
                        .load())
                .isInstanceOf(DatasetFormatException.class)
                .hasMessageStartingWith(cites.toString())
                .hasMessageContaining("SHA-256 mismatch for tiny/tiny.cites of dataset 'tiny'")
                .hasMessageContaining("expected " + Sha256.of(TINY_CITES))
                .hasMessageContaining("actual " + Sha256.of(altered))
                .hasMessageContaining("verify=false");

        NamedDatasetLoader unverified =
                create("name", "tiny", "catalog", catalogFile(""), "data-dir", cache(), "verify", "false");
        assertThat(unverified.resolve().verified()).isEmpty();
        assertThat(unverified.load().edgeCount()).isEqualTo(4);
    }

    @Test
    void registeredInThePlugin() {
        PluginRegistry registry = PluginRegistry.discover(getClass().getClassLoader());

        assertThat(registry.factory(ComponentKind.DATASET, "dataset")).isInstanceOf(NamedDatasetLoaderFactory.class);
        assertThat(ComponentFactory.optionNames(registry.factory(ComponentKind.DATASET, "dataset")))
                .containsExactlyInAnyOrder("name", "data-dir", "download", "base-url", "verify", "catalog");
        assertThat(new NamedDatasetLoaderFactory().description()).contains("cora", "citeseer", "pubmed");
    }
}
