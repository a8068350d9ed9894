// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.gae4j.core.error.DatasetFormatException;
import io.github.gae4j.runtime.plugin.ComponentKind;
import io.github.gae4j.runtime.plugin.PluginRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class DatasetFilesTest {

    @TempDir
    Path tmp;

    @Test
    void bySuffix() {
        assertThat(DatasetFiles.loaderFor(Path.of("data", "cora.npz"))).isEqualTo("npz");
        assertThat(DatasetFiles.loaderFor(Path.of("CORA.NPZ"))).isEqualTo("npz");
        assertThat(DatasetFiles.loaderFor(Path.of("cora.content"))).isEqualTo("linqs");
        assertThat(DatasetFiles.loaderFor(Path.of("cora.content.gz"))).isEqualTo("linqs");
        for (String name : new String[] {
            "CA-CondMat.txt",
            "CA-CondMat.txt.gz",
            "g.edges",
            "g.edges.gz",
            "g.tsv",
            "g.tsv.gz",
            "g.csv",
            "g.CSV.GZ",
            "g.el",
            "g.el.gz"
        }) {
            assertThat(DatasetFiles.loaderFor(Path.of(name))).as(name).isEqualTo("snap");
        }
    }

    @Test
    void directoryWithAContentFileIsLinqs() throws IOException {
        Files.writeString(tmp.resolve("cora.content.gz"), "");

        assertThat(DatasetFiles.loaderFor(tmp)).isEqualTo("linqs");
    }

    @Test
    void unknownTypesListTheKnownOnes() throws IOException {
        DatasetFormatException e =
                catchThrowableOfType(DatasetFormatException.class, () -> DatasetFiles.loaderFor(Path.of("graph.gml")));
        Path emptyDir = Files.createDirectories(tmp.resolve("empty"));
        DatasetFormatException dir =
                catchThrowableOfType(DatasetFormatException.class, () -> DatasetFiles.loaderFor(emptyDir));

        assertThat(e)
                .hasMessageStartingWith("graph.gml: unknown dataset file type")
                .hasMessageContaining("*.npz (npz)")
                .hasMessageContaining("*.content or *.content.gz")
                .hasMessageContaining("*.txt, *.edges, *.tsv, *.csv, *.el, each optionally .gz (snap)");
        assertThat(e.file()).isEqualTo(Path.of("graph.gml"));
        assertThat(dir)
                .hasMessageContaining("a directory without a <name>.content(.gz) file")
                .hasMessageContaining("*.npz (npz)");
        assertThat(catchThrowableOfType(DatasetFormatException.class, () -> DatasetFiles.loaderFor(Path.of("x.gz"))))
                .hasMessageContaining("unknown dataset file type");
    }

    @Test
    void everyChosenNameIsARegisteredLoader() {
        PluginRegistry registry = PluginRegistry.discover(getClass().getClassLoader());

        for (String name : new String[] {"a.npz", "a.content", "a.txt"}) {
            assertThat(registry.factories(ComponentKind.DATASET)).containsKey(DatasetFiles.loaderFor(Path.of(name)));
        }
    }

    @Test
    void realDatasetsAreRecognised() {
        DataDirectories.find().ifPresent(root -> {
            assertThat(DatasetFiles.loaderFor(root.resolve("npz/cora.npz"))).isEqualTo("npz");
            assertThat(DatasetFiles.loaderFor(root.resolve("linqs/cora"))).isEqualTo("linqs");
            assertThat(DatasetFiles.loaderFor(root.resolve("planetoid/cora.content.gz")))
                    .isEqualTo("linqs");
            assertThat(DatasetFiles.loaderFor(root.resolve("snap/CA-CondMat.txt.gz")))
                    .isEqualTo("snap");
        });
    }
}
