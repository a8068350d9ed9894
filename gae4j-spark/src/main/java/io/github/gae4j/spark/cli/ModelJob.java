// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.spark.cli;

import io.github.gae4j.cli.run.RunFiles;
import io.github.gae4j.runtime.files.ModelDescription;
import io.github.gae4j.runtime.model.GraphAutoencoder;
import io.github.gae4j.runtime.model.ModelAssembler;
import io.github.gae4j.spark.io.GraphTables;
import java.nio.file.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * What embed and predict share: a saved model applied to the tables, one Parquet output. Every check that can run
 * before Spark does (the options, the output, the model file and its plugins); then the session, the tables, the
 * model for their feature width, the work, the output.
 */
final class ModelJob {

    @Parameters(paramLabel = "RUN|MODEL", description = "A run folder or a .gae4j model file (gae or gae-spark).")
    Path model;

    @Mixin
    TableOptions tables = new TableOptions();

    @Mixin
    ClusterOptions cluster = new ClusterOptions();

    @Option(
            names = {"-o", "--out"},
            paramLabel = "PATH",
            description = "The Parquet output (default: a folder beside the model file).")
    String out;

    @Option(names = "--force", description = "Replace an existing output.")
    boolean force;

    /** The work on the cluster: the engines applied to the model and the tables. */
    @FunctionalInterface
    interface Work {
        Dataset<Row> apply(
                SparkEngines engines,
                ModelDescription description,
                GraphAutoencoder model,
                GraphTables graph,
                ClusterSettings settings);
    }

    /**
     * Runs {@code work} and writes its table to {@code --out} (default {@code defaultName} beside the model file);
     * returns where it went.
     */
    String run(GaeSparkCommand root, String command, String defaultName, Work work) {
        ClusterSettings settings = cluster.settings();
        TableSource edges = tables.edges();
        TableSource features = tables.features();
        GaeSparkCommand.Runtime runtime = root.runtime();
        ModelAssembler assembler = runtime.assembler();
        Path file = RunFiles.modelFile(model);
        String target = out != null
                ? out
                : file.toAbsolutePath().resolveSibling(defaultName).toString();
        ParquetOutput output = ParquetOutput.of(target, force, "--out");
        ModelFiles saved = ModelFiles.read(file, assembler);
        SparkSession spark = runtime.sessions().open(command, root.master());
        try {
            output.check(spark);
            GraphTables graph = runtime.engines().read(spark, edges, features);
            output.write(work.apply(
                    runtime.engines(), saved.saved().description(), saved.assemble(assembler, graph), graph, settings));
        } finally {
            runtime.sessions().release(spark);
        }
        return output.path() + " (from " + saved.file() + ")";
    }
}
