// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.cli.run;

import io.github.gae4j.runtime.provenance.Provenance;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * How {@code gae train} uses a graph's node features: one of the recorded {@link Provenance.Features}, or
 * {@code auto}, which picks one of them from the features' statistics (and, where those leave it open, by
 * validation AUC): see {@link FeatureChoice}.
 */
public enum FeatureMode {
    AUTO("auto", null),
    AS_LOADED("as-loaded", Provenance.Features.AS_LOADED),
    ROW_NORMALIZED("row-normalized", Provenance.Features.ROW_NORMALIZED),
    NONE("none", Provenance.Features.NONE);

    private final String key;
    private final Provenance.Features fixed;

    FeatureMode(String key, Provenance.Features fixed) {
        this.key = key;
        this.fixed = fixed;
    }

    public String key() {
        return key;
    }

    /** The recorded use this mode stands for; empty for {@link #AUTO}. */
    public Optional<Provenance.Features> fixed() {
        return Optional.ofNullable(fixed);
    }

    public static Optional<FeatureMode> fromKey(String key) {
        return Arrays.stream(values()).filter(m -> m.key.equals(key)).findFirst();
    }

    /** The keys, comma-separated, for messages. */
    public static String keys() {
        return Arrays.stream(values()).map(FeatureMode::key).collect(Collectors.joining(", "));
    }
}
