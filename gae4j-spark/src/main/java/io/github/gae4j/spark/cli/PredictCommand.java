// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.spark.cli;

import io.github.gae4j.cli.GaeCommand;
import io.github.gae4j.cli.run.OptionChecks;
import io.github.gae4j.core.error.ConfigException;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code gae-spark predict}: the most likely new links, computed on Spark, as Parquet (src, dst, score, rank). */
@Command(
        name = "predict",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Predicts links with a saved model on Spark, as Parquet: src, dst (long ids), score (probability), rank:"
                    + " each node's K most likely new links (--per-node K) or the K most likely of the graph"
                    + " (--top K). The tables' edges are known links, never recommended."
        })
final class PredictCommand implements Callable<Integer> {

    @ParentCommand
    GaeSparkCommand root;

    @Spec
    CommandSpec spec;

    @Option(
            names = "--top",
            paramLabel = "K",
            description = "The K most likely new links of the whole graph (each pair once).")
    Integer top;

    @Option(names = "--per-node", paramLabel = "K", description = "Each node's K most likely new links.")
    Integer perNode;

    @Option(
            names = "--candidates",
            paramLabel = "two-hop|all-pairs",
            defaultValue = "two-hop",
            converter = CandidatesConverter.class,
            description = "Where the links are searched: two-hop (default: each node's 2-hop neighbourhood, capped by"
                    + " --halo-caps; for large graphs) or all-pairs (every pair, in blocks: exact, for moderate"
                    + " node counts, as gae predict).")
    SparkEngines.Candidates candidates;

    @Mixin
    ModelJob job = new ModelJob();

    @Override
    public Integer call() {
        if ((top == null) == (perNode == null)) {
            throw new ConfigException((top == null ? "no mode given" : "more than one mode given")
                    + ": choose exactly one of --top K or --per-node K");
        }
        OptionChecks.atLeast("--top", top, 1, "");
        OptionChecks.atLeast("--per-node", perNode, 1, "");
        if (job.cluster.rounds != null) {
            throw new ConfigException("--rounds applies to train; predict takes --blocks and --halo-caps");
        }
        int k = top != null ? top : perNode;
        String written = job.run(
                root,
                "predict",
                "predictions.parquet",
                (engines, description, m, graph, settings) ->
                        engines.predict(description, m, graph, k, top != null, candidates, settings));
        spec.commandLine()
                .getOut()
                .printf(
                        Locale.ROOT,
                        "gae-spark predict: %s %d (%s candidates): wrote %s: src, dst, score, rank%n",
                        top != null ? "top" : "per node",
                        k,
                        candidates.name().toLowerCase(Locale.ROOT).replace('_', '-'),
                        written);
        return GaeCommand.OK;
    }

    /** two-hop or all-pairs (any case, - or _). */
    static final class CandidatesConverter implements picocli.CommandLine.ITypeConverter<SparkEngines.Candidates> {
        @Override
        public SparkEngines.Candidates convert(String value) {
            for (SparkEngines.Candidates c : SparkEngines.Candidates.values()) {
                if (c.name().equalsIgnoreCase(value.replace('-', '_'))) {
                    return c;
                }
            }
            throw new picocli.CommandLine.TypeConversionException("'" + value + "' is not one of two-hop, all-pairs");
        }
    }
}
