// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.spark.cli;

import io.github.gae4j.runtime.minibatch.FanOut;
import java.util.Objects;
import java.util.Optional;

/**
 * The cluster options as the engines take them; empty = the engine's default.
 *
 * @param blocks   blocks the nodes are hashed into ({@code --blocks})
 * @param rounds   synchronous rounds per epoch ({@code --rounds})
 * @param haloCaps neighbours kept per node and hop in a block's halo ({@code --halo-caps})
 */
public record ClusterSettings(Optional<Integer> blocks, Optional<Integer> rounds, Optional<FanOut> haloCaps) {

    public ClusterSettings {
        Objects.requireNonNull(blocks, "blocks is null");
        Objects.requireNonNull(rounds, "rounds is null");
        Objects.requireNonNull(haloCaps, "haloCaps is null");
    }

    /** Every setting at the engine's default. */
    public static ClusterSettings defaults() {
        return new ClusterSettings(Optional.empty(), Optional.empty(), Optional.empty());
    }
}
