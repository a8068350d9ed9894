// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.datasets.catalog;

import io.github.gae4j.core.error.ConfigException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The data directories a named dataset is looked up in, in order:
 * <ol>
 *   <li>an explicit directory (the factory option {@code data-dir}, a command line's {@code --data-dir});</li>
 *   <li>the environment variable {@value #DATA_DIR_ENV};</li>
 *   <li>{@code ~/.gae4j/datasets} ({@code user.home}).</li>
 * </ol>
 * Each is a <em>data root</em> in the layout of {@code ../shared/datasets} ({@code linqs/}, {@code planetoid/},
 * {@code npz/}, {@code snap/}). A dataset is read from the first root that holds all of its files. The first
 * candidate is also the download cache: missing files are downloaded there.
 */
public final class DataRoot {

    /** Environment variable naming a data root; checked after an explicit directory. */
    public static final String DATA_DIR_ENV = "GAE_DATA_DIR";

    /** The default data root relative to the user's home directory. */
    public static final Path DEFAULT_UNDER_HOME = Path.of(".gae4j", "datasets");

    /**
     * One place to look.
     *
     * @param directory absolute, normalised
     * @param source    where it came from, for messages ({@code option data-dir}, {@code $GAE_DATA_DIR}, …)
     */
    public record Candidate(Path directory, String source) {

        public Candidate {
            Objects.requireNonNull(directory, "directory is null");
            Objects.requireNonNull(source, "source is null");
        }

        /** Whether every file of {@code entry} is a regular file under this directory. */
        public boolean holdsAll(CatalogEntry entry) {
            return entry.files().stream().allMatch(f -> Files.isRegularFile(f.resolveIn(directory)));
        }

        @Override
        public String toString() {
            return directory + " (" + source + ")";
        }
    }

    private final List<Candidate> candidates;

    private DataRoot(List<Candidate> candidates) {
        this.candidates = List.copyOf(candidates);
    }

    /**
     * The candidates for an explicit directory (or none) and an environment. Relative paths are resolved against
     * the working directory; a directory named twice is tried once, under its first source.
     *
     * @throws ConfigException when a path is not valid on this file system
     */
    public static DataRoot of(Optional<Path> explicit, Environment env) {
        List<Candidate> out = new ArrayList<>();
        Set<Path> seen = new HashSet<>();
        explicit.ifPresent(p -> add(out, seen, p.toAbsolutePath().normalize(), "option data-dir"));
        env.variable(DATA_DIR_ENV)
                .ifPresent(v -> add(
                        out,
                        seen,
                        toPath(v, "environment variable " + DATA_DIR_ENV),
                        "environment variable " + DATA_DIR_ENV));
        add(
                out,
                seen,
                env.userHome().resolve(DEFAULT_UNDER_HOME).toAbsolutePath().normalize(),
                "default ~/.gae4j/datasets");
        return new DataRoot(out);
    }

    /** Every candidate in search order, whether it exists or not. */
    public List<Candidate> candidates() {
        return candidates;
    }

    /** The download cache: the first candidate. */
    public Candidate cache() {
        return candidates.get(0);
    }

    /** The first candidate that holds every file of {@code entry}, or empty. */
    public Optional<Candidate> locate(CatalogEntry entry) {
        return candidates.stream().filter(c -> c.holdsAll(entry)).findFirst();
    }

    /**
     * One numbered line per candidate saying what of {@code entry} is missing there, e.g.
     * {@code 2. /data (environment variable GAE_DATA_DIR): missing linqs/cora/cora.cites}.
     */
    public String describeMissing(CatalogEntry entry) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < candidates.size(); i++) {
            Candidate c = candidates.get(i);
            sb.append(String.format(Locale.ROOT, "%n  %d. %s: ", i + 1, c));
            if (!Files.isDirectory(c.directory())) {
                sb.append(Files.exists(c.directory()) ? "not a directory" : "does not exist");
            } else {
                List<String> missing = entry.files().stream()
                        .filter(f -> !Files.isRegularFile(f.resolveIn(c.directory())))
                        .map(DatasetFile::path)
                        .collect(Collectors.toList());
                sb.append(missing.isEmpty() ? "has every file" : "missing " + String.join(", ", missing));
            }
        }
        return sb.toString();
    }

    private static void add(List<Candidate> out, Set<Path> seen, Path dir, String source) {
        if (seen.add(dir)) {
            out.add(new Candidate(dir, source));
        }
    }

    private static Path toPath(String value, String what) {
        try {
            return Path.of(value).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw new ConfigException(
                    what + " must be a directory path, got '" + value + "' (" + e.getMessage() + ")", e);
        }
    }

    @Override
    public String toString() {
        return "DataRoot" + candidates;
    }
}
