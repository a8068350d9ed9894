// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.cli.serve;

import java.util.Locale;

/**
 * What one request may ask of the server: the largest k of {@code /topk}, the most pairs of one {@code /score}, the
 * largest request body. Requests beyond them are refused (400, or 413 for the body) instead of tying up a thread.
 */
public record ServerLimits(int maxK, int maxPairs, int maxBodyBytes) {

    /** The k of {@code /topk} when the request gives none. */
    public static final int DEFAULT_K = 10;

    public ServerLimits {
        if (maxK < 1 || maxPairs < 1 || maxBodyBytes < 1) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT,
                    "limits must be at least 1, got max k %d, max pairs %d, max body %d bytes",
                    maxK,
                    maxPairs,
                    maxBodyBytes));
        }
    }

    /** k ≤ 1,000; 10,000 pairs per {@code /score}; a 1 MiB body (10,000 pairs of 40-character ids fit). */
    public static ServerLimits defaults() {
        return new ServerLimits(1000, 10_000, 1 << 20);
    }
}
