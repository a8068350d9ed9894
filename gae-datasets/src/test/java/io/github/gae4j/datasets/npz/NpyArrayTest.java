// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.datasets.npz;

import static io.github.gae4j.datasets.npz.NpzFixtures.ascii;
import static io.github.gae4j.datasets.npz.NpzFixtures.f4;
import static io.github.gae4j.datasets.npz.NpzFixtures.f4BigEndian;
import static io.github.gae4j.datasets.npz.NpzFixtures.f8;
import static io.github.gae4j.datasets.npz.NpzFixtures.i1;
import static io.github.gae4j.datasets.npz.NpzFixtures.i2;
import static io.github.gae4j.datasets.npz.NpzFixtures.i4;
import static io.github.gae4j.datasets.npz.NpzFixtures.i4BigEndian;
import static io.github.gae4j.datasets.npz.NpzFixtures.i8;
import static io.github.gae4j.datasets.npz.NpzFixtures.npy;
import static io.github.gae4j.datasets.npz.NpzFixtures.unicode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.gae4j.core.error.DatasetFormatException;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The {@code .npy} header and every dtype the shared files use, plus the other simple ones. */
final class NpyArrayTest {

    private static final Path FILE = Path.of("x.npz");

    private static NpyArray read(byte[] npy) {
        return NpyArray.read(new ByteArrayInputStream(npy), FILE, "a.npy");
    }

    private static DatasetFormatException fail(byte[] npy) {
        return catchThrowableOfType(DatasetFormatException.class, () -> read(npy));
    }

    @Test
    void parsesTheHeaderNumpyWrites() {
        NpyArray a = read(npy("<f4", false, f4(1.5f, -2, 0), 3));

        NpyHeader h = a.header();
        assertThat(h.major()).isEqualTo(1);
        assertThat(h.dtype().kind()).isEqualTo('f');
        assertThat(h.dtype().itemSize()).isEqualTo(4);
        assertThat(h.shape()).containsExactly(3);
        assertThat(h.fortranOrder()).isFalse();
        assertThat(h.dataOffset() % 64).isZero();
        assertThat(h.shapeText()).isEqualTo("(3,)");
        assertThat(a.toDoubleArray()).containsExactly(1.5, -2, 0);
    }

    @Test
    void readsEveryDtypeOfTheSharedFiles() {
        assertThat(read(npy("<f4", false, f4(0.25f, 1), 2)).toDoubleArray()).containsExactly(0.25, 1);
        assertThat(read(npy("<i4", false, i4(-7, 2_000_000_000), 2)).toIntArray())
                .containsExactly(-7, 2_000_000_000);
        assertThat(read(npy("<i8", false, i8(5, -1), 2)).toLongArray()).containsExactly(5, -1);
        assertThat(read(npy("|i1", false, i1(-1, 6), 2)).toIntArray()).containsExactly(-1, 6);
        assertThat(read(npy("<U7", false, unicode(7, "31336", "1000012"), 2)).toStringArray())
                .containsExactly("31336", "1000012");
    }

    @Test
    void readsOtherSimpleDtypes() {
        assertThat(read(npy("<f8", false, f8(Math.PI), 1)).getDouble(0)).isEqualTo(Math.PI);
        assertThat(read(npy("<i2", false, i2(-300, 300), 2)).toIntArray()).containsExactly(-300, 300);
        assertThat(read(npy("|u1", false, i1(255, 1), 2)).toIntArray()).containsExactly(255, 1);
        assertThat(read(npy("|b1", false, i1(1, 0, 1), 3)).toDoubleArray()).containsExactly(1, 0, 1);
        assertThat(read(npy("<u8", false, i8(-1L), 1)).getDouble(0)).isEqualTo(1.8446744073709552E19);
        assertThat(read(npy("|S5", false, ascii(5, "ab", "hello"), 2)).toStringArray())
                .containsExactly("ab", "hello");
        // float16: 1.0 = 0x3c00, -2.5 = 0xc100, smallest subnormal 0x0001.
        assertThat(read(npy("<f2", false, i2(0x3c00, 0xc100, 0x0001), 3)).toDoubleArray())
                .containsExactly(1.0, -2.5, Math.pow(2, -24));
    }

    @Test
    void honoursBigEndianByteOrder() {
        assertThat(read(npy(">i4", false, i4BigEndian(1, -2, 70000), 3)).toIntArray())
                .containsExactly(1, -2, 70000);
        assertThat(read(npy(">f4", false, f4BigEndian(0.5f), 1)).getDouble(0)).isEqualTo(0.5);
    }

    @Test
    void unicodeStringsKeepNonAsciiAndStripOnlyTrailingNuls() {
        NpyArray a = read(npy("<U4", false, unicode(4, "né", "日本", "\uD83D\uDE00x"), 3));

        assertThat(a.toStringArray()).containsExactly("né", "日本", "\uD83D\uDE00x");
    }

    @Test
    void fortranOrderIsTransposedToRowMajor() {
        // [[1, 2, 3], [4, 5, 6]] stored column by column.
        NpyArray a = read(npy("<f8", true, f8(1, 4, 2, 5, 3, 6), 2, 3));

        assertThat(a.toRowMajorDoubles()).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(read(npy("<f8", false, f8(1, 2, 3, 4, 5, 6), 2, 3)).toRowMajorDoubles())
                .containsExactly(1, 2, 3, 4, 5, 6);
    }

