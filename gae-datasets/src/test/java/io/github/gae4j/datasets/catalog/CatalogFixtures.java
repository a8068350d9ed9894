// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.datasets.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

/** Small generated datasets and file-system checks for the catalog tests. */
final class CatalogFixtures {

    /** A LINQS content file: 5 nodes, 3 binary features, 2 classes. */
    static final byte[] TINY_CONTENT = utf8("""
            a\t1\t0\t0\tred
            b\t0\t1\t0\tred
            c\t0\t0\t1\tblue
            d\t1\t1\t0\tblue
            e\t0\t1\t1\tred
            """);

    /** Its citations: 5 lines, one reciprocal, one self-loop, so 3 undirected edges. */
    static final byte[] TINY_CITES = utf8("""
            a\tb
            b\ta
            c\td
            d\te
            e\te
            """);

    /** A SNAP edge list: a 4-cycle with a comment. */
    static final byte[] SNAP_EDGES = gzip(utf8("""
            # a 4-cycle
            1\t2
            2\t3
            3\t4
            4\t1
            """));

    private CatalogFixtures() {}

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bos)) {
            out.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bos.toByteArray();
    }

    static Path write(Path file, byte[] bytes) {
        try {
            Files.createDirectories(file.getParent());
            return Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every regular file under {@code dir}, relative, with / separators, sorted; empty when dir is absent. */
    static List<String> filesUnder(Path dir) {
        if (!Files.exists(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile)
                    .map(p -> dir.relativize(p).toString().replace('\\', '/'))
                    .sorted()
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** No temporary {@code .part} file anywhere under {@code dir}. */
    static void assertNoPartialFiles(Path dir) {
        assertThat(filesUnder(dir)).noneMatch(f -> f.endsWith(".part"));
    }

    /** The tiny LINQS dataset as a catalog entry (files {@code tiny/tiny.content}, {@code tiny/tiny.cites}). */
    static CatalogEntry tinyEntry(java.util.Optional<java.net.URI> baseUrl) {
        return new CatalogEntry(
                "tiny",
                "linqs",
                "5 nodes",
                List.of(
                        DatasetFile.of("path", "tiny/tiny.content", Sha256.of(TINY_CONTENT), TINY_CONTENT.length),
                        DatasetFile.of("cites", "tiny/tiny.cites", Sha256.of(TINY_CITES), TINY_CITES.length)),
                java.util.Map.of("dangling", "drop"),
                baseUrl);
    }
}
