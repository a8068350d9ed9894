// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.cli.run;

import io.github.gae4j.core.graph.LinkSplit;
import io.github.gae4j.core.parallel.Parallelism;
import io.github.gae4j.runtime.baselines.BaselineReport;
import io.github.gae4j.runtime.baselines.LinkHeuristics;
import java.util.Optional;
import picocli.CommandLine.Option;

/** {@code --no-baselines}: whether train and eval score the link heuristics beside the model. */
public final class BaselineOptions {

    @Option(
            names = "--no-baselines",
            description = "Skip the link heuristics (common neighbours, Adamic-Adar, resource allocation,"
                    + " preferential attachment, Katz) scored beside the model on the same test pairs.")
    boolean skip;

    public BaselineOptions() {}

    /** The heuristics on the split's test pairs, on its training graph; empty with --no-baselines. */
    public Optional<BaselineReport> evaluate(LinkSplit split, Parallelism parallelism) {
        return skip ? Optional.empty() : Optional.of(LinkHeuristics.evaluate(split, parallelism));
    }
}
