// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.datasets.linqs;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Writes small LINQS fixtures into a test's temporary directory. */
final class LinqsFixtures {

    private LinqsFixtures() {}

    static Path write(Path file, String text) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            if (file.getFileName().toString().endsWith(".gz")) {
                try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
                    out.write(text.getBytes(StandardCharsets.UTF_8));
                }
            } else {
                Files.writeString(file, text, StandardCharsets.UTF_8);
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Lines joined with LF, ending with LF; each line's fields joined with TAB. */
    static String tsv(String... lines) {
        StringBuilder sb = new StringBuilder();
        for (String line : lines) {
            sb.append(line.replace(' ', '\t')).append('\n');
        }
        return sb.toString();
    }
}