    @Test
    void readsFormatVersions2And3() {
        byte[] v2 = npy(2, NpzFixtures.dict("<i4", false, 2), i4(3, 4));
        byte[] v3 = npy(3, "{'descr': '<U2', 'fortran_order': False, 'shape': (1,), }", unicode(2, "é"));

        assertThat(read(v2).header().major()).isEqualTo(2);
        assertThat(read(v2).toIntArray()).containsExactly(3, 4);
        assertThat(read(v3).header().major()).isEqualTo(3);
        assertThat(read(v3).getString(0)).isEqualTo("é");
    }

    @Test
    void acceptsPython2HeadersAndScalars() {
        NpyArray a = read(npy(1, "{'descr': '<i8', 'fortran_order': False, 'shape': (2L,)}", i8(1, 2)));
        NpyArray scalar = read(npy(1, "{\"descr\": \"<f8\", \"fortran_order\": False, \"shape\": ()}", f8(7)));

        assertThat(a.toLongArray()).containsExactly(1, 2);
        assertThat(scalar.size()).isEqualTo(1);
        assertThat(scalar.getDouble(0)).isEqualTo(7);
    }

    @Test
    void badMagic() {
        byte[] b = npy("<i4", false, i4(1), 1);
        b[1] = 'X';

        DatasetFormatException e = fail(b);

        assertThat(e)
                .hasMessageStartingWith("x.npz: entry 'a.npy': not a .npy array")
                .hasMessageContaining("\\x93NUMPY")
                .hasMessageContaining("93 58 55 4d 50 59");
        assertThat(e.file()).isEqualTo(FILE);
        assertThat(e.line()).isZero();
    }

    @Test
    void unsupportedVersion() {
        byte[] b = npy("<i4", false, i4(1), 1);
        b[6] = 4;

        assertThat(fail(b))
                .hasMessageContaining("entry 'a.npy'")
                .hasMessageContaining("unsupported .npy format version 4.0");
    }

    @Test
    void unsupportedDtypes() {
        assertThat(fail(npy("<c16", false, new byte[16], 1)))
                .hasMessageContaining("entry 'a.npy'")
                .hasMessageContaining("unsupported dtype complex ('<c16')")
                .hasMessageContaining("readable types");
        assertThat(fail(npy("<M8[D]", false, new byte[8], 1))).hasMessageContaining("unsupported dtype");
        assertThat(fail(npy("<i3", false, new byte[3], 1))).hasMessageContaining("unsupported dtype int24");
        assertThat(fail(npy(
                        1,
                        "{'descr': [('x', '<f4'), ('y', '<f4')], 'fortran_order': False, 'shape': (1,), }",
                        new byte[8])))
                .hasMessageContaining("structured");
    }

    @Test
    void pickledObjectArraysCannotBeRead() {
        assertThat(fail(NpzFixtures.pickledNone()))
                .hasMessageContaining("entry 'a.npy'")
                .hasMessageContaining("pickled Python object array (descr '|O')")
                .hasMessageContaining("cannot be read in Java");
    }

    @Test
    void malformedHeaders() {
        assertThat(fail(npy(1, "{'descr': '<i4', 'fortran_order': False}", i4(1))))
                .hasMessageContaining("no 'shape' key");
        assertThat(fail(npy(1, "{'descr': '<i4', 'fortran_order': False, 'shape': (2,", i4(1))))
                .hasMessageContaining("malformed header dict");
        assertThat(fail(npy(1, "{'descr': '<i4', 'fortran_order': 0, 'shape': (1,)}", i4(1))))
                .hasMessageContaining("'fortran_order' must be True or False");
        assertThat(fail(npy(1, "{'descr': '<i4', 'fortran_order': False, 'shape': (-1,)}", i4(1))))
                .hasMessageContaining("non-negative integers");
    }

    @Test
    void truncatedHeaderAndData() {
        byte[] full = npy("<f4", false, f4(1, 2, 3, 4), 4);

        assertThat(fail(Arrays.copyOf(full, 5)))
                .hasMessageContaining("entry 'a.npy': truncated")
                .hasMessageContaining("magic and version");
        assertThat(fail(Arrays.copyOf(full, 30)))
                .hasMessageContaining("truncated")
                .hasMessageContaining("header dict");
        assertThat(fail(Arrays.copyOf(full, full.length - 6)))
                .hasMessageContaining("entry 'a.npy': truncated data")
                .hasMessageContaining("16 bytes")
                .hasMessageContaining("ends after 10 bytes");
    }

    @Test
    void dataLongerThanTheShapeIsAMismatch() {
        assertThat(fail(npy("<i4", false, i4(1, 2, 3), 2)))
                .hasMessageContaining("entry 'a.npy': size mismatch")
                .hasMessageContaining("4 bytes follow the 8 data bytes");
    }

    @Test
    void conversionsNameTheElement() {
        NpyArray floats = read(npy("<f4", false, f4(1, 2.5f), 2));
        NpyArray longs = read(npy("<i8", false, i8(1, 1L << 40), 2));
        NpyArray strings = read(npy("<U1", false, unicode(1, "a"), 1));

        assertThat(catchThrowableOfType(DatasetFormatException.class, floats::toIntArray))
                .hasMessageContaining("element 1 is 2.5, not an integer");
        assertThat(catchThrowableOfType(DatasetFormatException.class, longs::toIntArray))
                .hasMessageContaining("element 1 (1099511627776) does not fit a 32-bit int");
        assertThat(catchThrowableOfType(DatasetFormatException.class, strings::toDoubleArray))
                .hasMessageContaining("not numeric");
    }
}
