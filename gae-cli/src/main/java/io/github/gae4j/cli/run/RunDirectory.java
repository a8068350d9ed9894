// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.cli.run;

import io.github.gae4j.cli.export.EmbeddingFiles;
import io.github.gae4j.cli.report.RunReport;
import io.github.gae4j.core.error.ConfigException;
import io.github.gae4j.core.io.AtomicFiles;
import io.github.gae4j.core.io.IoErrors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The policy for {@code gae train}'s output folder: an earlier run (or anything else) in it is never
 * replaced silently. {@link #check} runs before any data is loaded and creates nothing, so a failed check
 * leaves no empty folder behind; {@link #create} then makes the folder, removes the stale temporary files of
 * a killed run and, with {@code --force}, the earlier run's files: only those gae4j writes, and a
 * {@code report.html} only if gae4j wrote it (it carries {@link RunReport#isOwnReport a mark}).
 */
public final class RunDirectory {

    private static final Logger LOG = LoggerFactory.getLogger(RunDirectory.class);

    /** Files gae4j writes into a run directory, whoever else may have put files there. */
    static final List<String> OWN_FILES = List.of(
            RunFiles.MODEL,
            RunFiles.CHECKPOINT,
            RunFiles.RUN_JSON,
            EmbeddingFiles.CSV,
            EmbeddingFiles.NPY,
            EmbeddingFiles.IDS);

    private static final int LISTED = 5;

    private final Path dir;
    private final boolean force;
    private final boolean existed;
    private boolean created;

    private RunDirectory(Path dir, boolean force, boolean existed) {
        this.dir = dir;
        this.force = force;
        this.existed = existed;
    }

    /**
     * Checks that {@code dir} can take this run, creating nothing.
     *
     * @param force     {@code --force}: replace an earlier run's files
     * @param resumed   the run directory being resumed (its files are this run's), or null
     * @param report    whether this run writes report.html
     * @throws ConfigException naming the folder and what to do: it is a file, cannot be created or written, or
     *                         already holds files (without {@code --force}), or holds a report.html gae4j did not
     *                         write (with {@code --force})
     */
    public static RunDirectory check(Path dir, boolean force, Path resumed, boolean report) {
        checkOutputFolder(dir);
        if (!Files.exists(dir)) {
            return new RunDirectory(dir, force, false);
        }
        boolean same = resumed != null && sameFile(dir, resumed);
        List<String> present = entries(dir);
        if (!same && !present.isEmpty() && !force) {
            String listed = String.join(", ", present.subList(0, Math.min(LISTED, present.size())))
                    + (present.size() > LISTED
                            ? String.format(Locale.ROOT, " and %d more", present.size() - LISTED)
                            : "");
            throw new ConfigException(String.format(
                    Locale.ROOT,
                    "%s: the folder is not empty (%s); pass --force to"
                            + " replace gae4j's files in it, --resume %s to continue the run in it, or choose another"
                            + " folder with -o DIR",
                    dir,
                    listed,
                    dir));
        }
        if (force
                && !same
                && report
                && Files.exists(dir.resolve(RunFiles.REPORT))
                && !RunReport.isOwnReport(dir.resolve(RunFiles.REPORT))) {
            throw new ConfigException(dir.resolve(RunFiles.REPORT) + ": was not written by gae4j, and --force"
                    + " replaces only gae4j's files; move it away, or pass --no-report");
        }
        return new RunDirectory(dir, force && !same, true);
    }

    /**
     * The default run folder when the user named none: {@code base} if it is free (absent or empty), else the first
     * free {@code base-2}, {@code base-3}, …, so that running the same command twice keeps both runs (as TensorBoard's
     * and Lightning's versioned log folders do) instead of refusing or replacing. An explicit {@code -o} is never
     * renamed: there the user chose the folder, and {@link #check} refuses a folder in use.
     */
    public static Path firstFree(Path base) {
        for (int k = 1; ; k++) {
            Path candidate = k == 1 ? base : base.resolveSibling(base.getFileName() + "-" + k);
            if (!Files.exists(candidate)
                    || (Files.isDirectory(candidate) && entries(candidate).isEmpty())) {
                return candidate;
            }
        }
    }

    /**
     * An output folder (existing or to be made) that can be written: not a file, under a folder, writable; the
     * message names it and what is wrong, in one line.
     */
    public static void checkOutputFolder(Path dir) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new ConfigException(dir + ": is a file, not a directory; choose another output folder with -o DIR");
        }
        if (!Files.exists(dir)) {
            checkCreatable(dir);
        } else if (!Files.isWritable(dir)) {
            throw new ConfigException(dir + ": cannot write into this folder (permission denied); choose another"
                    + " output folder with -o DIR");
        }
    }

    /** An output file: not a folder, and its folder can be made and written. */
    public static void checkOutputFile(Path file, String option) {
        if (Files.isDirectory(file)) {
            throw new ConfigException(file + ": is a directory, not a file (" + option + ")");
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            checkOutputFolder(parent);
        }
    }

    /** The folder. */
    public Path path() {
        return dir;
    }

    /**
     * Creates the folder if missing; removes the stale temporary files of a killed run and, with --force, the
     * earlier run's files. Returns the folder.
     */
    public Path create() throws IOException {
        if (!existed) {
            Files.createDirectories(dir);
            created = true;
            return dir;
        }
        List<String> own = ownFiles(dir);
        List<Path> stale = AtomicFiles.removeStale(dir, own);
        if (!stale.isEmpty()) {
            LOG.info(
                    "Removed {} stale temporary file(s) of an interrupted run in {}: {}",
                    stale.size(),
                    dir,
                    stale.stream().map(p -> p.getFileName().toString()).toList());
        }
        if (force) {
            List<String> removed = new ArrayList<>();
            for (String name : own) {
                if (Files.deleteIfExists(dir.resolve(name))) {
                    removed.add(name);
                }
            }
            if (!removed.isEmpty()) {
                LOG.info("--force: removed the earlier run's {} from {}", removed, dir);
            }
        }
        return dir;
    }

    /** After a failure: removes the folder if this run created it and nothing has been written to it. */
    public void removeIfCreatedAndEmpty() {
        if (!created) {
            return;
        }
        try (Stream<Path> files = Files.list(dir)) {
            if (files.findAny().isEmpty()) {
                Files.delete(dir);
            }
        } catch (IOException e) {
            LOG.debug("Could not remove the empty output folder {}", dir, e);
        }
    }

    /**
     * gae4j's files in {@code dir}: the fixed names, and report.html with its charts if gae4j wrote it (whether
     * or not they exist: the names also select the temporary files to clean up). Without a report.html, charts
     * of those names are taken for the user's.
     */
    static List<String> ownFiles(Path dir) {
        List<String> own = new ArrayList<>(OWN_FILES);
        Path report = dir.resolve(RunFiles.REPORT);
        if (!Files.exists(report)) {
            own.add(RunFiles.REPORT);
        } else if (RunReport.isOwnReport(report)) {
            own.add(RunFiles.REPORT);
            own.addAll(RunReport.IMAGES);
        }
        return own;
    }

    /** The folder's entries by name, sorted, without gae4j's temporary files (they are cleaned up). */
    private static List<String> entries(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            Set<String> names = new TreeSet<>();
            files.map(p -> p.getFileName().toString())
                    .filter(n -> !(n.endsWith(AtomicFiles.SUFFIX)
                            && AtomicFiles.targetOf(n).isPresent()))
                    .forEach(names::add);
            return List.copyOf(names);
        } catch (IOException e) {
            throw new ConfigException(dir + ": cannot list the folder: " + IoErrors.describe(e));
        }
    }

    /** A folder to be made: its nearest existing ancestor must be a folder we can write into. */
    private static void checkCreatable(Path dir) {
        Path ancestor = dir.toAbsolutePath().normalize().getParent();
        while (ancestor != null && !Files.exists(ancestor)) {
            ancestor = ancestor.getParent();
        }
        if (ancestor == null) {
            return;
        }
        if (!Files.isDirectory(ancestor)) {
            throw new ConfigException(dir + ": cannot be created: " + ancestor + " is a file, not a directory");
        }
        if (!Files.isWritable(ancestor)) {
            throw new ConfigException(dir + ": cannot be created: no permission to write into " + ancestor);
        }
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (IOException e) {
            return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
        }
    }
}
