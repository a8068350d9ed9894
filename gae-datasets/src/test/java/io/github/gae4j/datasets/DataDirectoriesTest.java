// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class DataDirectoriesTest {

    @TempDir
    Path tmp;

    private Path repo;
    private Path module;
    private Path shared;
    private Path own;

    @BeforeEach
    void layout() throws IOException {
        repo = Files.createDirectories(tmp.resolve("main"));
        module = Files.createDirectories(repo.resolve("gae-datasets"));
        shared = Files.createDirectories(tmp.resolve("shared")
                        .resolve("datasets")
                        .resolve("linqs")
                        .resolve("cora"))
                .getParent()
                .getParent();
        own = Files.createDirectories(tmp.resolve("mine"));
    }

    private static Function<String, String> env(Map<String, String> vars) {
        return vars::get;
    }

    @Test
    void dataDirVariableComesFirst() {
        var e = env(Map.of("GAE_DATA_DIR", own.toString(), "GAE_SHARED_DATASETS", shared.toString()));

        assertThat(DataDirectories.find(e, module)).contains(own);
        assertThat(DataDirectories.candidates(e, module)).first().isEqualTo(own);
    }

    @Test
    void sharedVariableIsUsedWhenDataDirIsUnsetOrMissing() {
        assertThat(DataDirectories.find(
                        env(Map.of("GAE_SHARED_DATASETS", shared.toString())), tmp.resolve("elsewhere")))
                .contains(shared);
        var missing =
                env(Map.of("GAE_DATA_DIR", tmp.resolve("nope").toString(), "GAE_SHARED_DATASETS", shared.toString()));
        assertThat(DataDirectories.find(missing, tmp.resolve("elsewhere"))).contains(shared);
    }

    @Test
    void fallsBackToSharedDatasetsNextToTheRepositoryFromRootOrModule() {
        assertThat(DataDirectories.find(env(Map.of()), repo)).contains(shared);
        assertThat(DataDirectories.find(env(Map.of()), module)).contains(shared);
    }

    @Test
    void emptyWhenNothingExistsAndTheDescriptionSaysWhatToDo() {
        Path nowhere = tmp.resolve("a").resolve("b").resolve("c");

        assertThat(DataDirectories.find(env(Map.of()), nowhere)).isEmpty();
        String description = DataDirectories.searchDescription(DataDirectories.candidates(env(Map.of()), nowhere));
        assertThat(description)
                .contains("GAE_DATA_DIR")
                .contains("../shared/datasets")
                .contains(nowhere.resolve("../shared/datasets").normalize().toString());
    }

    @Test
    void findsASubpathInTheFirstRootThatHasIt() {
        var e = env(Map.of("GAE_DATA_DIR", own.toString(), "GAE_SHARED_DATASETS", shared.toString()));

        assertThat(DataDirectories.find(e, module, "linqs", "cora"))
                .contains(shared.resolve("linqs").resolve("cora"));
        assertThat(DataDirectories.find(e, module, "linqs", "pubmed")).isEmpty();
    }

    @Test
    void blankVariablesAreIgnored() {
        assertThat(DataDirectories.candidates(env(Map.of("GAE_DATA_DIR", " ")), module))
                .containsExactly(
                        module.resolve("../shared/datasets").normalize(),
                        module.resolve("../../shared/datasets").normalize());
    }
}
