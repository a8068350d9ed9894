// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.datasets.npz;

import io.github.gae4j.core.error.ConfigException;
import java.util.Locale;

/** What the npz loader does with the node features ({@code attr_*} entries); option {@code features}. */
public enum FeaturePolicy {

    /** Use the features when the archive has readable ones; otherwise load without (X = I) and say why. */
    AUTO,
    /** Fail when the archive has no readable features. */
    REQUIRE,
    /** Never read features (X = I), e.g. for the featureless rows of the GAE paper. */
    IGNORE;

    /** The option value: {@code auto}, {@code require} or {@code ignore}. */
    public String optionValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return optionValue();
    }

    /** Parses an option value (case-insensitive), or fails naming the option and the allowed values. */
    public static FeaturePolicy parse(String value) {
        String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        for (FeaturePolicy p : values()) {
            if (p.optionValue().equals(v)) {
                return p;
            }
        }
        throw new ConfigException(String.format(
                Locale.ROOT,
                "Option 'features' of dataset loader 'npz' must be auto, require or ignore, got '%s'",
                value));
    }
}
