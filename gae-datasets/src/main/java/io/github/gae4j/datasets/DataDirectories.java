// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.datasets;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Finds the directory of real benchmark datasets (the layout of {@code ../shared/datasets}: {@code linqs/},
 * {@code planetoid/}, {@code npz/}, {@code snap/}) without copying it anywhere. Candidates, in order:
 * <ol>
 *   <li>the environment variable {@value #DATA_DIR_ENV} (the user's choice),</li>
 *   <li>the environment variable {@value #SHARED_DATASETS_ENV} (the build sets it for tests),</li>
 *   <li>{@code ../shared/datasets} and {@code ../../shared/datasets} relative to the working directory
 *   (the repository root and a module directory, respectively).</li>
 * </ol>
 * The first candidate that is an existing directory wins. Data is always read in place.
 */
public final class DataDirectories {

    /** Environment variable naming the dataset directory; checked first. */
    public static final String DATA_DIR_ENV = "GAE_DATA_DIR";

    /** Environment variable the build sets for tests ({@code <repo>/../shared/datasets}); checked second. */
    public static final String SHARED_DATASETS_ENV = "GAE_SHARED_DATASETS";

    private static final List<Path> RELATIVE_CANDIDATES =
            List.of(Path.of("..", "shared", "datasets"), Path.of("..", "..", "shared", "datasets"));

    private DataDirectories() {}

    /** The dataset directory, or empty when no candidate exists. */
    public static Optional<Path> find() {
        return find(System::getenv, workingDirectory());
    }

    /**
     * A path inside the dataset directory, e.g. {@code find("linqs", "cora")}: the first existing
     * candidate directory that contains it, or empty.
     */
    public static Optional<Path> find(String first, String... more) {
        return find(System::getenv, workingDirectory(), first, more);
    }

    /** Every candidate in search order, absolute and normalised, whether it exists or not. */
    public static List<Path> candidates() {
        return candidates(System::getenv, workingDirectory());
    }

    /**
     * A sentence for skip and error messages: how to point gae4j at the data and where it looked,
     * e.g. {@code "set GAE_DATA_DIR to the datasets directory or place it at ../shared/datasets (looked in: …)"}.
     */
    public static String searchDescription() {
        return searchDescription(candidates());
    }

    static Optional<Path> find(Function<String, String> env, Path workingDir) {
        return candidates(env, workingDir).stream().filter(Files::isDirectory).findFirst();
    }

    static Optional<Path> find(Function<String, String> env, Path workingDir, String first, String... more) {
        for (Path root : candidates(env, workingDir)) {
            if (Files.isDirectory(root)) {
                Path p = root.resolve(Path.of(first, more));
                if (Files.exists(p)) {
                    return Optional.of(p);
                }
            }
        }
        return Optional.empty();
    }

    static List<Path> candidates(Function<String, String> env, Path workingDir) {
        Set<Path> out = new LinkedHashSet<>();
        for (String variable : List.of(DATA_DIR_ENV, SHARED_DATASETS_ENV)) {
            String value = env.apply(variable);
            if (value != null && !value.isBlank()) {
                try {
                    out.add(workingDir.resolve(value.trim()).toAbsolutePath().normalize());
                } catch (InvalidPathException e) {
                    // Not a usable path: it simply is no candidate (searchDescription lists what was tried).
                }
            }
        }
        for (Path relative : RELATIVE_CANDIDATES) {
            out.add(workingDir.resolve(relative).toAbsolutePath().normalize());
        }
        return new ArrayList<>(out);
    }

    static String searchDescription(List<Path> candidates) {
        return String.format(
                Locale.ROOT,
                "set %s to the datasets directory or place it at ../shared/datasets (looked in: %s)",
                DATA_DIR_ENV,
                candidates.stream().map(Path::toString).collect(Collectors.joining(", ")));
    }

    private static Path workingDirectory() {
        return Path.of("").toAbsolutePath();
    }
}
