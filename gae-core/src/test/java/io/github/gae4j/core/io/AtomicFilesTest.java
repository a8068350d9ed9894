// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path dir;

    @Test
    void writesAndReplacesLeavingNoTemporaryFile() throws IOException {
        Path file = dir.resolve("sub").resolve("run.json");
        AtomicFiles.writeString(file, "one");
        AtomicFiles.writeString(file, "two");

        assertThat(file).hasContent("two");
        try (var files = Files.list(file.getParent())) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void aFailedWriteKeepsTheOldFileAndRemovesItsTemporaryFile() throws IOException {
        Path file = dir.resolve("model.gae4j");
        AtomicFiles.writeString(file, "old");

        assertThatThrownBy(() -> AtomicFiles.write(file, out -> {
                    out.write(1);
                    throw new IOException("disk full");
                }))
                .hasMessage("disk full");
        assertThat(file).hasContent("old");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void newFilesGetTheUsualPermissionsNotTheTemporaryFilesOwnerOnlyOnes() throws IOException {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX permissions");
        // What any new file gets here: 0666 less the umask (Files.createFile applies the umask too).
        Path plain = Files.createFile(dir.resolve("plain"));
        Set<PosixFilePermission> usual = Files.getPosixFilePermissions(plain);
        assumeTrue(
                usual.contains(PosixFilePermission.GROUP_READ) || usual.contains(PosixFilePermission.OTHERS_READ),
                "a umask that leaves more than the owner's bits");

        Path file = dir.resolve("embeddings.npy");
        AtomicFiles.writeString(file, "x");

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo(PosixFilePermissions.toString(usual))
                .isNotEqualTo("rw-------");
    }

    @Test
    void aReplacedFileKeepsItsPermissions() throws IOException {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX permissions");
        Path file = dir.resolve("model.gae4j");
        AtomicFiles.writeString(file, "old");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));

        AtomicFiles.writeString(file, "new");

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-r-----");
    }

    @Test
    void removesOnlyStaleTemporaryFilesOfTheNamedFiles() throws Exception {
        long deadPid = deadProcessId();
        long livePid = ProcessHandle.current().pid();
        Path deadWriter = touch(AtomicFiles.tempName("checkpoint.gae4j", deadPid, 7));
        Path liveWriter = touch(AtomicFiles.tempName("checkpoint.gae4j", livePid, 8));
        Path otherName = touch(AtomicFiles.tempName("notes.txt", deadPid, 9));
        Path oldLegacy = touch(".checkpoint.gae4j8135513.part");
        Files.setLastModifiedTime(oldLegacy, FileTime.from(Instant.now().minusSeconds(3600)));
        Path newLegacy = touch(".model.gae4j4242.part");
        Path userFile = touch("checkpoint.gae4j.part");

        List<Path> removed = AtomicFiles.removeStale(dir, Set.of("checkpoint.gae4j", "model.gae4j"));

        assertThat(removed).containsExactlyInAnyOrder(deadWriter, oldLegacy);
        assertThat(deadWriter).doesNotExist();
        assertThat(oldLegacy).doesNotExist();
        assertThat(liveWriter).exists();
        assertThat(otherName).exists();
        assertThat(newLegacy).exists();
        assertThat(userFile).exists();
    }

    @Test
    void namesItsTemporaryFilesAfterTheTarget() {
        assertThat(AtomicFiles.targetOf(AtomicFiles.tempName("embeddings.csv", 12, -1)))
                .contains("embeddings.csv");
        assertThat(AtomicFiles.targetOf(".cora.npz.123.part")).contains("cora.npz");
        assertThat(AtomicFiles.targetOf("report.html")).isEmpty();
    }

    private Path touch(String name) throws IOException {
        return Files.createFile(dir.resolve(name));
    }

    /** The id of a process that has exited (one this test started and waited for). */
    private static long deadProcessId() throws Exception {
        Process p = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-version")
                .redirectErrorStream(true)
                .start();
        p.getInputStream().readAllBytes();
        assertThat(p.waitFor(1, TimeUnit.MINUTES)).isTrue();
        return p.pid();
    }
}
