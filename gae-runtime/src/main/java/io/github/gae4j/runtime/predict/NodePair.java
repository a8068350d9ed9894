// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.runtime.predict;

import java.util.Objects;

/** A pair of original node ids to score. */
public record NodePair(String source, String target) {
    public NodePair {
        Objects.requireNonNull(source, "source is null");
        Objects.requireNonNull(target, "target is null");
    }
}
