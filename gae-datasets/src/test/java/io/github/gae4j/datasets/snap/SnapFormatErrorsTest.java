// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.datasets.snap;

import static io.github.gae4j.datasets.snap.SnapLoaderTest.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.gae4j.core.error.DatasetFormatException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every kind of broken edge list fails with a message naming the file, the line and the problem. */
final class SnapFormatErrorsTest {

    @TempDir
    Path tmp;

    private DatasetFormatException fail(Path file, SnapOptions options) {
        DatasetFormatException e =
                catchThrowableOfType(DatasetFormatException.class, () -> new SnapLoader(file, options).read());
        assertThat(e).as("expected a DatasetFormatException").isNotNull();
        assertThat(e.file()).isEqualTo(file);
        return e;
    }

    private DatasetFormatException fail(String text) {
        return fail(write(tmp.resolve("bad.txt"), text), SnapOptions.DEFAULTS);
    }

    private DatasetFormatException fail(String text, SnapOptions options) {
        return fail(write(tmp.resolve("bad.txt"), text), options);
    }

    @Test
    void oneField() {
        DatasetFormatException e = fail("# c\n1 2\n3\n");

        assertThat(e)
                .hasMessage(tmp.resolve("bad.txt") + ":3: expected 2 fields (<from> <to>) or 3 (<from> <to>"
                        + " <weight>), found 1");
        assertThat(e.line()).isEqualTo(3);
    }

    @Test
    void fourFields() {
        DatasetFormatException e = fail("1 2\n3 4 1 9\n");

        assertThat(e).hasMessageContaining("bad.txt:2: expected 2 fields").hasMessageContaining("found 4");
        assertThat(e.line()).isEqualTo(2);
    }

    @Test
    void columnCountChanges() {
        assertThat(fail("1 2\n2 3 0.5\n"))
                .hasMessageContaining("bad.txt:2: expected 2 fields like line 1 (the first" + " edge line), found 3");
        assertThat(fail("\n# x\n1 2 1\n2 3\n")).hasMessageContaining("bad.txt:4: expected 3 fields like line 3");
    }

    @Test
    void nonNumericWeight() {
        DatasetFormatException e = fail("1 2 1.0\n2 3 heavy\n");

        assertThat(e).hasMessageContaining("bad.txt:2: weight (field 3) is not a finite number: 'heavy'");
        assertThat(fail("1 2 NaN\n")).hasMessageContaining("bad.txt:1: weight (field 3) is not a finite number: 'NaN'");
    }

    @Test
    void weightsNoneForbidsAThirdColumn() {
        assertThat(fail("1 2 1\n", SnapOptions.DEFAULTS.withWeights(WeightPolicy.NONE)))
                .hasMessageContaining("bad.txt:1: expected 2 fields (<from> <to>), found 3; weights=none");
    }

    @Test
    void nonIntegerIdWithIntIds() {
        assertThat(fail("1 2\n2 x3\n", SnapOptions.DEFAULTS.withIds(IdMode.INT)))
                .hasMessageContaining("bad.txt:2: node id 'x3' (field 2) is not an integer; ids=int");
        assertThat(fail("1 2\n3 -4\n", SnapOptions.DEFAULTS.withIds(IdMode.INT)))
                .hasMessageContaining("bad.txt:2: node id '-4' (field 2) is negative; ids=int");
        assertThat(fail("1 99999999999999999999\n", SnapOptions.DEFAULTS.withIds(IdMode.INT)))
                .hasMessageContaining("bad.txt:1: node id '99999999999999999999'");
    }

    @Test
    void emptyCsvField() {
        assertThat(fail(write(tmp.resolve("bad.csv"), "a,b\n,c\n"), SnapOptions.DEFAULTS))
                .hasMessageContaining("bad.csv:2: field 1 is empty");
    }

    @Test
    void emptyFile() {
        DatasetFormatException empty = fail("");
        DatasetFormatException onlyComments = fail("# Nodes: 0 Edges: 0\n\n   \n# end\n");

        assertThat(empty)
                .hasMessage(tmp.resolve("bad.txt") + ": empty graph: no edge lines (the file has 0 comment"
                        + " lines and otherwise only blank lines)");
        assertThat(empty.line()).isZero();
        assertThat(onlyComments).hasMessageContaining("no edge lines").hasMessageContaining("2 comment lines");
    }

    @Test
    void onlySelfLoopsIsAnEmptyGraph() {
        assertThat(fail("1 1\n2 2\n"))
                .hasMessageContaining("empty graph: no edges left of 2 edge lines (2 self-loops)");
        assertThat(fail("1 2 -1\n", SnapOptions.DEFAULTS.withWeights(WeightPolicy.POSITIVE)))
                .hasMessageContaining("1 lines with weight <= 0 dropped");
    }

    @Test
    void truncatedGzip() throws IOException {
        StringBuilder text = new StringBuilder("# big\n");
        SplittableRandom random = new SplittableRandom(3);
        for (int k = 0; k < 20_000; k++) {
            text.append(random.nextInt(100_000))
                    .append('\t')
                    .append(random.nextInt(100_000))
                    .append('\n');
        }
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(buf)) {
            gz.write(text.toString().getBytes(StandardCharsets.UTF_8));
        }
        byte[] bytes = buf.toByteArray();
        Path half = Files.write(tmp.resolve("half.txt.gz"), Arrays.copyOf(bytes, bytes.length / 2));
        Path noTrailer = Files.write(tmp.resolve("notrailer.txt.gz"), Arrays.copyOf(bytes, bytes.length - 4));

        DatasetFormatException e = fail(half, SnapOptions.DEFAULTS);
        assertThat(e).hasMessageContaining("half.txt.gz").hasMessageContaining("truncated");
        assertThat(fail(noTrailer, SnapOptions.DEFAULTS))
                .hasMessageContaining("notrailer.txt.gz")
                .hasMessageContaining("truncated");
    }

    @Test
    void notGzipAtAll() {
        Path f = write(tmp.resolve("plain.txt"), "1 2\n");
        Path renamed = tmp.resolve("fake.txt.gz");
        try {
            Files.copy(f, renamed);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }

        assertThat(fail(renamed, SnapOptions.DEFAULTS)).hasMessageContaining("fake.txt.gz: not a valid gzip file");
    }

    @Test
    void missingFileAndDirectory() {
        assertThat(fail(tmp.resolve("missing.txt"), SnapOptions.DEFAULTS))
                .hasMessageContaining("missing.txt: no such file");
        assertThat(fail(tmp, SnapOptions.DEFAULTS)).hasMessageContaining("is a directory");
    }
}
