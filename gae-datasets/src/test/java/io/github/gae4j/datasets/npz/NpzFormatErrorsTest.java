// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.datasets.npz;

import static io.github.gae4j.datasets.npz.NpzFixtures.f4;
import static io.github.gae4j.datasets.npz.NpzFixtures.i1;
import static io.github.gae4j.datasets.npz.NpzFixtures.i4;
import static io.github.gae4j.datasets.npz.NpzFixtures.i8;
import static io.github.gae4j.datasets.npz.NpzFixtures.npy;
import static io.github.gae4j.datasets.npz.NpzFixtures.toy;
import static io.github.gae4j.datasets.npz.NpzFixtures.unicode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.gae4j.core.error.DatasetFormatException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every kind of broken archive fails with a message naming the file, the entry and the problem. */
final class NpzFormatErrorsTest {

    @TempDir
    Path tmp;

    private DatasetFormatException fail(Path file) {
        DatasetFormatException e = catchThrowableOfType(DatasetFormatException.class, () -> new NpzLoader(file).read());
        assertThat(e).as("expected a DatasetFormatException").isNotNull();
        assertThat(e.file()).isEqualTo(file);
        assertThat(e.line()).isZero();
        assertThat(e).hasMessageStartingWith(file.toString() + ": ");
        return e;
    }

    private DatasetFormatException fail(NpzFixtures.Archive archive) {
        return fail(archive.write(tmp.resolve("bad.npz")));
    }

    // ---- the file ----------------------------------------------------------------------------------

    @Test
    void missingFile() {
        assertThat(fail(tmp.resolve("nope.npz"))).hasMessageContaining("no such file");
    }

    @Test
    void directory() {
        assertThat(fail(tmp)).hasMessageContaining("is a directory");
    }

    @Test
    void emptyFile() throws IOException {
        Path f = Files.write(tmp.resolve("empty.npz"), new byte[0]);

        assertThat(fail(f)).hasMessageContaining("empty file (0 bytes)");
    }

    @Test
    void notAZipFile() throws IOException {
        Path text = Files.writeString(tmp.resolve("text.npz"), "hello\n", StandardCharsets.UTF_8);
        Path npy = NpzFixtures.write(tmp.resolve("single.npz"), npy("<i4", false, i4(1), 1));

        assertThat(fail(text)).hasMessageContaining("not an .npz archive");
        assertThat(fail(npy)).hasMessageContaining("a single .npy array, not an .npz (zip) archive");
    }

    @Test
    void truncatedArchiveNamesTheEntryItBreaksIn() {
        byte[] full = toy().bytes();
        // Cut inside attr_data.npy (the fifth entry): every STORED entry is about 100 bytes.
        int cut = indexOf(full, "attr_data.npy".getBytes(StandardCharsets.US_ASCII)) + 40;
        Path f = NpzFixtures.write(tmp.resolve("cut.npz"), Arrays.copyOf(full, cut));

        assertThat(fail(f))
                .hasMessageContaining("truncated or corrupt zip archive")
                .hasMessageContaining("entry 'attr_data.npy' is cut off after");
    }

    @Test
    void truncatedDeflatedArchive() {
        // A large, incompressible entry so that the cut lands inside its compressed data.
        float[] noise = new float[20_000];
        Random random = new Random(1);
        for (int k = 0; k < noise.length; k++) {
            noise[k] = random.nextFloat();
        }
        byte[] full = toy().put("attr_data", npy("<f4", false, f4(noise), noise.length))
                .deflated()
                .bytes();
        Path f = NpzFixtures.write(tmp.resolve("cut.npz"), Arrays.copyOf(full, full.length / 2));

        assertThat(fail(f))
                .hasMessageContaining("truncated or corrupt zip archive")
                .hasMessageContaining("entry 'attr_data.npy' is cut off");
    }

    @Test
    void archiveWithoutItsCentralDirectory() {
        byte[] full = toy().bytes();
        int centralDirectory = indexOf(full, new byte[] {'P', 'K', 1, 2});
        Path f = NpzFixtures.write(tmp.resolve("nocd.npz"), Arrays.copyOf(full, centralDirectory));

        assertThat(fail(f))
                .hasMessageContaining("every entry up to 'class_names.npy' is complete")
                .hasMessageContaining("central directory");
    }

    // ---- one entry ---------------------------------------------------------------------------------

