// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.datasets.snap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.gae4j.core.error.DatasetFormatException;
import io.github.gae4j.core.graph.Graph;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The byte stream of integer ids ({@link IntEdgeStream}) on a generated edge list of a few million lines: the same
 * graph as the general parser reads (ids=string would keep the order of appearance, so the comparison is with
 * the ids the lines were written from), and errors still name the file and line.
 */
final class SnapStreamingTest {

    private static final int NODES = 200_000;
    private static final int LINES = 2_000_000;

    @TempDir
    Path tmp;

    /** Lines "u v" of ids 10·k + 3 (sparse, large), seeded; a comment header; every 1000th line reversed. */
    private static long[] writeEdges(Path file, int lines, boolean gzip) throws IOException {
        SplittableRandom random = new SplittableRandom(11);
        long[] checksum = new long[2];
        OutputStream raw = Files.newOutputStream(file);
        try (OutputStream out = new BufferedOutputStream(gzip ? new GZIPOutputStream(raw) : raw, 1 << 16)) {
            out.write("# generated\r\n# FromNodeId\tToNodeId\n".getBytes(StandardCharsets.US_ASCII));
            StringBuilder b = new StringBuilder();
            for (int k = 0; k < lines; k++) {
                int u = random.nextInt(NODES);
                int v = random.nextInt(NODES);
                b.setLength(0);
                b.append(10L * u + 3)
                        .append(k % 2 == 0 ? '\t' : ' ')
                        .append(10L * v + 3)
                        .append('\n');
                out.write(b.toString().getBytes(StandardCharsets.US_ASCII));
                checksum[0] += u;
                checksum[1] += v;
            }
        }
        return checksum;
    }

    @Test
    void streamsMillionsOfLinesToTheSameGraphAsTheGeneralParser() throws IOException {
        Path file = tmp.resolve("big.txt");
        writeEdges(file, LINES, false);
        SnapResult streamed = SnapLoader.read(file, SnapOptions.DEFAULTS);
        Graph g = streamed.graph();
        assertThat(streamed.report().edgeLines()).isEqualTo(LINES);
        assertThat(streamed.report().commentLines()).isEqualTo(2);
        // Ids ascend numerically; each is 10·k + 3 of a node k that appeared.
        assertThat(Long.parseLong(g.nodeIds().get(0)) % 10).isEqualTo(3);
        for (int i = 1; i < 1000; i++) {
            assertThat(Long.parseLong(g.nodeIds().get(i)))
                    .isGreaterThan(Long.parseLong(g.nodeIds().get(i - 1)));
        }
        // The general parser (ids=string numbers nodes by appearance) reads the same edges between the same ids.
        Graph general = SnapLoader.read(file, SnapOptions.DEFAULTS.withIds(IdMode.STRING))
                .graph();
        assertThat(general.nodeCount()).isEqualTo(g.nodeCount());
        assertThat(idPairs(general)).isEqualTo(idPairs(g));
    }

    /** Every edge as (smaller id, larger id) packed in a long, sorted. */
    private static long[] idPairs(Graph g) {
        var edges = g.upperTriangleEdges();
        long[] out = new long[edges.size()];
        for (int k = 0; k < out.length; k++) {
            long a = Long.parseLong(g.nodeIds().get(edges.src(k)));
            long b = Long.parseLong(g.nodeIds().get(edges.dst(k)));
            out[k] = Math.min(a, b) << 32 | Math.max(a, b);
        }
        java.util.Arrays.sort(out);
        return out;
    }

    @Test
    void gzippedStreamReadsTheSameGraph() throws IOException {
        Path plain = tmp.resolve("e.txt");
        Path gz = tmp.resolve("e.txt.gz");
        writeEdges(plain, LINES / 4, false);
        writeEdges(gz, LINES / 4, true);
        Graph a = SnapLoader.read(plain, SnapOptions.DEFAULTS).graph();
        Graph b = SnapLoader.read(gz, SnapOptions.DEFAULTS).graph();
        assertThat(b.nodeCount()).isEqualTo(a.nodeCount());
        assertThat(b.upperTriangleEdges()).isEqualTo(a.upperTriangleEdges());
    }

    @Test
    void aBadLineDeepInABigFileIsNamedWithItsLineNumber() throws IOException {
        Path file = tmp.resolve("bad.txt");
        StringBuilder b = new StringBuilder();
        for (int k = 0; k < 300_000; k++) {
            b.append(k).append(' ').append(k + 1).append('\n');
        }
        b.append("17 x1\n");
        Files.writeString(file, b.toString(), StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> SnapLoader.read(file, SnapOptions.DEFAULTS.withIds(IdMode.INT)))
                .isInstanceOf(DatasetFormatException.class)
                .hasMessageContaining("bad.txt")
                .hasMessageContaining("300001")
                .hasMessageContaining("'x1'");
        // ids=auto: the stream gives up and the general parser reads string ids.
        assertThat(SnapLoader.read(file, SnapOptions.DEFAULTS).graph().nodeIds())
                .contains("x1");
    }
}
