// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.runtime.predict;

import java.util.Comparator;

/**
 * A candidate link by node index with its logit. {@link #RANKING} is the one total order every search uses: higher
 * logit first, ties by source index, then target index; so a ranking never depends on threads or blocking.
 */
public record ScoredPair(int source, int target, double logit) {

    /** Best first: logit descending, then source ascending, then target ascending. */
    public static final Comparator<ScoredPair> RANKING = (a, b) -> {
        int c = Double.compare(b.logit, a.logit);
        if (c != 0) {
            return c;
        }
        c = Integer.compare(a.source, b.source);
        return c != 0 ? c : Integer.compare(a.target, b.target);
    };

    /** σ(logit): the decoder's probability. */
    public double probability() {
        return probability(logit);
    }

    /** σ(x), computed without overflow for either sign. */
    public static double probability(double logit) {
        if (logit >= 0) {
            return 1 / (1 + Math.exp(-logit));
        }
        double e = Math.exp(logit);
        return e / (1 + e);
    }

    /** Whether (logit, source, target) ranks strictly before {@code other} in {@link #RANKING}. */
    public static boolean ranksBefore(double logit, int source, int target, ScoredPair other) {
        if (logit != other.logit) {
            return logit > other.logit;
        }
        return source != other.source ? source < other.source : target < other.target;
    }
}
