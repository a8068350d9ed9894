// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.examples.readme;

// tag::tune[]
import io.github.gae4j.core.graph.Graph;
import io.github.gae4j.core.parallel.Parallelism;
import io.github.gae4j.runtime.files.ModelDescriptionFile;
import io.github.gae4j.runtime.plugin.PluginRegistry;
import io.github.gae4j.runtime.tune.LinkBaselines;
import io.github.gae4j.runtime.tune.TuneListener;
import io.github.gae4j.runtime.tune.TuneResult;
import io.github.gae4j.runtime.tune.TuneSettings;
import io.github.gae4j.runtime.tune.Tuner;
import java.time.Duration;
// end::tune[]

/** README, "Tuning a recipe": the search from code. */
final class TuneExample {

    private TuneExample() {}

    // tag::tune[]
    /** The defaults: 12 screening trials, then the best 2 recipes over lr × latent; 10 minutes at most. */
    static final TuneSettings DEFAULTS = TuneSettings.defaults(42, Duration.ofMinutes(10));

    static String bestModelFile(Graph graph, TuneSettings settings) {
        try (Parallelism threads = Parallelism.allCores()) {
            TuneResult result = new Tuner(
                            settings, PluginRegistry.discover(), threads, LinkBaselines.CLASSIC, TuneListener.NONE)
                    .run(graph);
            result.leaderboard()
                    .forEach(row -> System.out.println(row.rank() + " " + row.label() + " " + row.valAuc()));
            // The winner's features are a dataset option: result.winner().get().recipe().features()
            return ModelDescriptionFile.write(result.winnerDescription().orElseThrow()); // gae train --model-file
        }
    }
    // end::tune[]
}
