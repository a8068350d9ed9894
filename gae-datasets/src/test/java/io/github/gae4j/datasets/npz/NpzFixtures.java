// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.datasets.npz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Writes small {@code .npy} arrays and {@code .npz} archives the way numpy does, for tests. */
final class NpzFixtures {

    private NpzFixtures() {}

    // ---- .npy ------------------------------------------------------------------------------------

    /** A version 1.0 {@code .npy} with the given header fields and raw data. */
    static byte[] npy(String descr, boolean fortran, byte[] data, long... shape) {
        return npy(1, dict(descr, fortran, shape), data);
    }

    /** The header dict numpy writes, e.g. {@code {'descr': '<f4', 'fortran_order': False, 'shape': (3,), }}. */
    static String dict(String descr, boolean fortran, long... shape) {
        String dims = shape.length == 1
                ? "(" + shape[0] + ",)"
                : Arrays.stream(shape).mapToObj(Long::toString).collect(Collectors.joining(", ", "(", ")"));
        return "{'descr': '" + descr + "', 'fortran_order': " + (fortran ? "True" : "False") + ", 'shape': " + dims
                + ", }";
    }

    /** A {@code .npy} of any version with a literal header dict (padded with spaces and a newline to 64 bytes). */
    static byte[] npy(int major, String dict, byte[] data) {
        int lengthBytes = major == 1 ? 2 : 4;
        byte[] text = dict.getBytes(major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        int prefix = 8 + lengthBytes;
        int total = prefix + text.length + 1;
        int padded = (total + 63) / 64 * 64;
        int headerLength = padded - prefix;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', (byte) major, 0});
        out.write(headerLength & 0xff);
        out.write((headerLength >>> 8) & 0xff);
        if (lengthBytes == 4) {
            out.write((headerLength >>> 16) & 0xff);
            out.write((headerLength >>> 24) & 0xff);
        }
        out.writeBytes(text);
        for (int k = text.length; k < headerLength - 1; k++) {
            out.write(' ');
        }
        out.write('\n');
        out.writeBytes(data);
        return out.toByteArray();
    }

    static byte[] f4(float... v) {
        ByteBuffer b = ByteBuffer.allocate(4 * v.length).order(ByteOrder.LITTLE_ENDIAN);
        for (float x : v) {
            b.putFloat(x);
        }
        return b.array();
    }

    static byte[] f4BigEndian(float... v) {
        ByteBuffer b = ByteBuffer.allocate(4 * v.length).order(ByteOrder.BIG_ENDIAN);
        for (float x : v) {
            b.putFloat(x);
        }
        return b.array();
    }

    static byte[] f8(double... v) {
        ByteBuffer b = ByteBuffer.allocate(8 * v.length).order(ByteOrder.LITTLE_ENDIAN);
        for (double x : v) {
            b.putDouble(x);
        }
        return b.array();
    }

    static byte[] i4(int... v) {
        ByteBuffer b = ByteBuffer.allocate(4 * v.length).order(ByteOrder.LITTLE_ENDIAN);
        for (int x : v) {
            b.putInt(x);
        }
        return b.array();
    }

    static byte[] i4BigEndian(int... v) {
        ByteBuffer b = ByteBuffer.allocate(4 * v.length).order(ByteOrder.BIG_ENDIAN);
        for (int x : v) {
            b.putInt(x);
        }
        return b.array();
    }

    static byte[] i8(long... v) {
        ByteBuffer b = ByteBuffer.allocate(8 * v.length).order(ByteOrder.LITTLE_ENDIAN);
        for (long x : v) {
            b.putLong(x);
        }
        return b.array();
    }

    static byte[] i2(int... v) {
        ByteBuffer b = ByteBuffer.allocate(2 * v.length).order(ByteOrder.LITTLE_ENDIAN);
        for (int x : v) {
            b.putShort((short) x);
        }
        return b.array();
    }

    static byte[] i1(int... v) {
        byte[] b = new byte[v.length];
        for (int k = 0; k < v.length; k++) {
            b[k] = (byte) v[k];
        }
        return b;
    }

    /** Fixed-width UTF-32LE strings padded with NULs, as numpy's {@code <U<width>}. */
    static byte[] unicode(int width, String... s) {
        ByteBuffer b = ByteBuffer.allocate(4 * width * s.length).order(ByteOrder.LITTLE_ENDIAN);
        for (String x : s) {
            int[] cps = x.codePoints().toArray();
            for (int k = 0; k < width; k++) {
                b.putInt(k < cps.length ? cps[k] : 0);
            }
        }
        return b.array();
    }

    /** Fixed-width byte strings padded with NULs, as numpy's {@code |S<width>}. */
    static byte[] ascii(int width, String... s) {
        byte[] b = new byte[width * s.length];
        for (int k = 0; k < s.length; k++) {
            byte[] x = s[k].getBytes(StandardCharsets.UTF_8);
            System.arraycopy(x, 0, b, k * width, x.length);
        }
        return b;
    }

    /** The pickle numpy writes for {@code np.array(None, dtype=object)} (its bytes are never read here). */
    static byte[] pickledNone() {
        return npy(1, "{'descr': '|O', 'fortran_order': False, 'shape': (), }", new byte[] {(byte) 0x80, 2, 'N', '.'});
    }

    // ---- .npz ------------------------------------------------------------------------------------

    /** An archive under construction: entries in insertion order. */
    static final class Archive {
        private final Map<String, byte[]> entries = new LinkedHashMap<>();
        private boolean deflate;

        /** Adds or replaces {@code <key>.npy}. */
        Archive put(String key, byte[] npy) {
            entries.put(key + ".npy", npy);
            return this;
        }

        /** Adds an entry with exactly this name. */
        Archive putRaw(String name, byte[] bytes) {
            entries.put(name, bytes);
            return this;
        }

        Archive remove(String key) {
            entries.remove(key + ".npy");
            return this;
        }

        /** DEFLATE entries (like np.savez_compressed) instead of STORED (np.savez). */
        Archive deflated() {
            deflate = true;
            return this;
        }

        byte[] bytes() {
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(buf)) {
                for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                    ZipEntry z = new ZipEntry(e.getKey());
                    if (!deflate) {
                        CRC32 crc = new CRC32();
                        crc.update(e.getValue());
                        z.setMethod(ZipEntry.STORED);
                        z.setSize(e.getValue().length);
                        z.setCompressedSize(e.getValue().length);
                        z.setCrc(crc.getValue());
                    }
                    zip.putNextEntry(z);
                    zip.write(e.getValue());
                    zip.closeEntry();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return buf.toByteArray();
        }

        Path write(Path file) {
            return NpzFixtures.write(file, bytes());
        }
    }

    static Path write(Path file, byte[] bytes) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            return Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A five-node graph in the gnn-benchmark layout. Adjacency (directed, unsorted columns): 0→2, 0→1, 1→0
     * (reciprocal), 2→2 (self-loop), 3→4; so 3 undirected edges {0-1, 0-2, 3-4} from 5 entries. Features 5×3
     * CSR with unsorted columns: row 0 = [2, 0, 1], row 1 = [0, 1, 0], row 2 = 0, row 3 = [3, 0, 0], row 4 =
     * [0, 0, 0.5]. Labels [0, 1, 0, -1, 2] as int8, class names alpha/beta/gamma, node names a…e.
     */
    static Archive toy() {
        return new Archive()
                .put("adj_data", npy("<f4", false, f4(1, 1, 1, 1, 1), 5))
                .put("adj_indices", npy("<i4", false, i4(2, 1, 0, 2, 4), 5))
                .put("adj_indptr", npy("<i4", false, i4(0, 2, 3, 4, 5, 5), 6))
                .put("adj_shape", npy("<i8", false, i8(5, 5), 2))
                .put("attr_data", npy("<f4", false, f4(1, 2, 1, 3, 0.5f), 5))
                .put("attr_indices", npy("<i4", false, i4(2, 0, 1, 0, 2), 5))
                .put("attr_indptr", npy("<i4", false, i4(0, 2, 3, 3, 4, 5), 6))
                .put("attr_shape", npy("<i8", false, i8(5, 3), 2))
                .put("labels", npy("|i1", false, i1(0, 1, 0, -1, 2), 5))
                .put("node_names", npy("<U1", false, unicode(1, "a", "b", "c", "d", "e"), 5))
                .put("class_names", npy("<U5", false, unicode(5, "alpha", "beta", "gamma"), 3));
    }

    /** The toy graph with cora_ml's key spelling ({@code adj_matrix.data} …). */
    static Archive toyCoraMlSpelling() {
        Archive a = toy();
        Archive b = new Archive();
        for (Map.Entry<String, byte[]> e : a.entries.entrySet()) {
            String name = e.getKey().replace("adj_", "adj_matrix.").replace("attr_", "attr_matrix.");
            b.putRaw(name, e.getValue());
        }
        return b;
    }
}