    @Test
    void truncatedNpyDataInsideAnIntactArchive() {
        byte[] indices = npy("<i4", false, i4(2, 1, 0, 2, 4), 5);

        DatasetFormatException e = fail(toy().put("adj_indices", Arrays.copyOf(indices, indices.length - 8)));

        assertThat(e)
                .hasMessageContaining("entry 'adj_indices.npy': truncated data")
                .hasMessageContaining("20 bytes")
                .hasMessageContaining("ends after 12 bytes");
    }

    @Test
    void badMagicInAnEntry() {
        byte[] labels = npy("|i1", false, i1(0, 1, 0, -1, 2), 5);
        labels[0] = 'X';

        assertThat(fail(toy().put("labels", labels))).hasMessageContaining("entry 'labels.npy': not a .npy array");
    }

    @Test
    void unsupportedDtypeOfANeededEntry() {
        assertThat(fail(toy().put("adj_data", npy("<c8", false, new byte[40], 5))))
                .hasMessageContaining("entry 'adj_data.npy': unsupported dtype complex ('<c8')");
    }

    @Test
    void stringIndices() {
        assertThat(fail(toy().put("adj_indices", npy("<U1", false, unicode(1, "a", "b", "c", "d", "e"), 5))))
                .hasMessageContaining("entry 'adj_indices.npy': expected integers");
    }

    // ---- shapes ------------------------------------------------------------------------------------

    @Test
    void indptrDoesNotMatchTheShape() {
        DatasetFormatException e = fail(toy().put("adj_indptr", npy("<i4", false, i4(0, 2, 3, 4, 5), 5)));

        assertThat(e)
                .hasMessageContaining("entry 'adj_indptr.npy': shape mismatch: 5 row pointers")
                .hasMessageContaining("adj_shape.npy gives 5 rows, so there must be 6");
    }

    @Test
    void lastRowPointerDoesNotMatchTheEntries() {
        assertThat(fail(toy().put("adj_indptr", npy("<i4", false, i4(0, 2, 3, 4, 5, 4), 6))))
                .hasMessageContaining("entry 'adj_indptr.npy'")
                .hasMessageContaining("row pointers decrease at row 4");
        assertThat(fail(toy().put("adj_indptr", npy("<i4", false, i4(0, 2, 3, 4, 4, 4), 6))))
                .hasMessageContaining("entry 'adj_indptr.npy': size mismatch: the last row pointer is 4")
                .hasMessageContaining("adj_indices.npy has 5 entries");
        assertThat(fail(toy().put("adj_indptr", npy("<i4", false, i4(1, 2, 3, 4, 5, 5), 6))))
                .hasMessageContaining("the first row pointer must be 0");
    }

    @Test
    void dataAndIndicesDifferInLength() {
        assertThat(fail(toy().put("adj_data", npy("<f4", false, f4(1, 1, 1, 1), 4))))
                .hasMessageContaining("entry 'adj_data.npy': size mismatch: 4 values")
                .hasMessageContaining("adj_indices.npy has 5 column indices");
    }

    @Test
    void columnIndexOutOfRange() {
        assertThat(fail(toy().put("adj_indices", npy("<i4", false, i4(2, 1, 0, 7, 4), 5))))
                .hasMessageContaining("entry 'adj_indices.npy': column index 7 at element 3 (row 2)")
                .hasMessageContaining("out of range [0, 5)");
        assertThat(fail(toy().put("attr_indices", npy("<i4", false, i4(2, 0, -1, 0, 2), 5))))
                .hasMessageContaining("entry 'attr_indices.npy': column index -1 at element 2 (row 1)");
    }

    @Test
    void nonSquareAdjacencyAndBadShapeEntries() {
        assertThat(fail(toy().put("adj_shape", npy("<i8", false, i8(5, 6), 2))))
                .hasMessageContaining("entry 'adj_shape.npy': the adjacency must be square, but its shape is (5, 6)");
        assertThat(fail(toy().put("adj_shape", npy("<i8", false, i8(5, 5, 5), 3))))
                .hasMessageContaining("entry 'adj_shape.npy': the shape of a CSR matrix must be 2 integers");
        assertThat(fail(toy().put("adj_shape", npy("<f4", false, f4(5, 5), 2))))
                .hasMessageContaining("entry 'adj_shape.npy'");
    }

