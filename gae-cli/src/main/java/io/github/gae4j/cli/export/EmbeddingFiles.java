// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.cli.export;

import io.github.gae4j.core.io.AtomicFiles;
import io.github.gae4j.core.tensor.Matrix;
import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Embeddings as files other tools read: CSV with the original node id in the first column, and
 * NumPy {@code .npy} (an n×d {@code <f8} matrix plus a {@code <U} array of node ids, both loadable
 * by {@code numpy.load} without pickle). Rows are in node order, so row i of the matrix is the node
 * named by entry i of the ids. Each file is written to a temporary name and renamed.
 */
public final class EmbeddingFiles {

    private EmbeddingFiles() {}

    /** The three files, named as users expect: embeddings.csv, embeddings.npy and node_ids.npy. */
    public static List<Path> writeAll(Path dir, io.github.gae4j.core.graph.Graph graph, Matrix z) throws IOException {
        List<String> labels = null;
        if (graph.hasLabels()) {
            labels = new java.util.ArrayList<>();
            List<String> names = graph.classNames();
            for (int v : graph.labels()) {
                labels.add(v < 0 ? "" : v < names.size() ? names.get(v) : Integer.toString(v));
            }
        }
        List<Path> files = List.of(dir.resolve(CSV), dir.resolve(NPY), dir.resolve(IDS));
        writeCsv(files.get(0), graph.nodeIds(), z, labels);
        writeNpy(files.get(1), z);
        writeNpyStrings(files.get(2), graph.nodeIds());
        return files;
    }

    public static final String CSV = "embeddings.csv";
    public static final String NPY = "embeddings.npy";
    public static final String IDS = "node_ids.npy";

    /** {@code node_id,z0,…,z(d−1)} with a last column of labels when {@code labels} is given; values print exactly. */
    public static void writeCsv(Path file, List<String> nodeIds, Matrix z, List<String> labels) throws IOException {
        check(nodeIds, z);
        Path tmp = temp(file);
        try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            StringBuilder header = new StringBuilder("node_id");
            if (labels != null) {
                header.append(",label");
            }
            for (int c = 0; c < z.cols(); c++) {
                header.append(",z").append(c);
            }
            w.write(header.append('\n').toString());
            double[] data = z.data();
            StringBuilder row = new StringBuilder();
            for (int r = 0; r < z.rows(); r++) {
                row.setLength(0);
                row.append(csvField(nodeIds.get(r)));
                if (labels != null) {
                    row.append(',').append(csvField(labels.get(r)));
                }
                for (int c = 0; c < z.cols(); c++) {
                    row.append(',').append(data[r * z.cols() + c]);
                }
                w.write(row.append('\n').toString());
            }
        }
        AtomicFiles.moveIntoPlace(tmp, file);
    }

    /** An n×d little-endian float64 {@code .npy} (format 1.0). */
    public static void writeNpy(Path file, Matrix z) throws IOException {
        Path tmp = temp(file);
        try (DataOutputStream out =
                new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16))) {
            header(out, "<f8", "(" + z.rows() + ", " + z.cols() + ")");
            ByteBuffer b = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
            for (double v : z.data()) {
                b.clear();
                b.putDouble(v);
                out.write(b.array());
            }
        }
        AtomicFiles.moveIntoPlace(tmp, file);
    }

    /** A one-dimensional {@code <U} (UTF-32) string array, NumPy's own string type: no pickle needed to load. */
    public static void writeNpyStrings(Path file, List<String> values) throws IOException {
        int width = Math.max(
                1,
                values.stream()
                        .mapToInt(s -> s.codePointCount(0, s.length()))
                        .max()
                        .orElse(1));
        Path tmp = temp(file);
        try (DataOutputStream out =
                new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16))) {
            header(out, "<U" + width, "(" + values.size() + ",)");
            ByteBuffer b = ByteBuffer.allocate(4 * width).order(ByteOrder.LITTLE_ENDIAN);
            for (String s : values) {
                b.clear();
                s.codePoints().forEach(b::putInt);
                while (b.hasRemaining()) {
                    b.putInt(0);
                }
                out.write(b.array());
            }
        }
        AtomicFiles.moveIntoPlace(tmp, file);
    }

    /** Magic, version 1.0, and the header dict padded so the data starts on a 64-byte boundary. */
    private static void header(OutputStream out, String descr, String shape) throws IOException {
        String dict = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + shape + ", }";
        int unpadded = 6 + 2 + 2 + dict.length() + 1;
        int padding = (64 - unpadded % 64) % 64;
        String header = dict + " ".repeat(padding) + "\n";
        out.write(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
        int len = header.length();
        out.write(new byte[] {(byte) (len & 0xff), (byte) (len >>> 8)});
        out.write(header.getBytes(StandardCharsets.US_ASCII));
    }

    static String csvField(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    private static void check(List<String> nodeIds, Matrix z) {
        if (nodeIds.size() != z.rows()) {
            throw new IllegalArgumentException(
                    String.format(Locale.ROOT, "%d node ids for %d embedding rows", nodeIds.size(), z.rows()));
        }
    }

    private static Path temp(Path file) throws IOException {
        return AtomicFiles.newTempSibling(file);
    }
}
