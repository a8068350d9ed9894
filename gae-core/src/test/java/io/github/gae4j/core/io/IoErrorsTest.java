// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.core.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import org.junit.jupiter.api.Test;

class IoErrorsTest {

    @Test
    void namesTheFileAndTheProblemInWordsNotClassNames() {
        assertThat(IoErrors.describe(new NoSuchFileException("/data/x.txt")))
                .isEqualTo("/data/x.txt: not found (no such file or directory)");
        assertThat(IoErrors.describe(new AccessDeniedException("/runs/a"))).isEqualTo("/runs/a: permission denied");
        assertThat(IoErrors.describe(new UncheckedIOException(new NotDirectoryException("/f/run"))))
                .isEqualTo("/f/run: not a directory");
        assertThat(IoErrors.describe(new IOException())).isEqualTo("input/output error");
    }

    @Test
    void reasonLeavesTheFileOut() {
        assertThat(IoErrors.reason(new AccessDeniedException("/runs/a"))).isEqualTo("permission denied");
        assertThat(IoErrors.reason(new IOException("disk full"))).isEqualTo("disk full");
    }
}
