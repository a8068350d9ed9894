// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.spark.cli;

import io.github.gae4j.cli.GaeCommand;
import io.github.gae4j.core.error.ConfigException;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code gae-spark embed}: every node's embedding, computed on Spark, as Parquet {@code (node_id, z)}. */
@Command(
        name = "embed",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Writes every node's embedding (μ for variational models) as Parquet: node_id (long), z (array<double>),"
                    + " computed layer by layer on Spark over the given tables (all their edges)."
        })
final class EmbedCommand implements Callable<Integer> {

    @ParentCommand
    GaeSparkCommand root;

    @Spec
    CommandSpec spec;

    @Mixin
    ModelJob job = new ModelJob();

    @Override
    public Integer call() {
        if (job.cluster.trainingOnlyGiven()) {
            throw new ConfigException("--rounds and --halo-caps apply to train; embed takes --blocks");
        }
        String written = job.run(root, "embed", "embeddings.parquet", SparkEngines::embed);
        spec.commandLine().getOut().printf(Locale.ROOT, "gae-spark embed: wrote %s: node_id, z%n", written);
        return GaeCommand.OK;
    }
}
