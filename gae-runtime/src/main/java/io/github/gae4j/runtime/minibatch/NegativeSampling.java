// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.runtime.minibatch;

import io.github.gae4j.core.error.ConfigException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How a link mini-batch draws its non-edges. */
public enum NegativeSampling {
    /** Both endpoints uniform over the nodes, as the full-batch loss draws them (PyG's default). */
    UNIFORM("uniform"),
    /**
     * Both endpoints with probability ∝ degree^0.75 (word2vec's unigram^0.75, as PinSAGE and DGL's samplers use):
     * harder negatives among well-connected nodes.
     */
    DEGREE("degree");

    private final String label;

    NegativeSampling(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** @throws ConfigException listing the known strategies */
    public static NegativeSampling parse(String text) {
        for (NegativeSampling s : values()) {
            if (s.label.equalsIgnoreCase(text.trim())) {
                return s;
            }
        }
        throw new ConfigException(String.format(
                Locale.ROOT,
                "Unknown negative sampling '%s'; known: %s",
                text,
                Arrays.stream(values()).map(NegativeSampling::label).collect(Collectors.joining(", "))));
    }

    @Override
    public String toString() {
        return label;
    }
}
