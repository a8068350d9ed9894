// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.datasets.catalog;

import static io.github.gae4j.datasets.catalog.CatalogFixtures.TINY_CITES;
import static io.github.gae4j.datasets.catalog.CatalogFixtures.TINY_CONTENT;
import static io.github.gae4j.datasets.catalog.CatalogFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Resolution order with temporary directories; the environment is injected, never the real one. */
final class DataRootTest {

    private static final CatalogEntry TINY = CatalogFixtures.tinyEntry(Optional.empty());

    @TempDir
    Path tmp;

    private Path explicit() {
        return tmp.resolve("explicit");
    }

    private Path envDir() {
        return tmp.resolve("env");
    }

    private Path home() {
        return tmp.resolve("home");
    }

    private Path homeRoot() {
        return home().resolve(".gae4j/datasets");
    }

    private Environment env(boolean withDataDir) {
        return Environment.of(withDataDir ? Map.of(DataRoot.DATA_DIR_ENV, envDir().toString()) : Map.of(), home());
    }

    private static void putTiny(Path root) {
        write(root.resolve("tiny/tiny.content"), TINY_CONTENT);
        write(root.resolve("tiny/tiny.cites"), TINY_CITES);
    }

    @Test
    void orderIsExplicitThenEnvironmentThenHome() {
        DataRoot roots = DataRoot.of(Optional.of(explicit()), env(true));

        assertThat(roots.candidates())
                .extracting(DataRoot.Candidate::directory)
                .containsExactly(explicit(), envDir(), homeRoot());
        assertThat(roots.candidates())
                .extracting(DataRoot.Candidate::source)
                .containsExactly("option data-dir", "environment variable GAE_DATA_DIR", "default ~/.gae4j/datasets");
        assertThat(roots.cache().directory()).isEqualTo(explicit());
    }

    @Test
    void withoutExplicitDirectoryOrVariableOnlyTheHomeDefaultRemains() {
        DataRoot roots = DataRoot.of(Optional.empty(), env(false));

        assertThat(roots.candidates()).extracting(DataRoot.Candidate::directory).containsExactly(homeRoot());
        assertThat(roots.cache().directory()).isEqualTo(homeRoot());
    }

    @Test
    void blankVariableIsIgnoredAndDuplicatesAreTriedOnce() {
        Environment blank = Environment.of(Map.of(DataRoot.DATA_DIR_ENV, "  "), home());
        assertThat(DataRoot.of(Optional.empty(), blank).candidates()).hasSize(1);

        Environment same = Environment.of(Map.of(DataRoot.DATA_DIR_ENV, homeRoot() + "/../datasets"), home());
        DataRoot roots = DataRoot.of(Optional.of(homeRoot()), same);
        assertThat(roots.candidates()).hasSize(1);
        assertThat(roots.cache().source()).isEqualTo("option data-dir");
    }

    @Test
    void relativePathsBecomeAbsolute() {
        DataRoot roots = DataRoot.of(
                Optional.of(Path.of("rel/data")), Environment.of(Map.of(DataRoot.DATA_DIR_ENV, "other"), home()));

        assertThat(roots.candidates()).allMatch(c -> c.directory().isAbsolute());
        assertThat(roots.candidates().get(0).directory())
                .isEqualTo(Path.of("rel/data").toAbsolutePath());
    }

    @Test
    void firstCandidateHoldingEveryFileWins() {
        putTiny(homeRoot());
        DataRoot roots = DataRoot.of(Optional.of(explicit()), env(true));
        assertThat(roots.locate(TINY)).map(DataRoot.Candidate::directory).contains(homeRoot());

        putTiny(envDir());
        assertThat(roots.locate(TINY)).map(DataRoot.Candidate::directory).contains(envDir());

        putTiny(explicit());
        assertThat(roots.locate(TINY)).map(DataRoot.Candidate::directory).contains(explicit());
    }

    @Test
    void aCandidateMissingOneFileIsSkipped() {
        write(explicit().resolve("tiny/tiny.content"), TINY_CONTENT);
        putTiny(envDir());
        DataRoot roots = DataRoot.of(Optional.of(explicit()), env(true));

        assertThat(roots.locate(TINY)).map(DataRoot.Candidate::source).contains("environment variable GAE_DATA_DIR");
        assertThat(roots.describeMissing(TINY))
                .contains("1. " + explicit() + " (option data-dir): missing tiny/tiny.cites")
                .contains("2. " + envDir() + " (environment variable GAE_DATA_DIR): has every file")
                .contains("3. " + homeRoot() + " (default ~/.gae4j/datasets): does not exist");
    }

    @Test
    void nothingFound() throws Exception {
        Files.createDirectories(explicit());
        Files.writeString(envDir(), "a file, not a directory");
        DataRoot roots = DataRoot.of(Optional.of(explicit()), env(true));

        assertThat(roots.locate(TINY)).isEmpty();
        assertThat(roots.describeMissing(TINY))
                .contains("1. " + explicit() + " (option data-dir): missing tiny/tiny.content, tiny/tiny.cites")
                .contains("2. " + envDir() + " (environment variable GAE_DATA_DIR): not a directory")
                .contains("3. " + homeRoot() + " (default ~/.gae4j/datasets): does not exist");
    }

    @Test
    void systemEnvironmentUsesUserHome() {
        assertThat(Environment.system().userHome()).isEqualTo(Path.of(System.getProperty("user.home")));
    }
}
