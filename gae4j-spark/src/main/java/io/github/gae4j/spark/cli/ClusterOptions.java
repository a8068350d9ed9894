// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.spark.cli;

import io.github.gae4j.cli.run.OptionChecks;
import io.github.gae4j.core.error.ConfigException;
import io.github.gae4j.runtime.minibatch.FanOut;
import java.util.Optional;
import picocli.CommandLine.Option;

/** How the work is spread over the cluster: blocks of nodes, rounds, halo caps (gae-spark only). */
final class ClusterOptions {

    @Option(
            names = "--blocks",
            paramLabel = "P",
            description = "Blocks the nodes are hashed into, one task each (default: Spark's default parallelism);"
                    + " results do not depend on it.")
    Integer blocks;

    @Option(
            names = "--rounds",
            paramLabel = "R",
            description = "Synchronous rounds per epoch: in each, every block takes one local step and the driver"
                    + " sums the gradients and steps the optimiser (default: enough rounds for every training edge"
                    + " once per epoch).")
    Integer rounds;

    @Option(
            names = "--halo-caps",
            paramLabel = "LIST",
            description = "Neighbours kept per node and hop in a block's 2-hop halo, -1 = all (exact), e.g. 25,10"
                    + " (default: the fan-out, or exact without --batch-size).")
    String haloCaps;

    /** The settings, each checked (exit 2 before anything is read). */
    ClusterSettings settings() {
        OptionChecks.atLeast("--blocks", blocks, 1, "");
        OptionChecks.atLeast("--rounds", rounds, 1, "");
        Optional<FanOut> caps = Optional.empty();
        if (haloCaps != null) {
            try {
                caps = Optional.of(FanOut.parse(haloCaps));
            } catch (ConfigException e) {
                throw new ConfigException("--halo-caps: " + e.getMessage(), e);
            }
        }
        return new ClusterSettings(Optional.ofNullable(blocks), Optional.ofNullable(rounds), caps);
    }

    /** Whether any was given (embed and predict take --blocks only). */
    boolean trainingOnlyGiven() {
        return rounds != null || haloCaps != null;
    }
}
