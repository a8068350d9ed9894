// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.datasets.linqs;

import static io.github.gae4j.datasets.linqs.LinqsFixtures.tsv;
import static io.github.gae4j.datasets.linqs.LinqsFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.gae4j.core.error.DatasetFormatException;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class LinqsFormatErrorsTest {

    private static final String GOOD_CITES = tsv("a b");

    @TempDir
    Path tmp;

    private DatasetFormatException fail(Path path) {
        return catchThrowableOfType(DatasetFormatException.class, () -> new LinqsLoader(path).read());
    }

    private Path dataset(String content, String cites) {
        write(tmp.resolve("bad.content"), content);
        write(tmp.resolve("bad.cites"), cites);
        return tmp;
    }

    @Test
    void missingPath() {
        Path missing = tmp.resolve("no-such-dir");

        DatasetFormatException e = fail(missing);

        assertThat(e).hasMessageContaining("no-such-dir").hasMessageContaining("no such file or directory");
        assertThat(e.file()).isEqualTo(missing);
        assertThat(e.line()).isZero();
    }

    @Test
    void directoryWithoutContentFile() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("empty-dir"));
        write(dir.resolve("x.cites"), GOOD_CITES);

        assertThat(fail(dir))
                .hasMessageContaining("empty-dir")
                .hasMessageContaining("no <name>.content or <name>.content.gz file");
    }

    @Test
    void directoryWithTwoContentFiles() {
        write(tmp.resolve("a.content"), tsv("a 1 X"));
        write(tmp.resolve("a.content.gz"), tsv("a 1 X"));

        assertThat(fail(tmp)).hasMessageContaining("2 .content files").hasMessageContaining("a.content, a.content.gz");
    }

    @Test
    void contentWithoutCites() {
        write(tmp.resolve("cora.content"), tsv("a 1 X"));

        DatasetFormatException e = fail(tmp);

        assertThat(e).hasMessageContaining("cora.cites").hasMessageContaining("missing");
        assertThat(e.line()).isZero();
    }

    @Test
    void explicitCitesFileMissing() {
        Path content = write(tmp.resolve("cora.content"), tsv("a 1 X"));
        Path cites = tmp.resolve("gone.cites");

        DatasetFormatException e = catchThrowableOfType(
                DatasetFormatException.class,
                () -> new LinqsLoader(content).withCites(cites).read());

        assertThat(e).hasMessageContaining("gone.cites").hasMessageContaining("no such file");
        assertThat(e.file()).isEqualTo(cites);
    }

    @Test
    void bothPlainAndGzippedCites() {
        write(tmp.resolve("cora.content"), tsv("a 1 X"));
        write(tmp.resolve("cora.cites"), GOOD_CITES);
        write(tmp.resolve("cora.cites.gz"), GOOD_CITES);

        assertThat(fail(tmp)).hasMessageContaining("both cora.cites and cora.cites.gz exist");
    }

    @Test
    void pathToAFileThatIsNotContent() {
        Path cites = write(tmp.resolve("cora.cites"), GOOD_CITES);

        assertThat(fail(cites)).hasMessageContaining("cora.cites").hasMessageContaining("not a LINQS .content");
    }

    @Test
    void rowWithAnotherColumnCount() {
        Path d = dataset(tsv("a 1 0 0 X", "b 0 1 0 Y", "c 0 1 Y"), GOOD_CITES);

        DatasetFormatException e = fail(d);

        assertThat(e).hasMessageContaining("bad.content:3:").hasMessageContaining("expected 5 fields, found 4");
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.file().getFileName().toString()).isEqualTo("bad.content");
    }

    @Test
    void lineNumbersCountBlankLines() {
        Path d = dataset("a\t1\tX\n\n\nb\t1\t0\tX\n", GOOD_CITES);

        assertThat(fail(d)).hasMessageContaining("bad.content:4: expected 3 fields, found 4");
    }

    @Test
    void firstRowWithOnlyAnId() {
        Path d = dataset(tsv("lonely"), GOOD_CITES);

        assertThat(fail(d)).hasMessageContaining("bad.content:1:").hasMessageContaining("expected at least 2 fields");
    }

    @Test
    void nonNumericFeatureIsQuoted() {
        Path d = dataset(tsv("a 1 0 X", "b 0 abc Y"), GOOD_CITES);

        assertThat(fail(d))
                .hasMessageContaining("bad.content:2:")
                .hasMessageContaining("feature 2 (field 3) of node 'b' is not a finite number: 'abc'");
    }

    @Test
    void nonFiniteFeatureIsRejected() {
        Path d = dataset(tsv("a 1 X", "b NaN Y"), GOOD_CITES);
        assertThat(fail(d)).hasMessageContaining("bad.content:2:").hasMessageContaining("'NaN'");

        Path d2 = dataset(tsv("a 1e999 X", "b 1 Y"), GOOD_CITES);
        assertThat(fail(d2)).hasMessageContaining("bad.content:1:").hasMessageContaining("'1e999'");
    }

    @Test
    void duplicateNodeId() {
        Path d = dataset(tsv("a 1 X", "b 0 Y", "a 0 Y"), GOOD_CITES);

        assertThat(fail(d))
                .hasMessageContaining("bad.content:3:")
                .hasMessageContaining("duplicate node id 'a' (first on line 1)");
    }

    @Test
    void emptyContent() {
        Path d = dataset("", GOOD_CITES);
        assertThat(fail(d)).hasMessageContaining("bad.content").hasMessageContaining("no nodes");

        Path blank = dataset("\n  \n\t\n", GOOD_CITES);
        DatasetFormatException e = fail(blank);
        assertThat(e).hasMessageContaining("no nodes");
        assertThat(e.line()).isZero();
    }

    @Test
    void citesLineWithThreeFields() {
        Path d = dataset(tsv("a 1 X", "b 0 Y"), tsv("a b", "b a a"));

        DatasetFormatException e = fail(d);

        assertThat(e)
                .hasMessageContaining("bad.cites:2:")
                .hasMessageContaining("expected 2 fields (<cited> <citing>), found 3");
        assertThat(e.line()).isEqualTo(2);
    }

    @Test
    void citesLineWithOneField() {
        Path d = dataset(tsv("a 1 X", "b 0 Y"), "a\tb\n\nb\n");

        assertThat(fail(d)).hasMessageContaining("bad.cites:3:").hasMessageContaining("found 1");
    }

    @Test
    void truncatedGzipContent() throws IOException {
        byte[] gz = gzip(bigContent());
        Files.write(tmp.resolve("big.content.gz"), Arrays.copyOf(gz, gz.length / 2));
        write(tmp.resolve("big.cites"), GOOD_CITES);

        DatasetFormatException e = fail(tmp);

        assertThat(e).hasMessageContaining("big.content.gz").hasMessageContaining("truncated");
        assertThat(e).hasCauseInstanceOf(EOFException.class);
    }

    @Test
    void gzipMissingOnlyItsTrailer() throws IOException {
        byte[] gz = gzip(bigContent());
        Files.write(tmp.resolve("big.content.gz"), Arrays.copyOf(gz, gz.length - 4));
        write(tmp.resolve("big.cites"), GOOD_CITES);

        assertThat(fail(tmp)).hasMessageContaining("big.content.gz").hasMessageContaining("truncated");
    }

    @Test
    void truncatedGzipCites() throws IOException {
        write(tmp.resolve("big.content"), bigContent());
        StringBuilder cites = new StringBuilder();
        for (int i = 1; i < 2000; i++) {
            cites.append('n')
                    .append(i - 1)
                    .append('\t')
                    .append('n')
                    .append(i % 300)
                    .append('\n');
        }
        byte[] gz = gzip(cites.toString());
        Files.write(tmp.resolve("big.cites.gz"), Arrays.copyOf(gz, gz.length - 20));

        assertThat(fail(tmp)).hasMessageContaining("big.cites.gz").hasMessageContaining("truncated");
    }

    @Test
    void gzExtensionOnAPlainFile() {
        write(tmp.resolve("bad.cites"), GOOD_CITES);
        try {
            Files.writeString(tmp.resolve("bad.content.gz"), tsv("a 1 X"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }

        assertThat(fail(tmp)).hasMessageContaining("bad.content.gz").hasMessageContaining("not a valid gzip file");
    }

    /** 300 rows of 40 seeded random 0/1 features: enough that half a gzip stream is mid-data. */
    private static String bigContent() {
        SplittableRandom random = new SplittableRandom(3);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            sb.append('n').append(i);
            for (int j = 0; j < 40; j++) {
                sb.append('\t').append(random.nextInt(2));
            }
            sb.append("\tC").append(i % 3).append('\n');
        }
        return sb.toString();
    }

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }
}
