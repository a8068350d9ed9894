// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.runtime.predict;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * How a {@link LinkPredictor} is opened: where the data lives now ({@code dataDir}, for data that moved since
 * training), how top-k is searched, with how many threads, and whether held-out (validation and test) positives count
 * as known links, left out of recommendations like the training edges (the default).
 */
public record PredictorOptions(Optional<Path> dataDir, SearchMode search, int threads, boolean excludeHeldOut) {

    public PredictorOptions {
        Objects.requireNonNull(dataDir, "dataDir is null");
        Objects.requireNonNull(search, "search is null");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
    }

    /** The data where training found it, automatic search, all cores, held-out positives excluded. */
    public static PredictorOptions defaults() {
        return new PredictorOptions(
                Optional.empty(), SearchMode.AUTO, Runtime.getRuntime().availableProcessors(), true);
    }

    public PredictorOptions withDataDir(Path value) {
        return new PredictorOptions(Optional.of(value), search, threads, excludeHeldOut);
    }

    public PredictorOptions withSearch(SearchMode value) {
        return new PredictorOptions(dataDir, value, threads, excludeHeldOut);
    }

    public PredictorOptions withThreads(int value) {
        return new PredictorOptions(dataDir, search, value, excludeHeldOut);
    }

    public PredictorOptions withExcludeHeldOut(boolean value) {
        return new PredictorOptions(dataDir, search, threads, value);
    }
}