    @Test
    void featuresWithAnotherRowCount() {
        assertThat(fail(toy().put("attr_shape", npy("<i8", false, i8(4, 3), 2))))
                .hasMessageContaining("entry 'attr_indptr.npy': shape mismatch: 6 row pointers");
        assertThat(fail(toy().put("attr_shape", npy("<i8", false, i8(4, 3), 2))
                        .put("attr_indptr", npy("<i4", false, i4(0, 2, 3, 3, 5), 5))))
                .hasMessageContaining(
                        "entry 'attr_shape.npy': shape mismatch: 4 feature rows, but the adjacency has 5");
    }

    @Test
    void labelsAndNamesOfTheWrongLength() {
        assertThat(fail(toy().put("labels", npy("|i1", false, i1(0, 1, 0, 2), 4))))
                .hasMessageContaining("entry 'labels.npy': 4 labels for 5 nodes");
        assertThat(fail(toy().put("node_names", npy("<U1", false, unicode(1, "a", "b"), 2))))
                .hasMessageContaining("entry 'node_names.npy': 2 node names for 5 nodes");
        assertThat(fail(toy().put("labels", npy("|i1", false, i1(0, 1, 0, 3, 2), 5))))
                .hasMessageContaining("entry 'labels.npy': node 3 has label 3, but class_names.npy names only 3");
        assertThat(fail(toy().put("labels", npy("|i1", false, i1(0, 1, 0, -2, 2), 5))))
                .hasMessageContaining("entry 'labels.npy'")
                .hasMessageContaining("node 3 has label -2");
        assertThat(fail(toy().put("class_names", npy("<i4", false, i4(1, 2, 3), 3))))
                .hasMessageContaining("entry 'class_names.npy': class names must be a 1-D string array");
    }

    @Test
    void nonFiniteValues() {
        assertThat(fail(toy().put("attr_data", npy("<f4", false, f4(1, Float.NaN, 1, 3, 0.5f), 5))))
                .hasMessageContaining("entry 'attr_data.npy': feature value NaN at element 1 (node 0, column 0)");
        assertThat(fail(toy().put("adj_data", npy("<f4", false, f4(1, 1, Float.POSITIVE_INFINITY, 1, 1), 5))))
                .hasMessageContaining("entry 'adj_data.npy': adjacency value Infinity at element 2 (row 1, column 0)");
    }

    // ---- missing and empty -------------------------------------------------------------------------

    @Test
    void missingRequiredEntry() {
        DatasetFormatException e = fail(toy().remove("adj_indptr"));

        assertThat(e)
                .hasMessageContaining("missing entry 'adj_indptr.npy'")
                .hasMessageContaining("adj_data.npy, adj_indices.npy, adj_indptr.npy, adj_shape.npy");
    }

    @Test
    void noAdjacencyAtAll() {
        DatasetFormatException e = fail(new NpzFixtures.Archive()
                .put("labels", npy("|i1", false, i1(0), 1))
                .putRaw("readme.txt", "hi".getBytes(StandardCharsets.US_ASCII)));

        assertThat(e)
                .hasMessageContaining("no adjacency")
                .hasMessageContaining("the archive has labels.npy, readme.txt");
    }

    @Test
    void emptyArchive() {
        assertThat(fail(new NpzFixtures.Archive()))
                .hasMessageContaining("no adjacency")
                .hasMessageContaining("no entries");
    }

    @Test
    void emptyGraph() {
        NpzFixtures.Archive noNodes = new NpzFixtures.Archive()
                .put("adj_data", npy("<f4", false, new byte[0], 0))
                .put("adj_indices", npy("<i4", false, new byte[0], 0))
                .put("adj_indptr", npy("<i4", false, i4(0), 1))
                .put("adj_shape", npy("<i8", false, i8(0, 0), 2));
        NpzFixtures.Archive onlySelfLoops = new NpzFixtures.Archive()
                .put("adj_data", npy("<f4", false, f4(1, 0), 2))
                .put("adj_indices", npy("<i4", false, i4(0, 1), 2))
                .put("adj_indptr", npy("<i4", false, i4(0, 1, 2), 3))
                .put("adj_shape", npy("<i8", false, i8(2, 2), 2));

        assertThat(fail(noNodes))
                .hasMessageContaining("entry 'adj_shape.npy': empty graph")
                .hasMessageContaining("no nodes");
        assertThat(fail(onlySelfLoops))
                .hasMessageContaining("entry 'adj_data.npy': empty graph: no edges among 2 nodes")
                .hasMessageContaining("1 self-loops, 1 explicit zeros");
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int k = 0; k < needle.length; k++) {
                if (haystack[i + k] != needle[k]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }
}
