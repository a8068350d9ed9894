// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.cli.tune;

import io.github.gae4j.cli.run.RunDirectory;
import io.github.gae4j.core.error.ConfigException;
import io.github.gae4j.core.io.AtomicFiles;
import io.github.gae4j.core.io.IoErrors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The output directory of {@code gae tune}: refused when it holds anything unless forced (then only gae tune's own
 * files are replaced), created only when there is something to write, each file written whole and renamed.
 */
public final class TuneOutput {

    public static final String LEADERBOARD = "leaderboard.csv";
    public static final String BEST_MODEL = "best-model.json";
    public static final String COMMAND = "train-command.txt";

    private final Path dir;
    private final boolean force;

    public TuneOutput(Path dir, boolean force) {
        this.dir = dir;
        this.force = force;
    }

    /** Fails before any work when the directory cannot be used. */
    public void check() {
        RunDirectory.checkOutputFolder(dir); // not a file, creatable, writable: as gae train checks -o
        if (Files.isDirectory(dir) && !force && !isEmpty(dir)) {
            throw new ConfigException(dir + ": exists and is not empty; pass --force to replace gae tune's files"
                    + " in it (" + String.join(", ", List.of(LEADERBOARD, BEST_MODEL, COMMAND)) + ")");
        }
    }

    /** Writes {@code name} in the directory (created if needed) atomically, with the usual permissions. */
    public void write(String name, String content) throws IOException {
        Files.createDirectories(dir);
        AtomicFiles.writeString(dir.resolve(name), content);
    }

    private static boolean isEmpty(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        } catch (IOException e) {
            throw new ConfigException(dir + ": cannot be read: " + IoErrors.describe(e));
        }
    }
}
