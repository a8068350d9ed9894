// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.spark.cli;

import io.github.gae4j.cli.run.RunFiles;
import io.github.gae4j.core.error.ConfigException;
import io.github.gae4j.runtime.model.GraphAutoencoder;
import io.github.gae4j.runtime.model.ModelAssembler;
import io.github.gae4j.spark.io.GraphTables;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
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

    @Parameters(paramLabel = "RUN|MODEL", description = "A run folder or a .gae4j model file (gae or gae-spark).")
    Path model;

    @Mixin
    TableOptions tables = new TableOptions();

    @Mixin
    ClusterOptions cluster = new ClusterOptions();

    @Option(
            names = {"-o", "--out"},
            paramLabel = "PATH",
            description = "The Parquet output (default: embeddings.parquet beside the model file).")
    String out;

    @Option(names = "--force", description = "Replace an existing output.")
    boolean force;

    @Override
    public Integer call() {
        if (cluster.trainingOnlyGiven()) {
            throw new ConfigException("--rounds and --halo-caps apply to train; embed takes --blocks");
        }
        ClusterSettings settings = cluster.settings();
        TableSource edges = tables.edges();
        TableSource features = tables.features();
        GaeSparkCommand.Runtime runtime = root.runtime();
        ModelAssembler assembler = runtime.assembler();
        Path file = RunFiles.modelFile(model);
        ParquetOutput output = ParquetOutput.of(
                out != null
                        ? out
                        : file.toAbsolutePath()
                                .resolveSibling("embeddings.parquet")
                                .toString(),
                force,
                "--out");
        ModelFiles saved = ModelFiles.read(file, assembler);
        SparkSession spark = runtime.sessions().open("embed", root.master());
        try {
            output.check(spark);
            GraphTables graph = runtime.engines().read(spark, edges, features);
            GraphAutoencoder m = saved.assemble(assembler, graph);
            Dataset<Row> z = runtime.engines().embed(m, graph, settings);
            output.write(z);
            spec.commandLine()
                    .getOut()
                    .printf(Locale.ROOT, "gae-spark embed: %s → %s (node_id, z)%n", saved.file(), output.path());
        } finally {
            runtime.sessions().release(spark);
        }
        return GaeSparkCommand.OK;
    }
}
