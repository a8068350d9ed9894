// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.spark.cli;

import io.github.gae4j.cli.GaeCommand;
import io.github.gae4j.runtime.model.ModelAssembler;
import io.github.gae4j.runtime.plugin.PluginRegistry;
import io.github.gae4j.runtime.provenance.Provenance;
import io.github.gae4j.spark.bench.SparkBenchCommand;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code gae-spark} command: {@code train}, {@code embed} and {@code predict} on Spark DataFrames, with the option
 * names of {@code gae}. Run by {@code spark-submit --class io.github.gae4j.spark.cli.GaeSparkCommand gae-spark.jar}
 * or by the {@code ./gae-spark} launcher (local mode, no Spark installation). Exit codes as {@code gae}: 0 success,
 * 1 failure (bad data, I/O), 2 bad arguments.
 */
@Command(
        name = "gae-spark",
        mixinStandardHelpOptions = true,
        versionProvider = GaeSparkCommand.Version.class,
        description = "Graph autoencoders on Apache Spark: train, embed and predict over edge and feature tables"
                + " (Parquet or CSV), with gae4j's models, plugins and model files.",
        subcommands = {
            TrainCommand.class,
            EmbedCommand.class,
            PredictCommand.class,
            SparkBenchCommand.class,
            CommandLine.HelpCommand.class
        },
        footer = {
            "",
            "Start with:  gae-spark train --edges edges.parquet --features features.parquet --batch-size 1024 -o run",
            "Then:        gae-spark embed run --edges ... --features ... -o z.parquet"
        })
public final class GaeSparkCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Option(
            names = "--debug",
            scope = CommandLine.ScopeType.INHERIT,
            description = "On an error, print the stack trace too (for bug reports).")
    boolean debug;

    @CommandLine.Option(
            names = "--master",
            paramLabel = "URL",
            scope = CommandLine.ScopeType.INHERIT,
            description = "Spark master, e.g. local[4] or yarn (default: spark-submit's --master; local[*] when run"
                    + " without spark-submit).")
    String master;

    /** Where sessions and engines come from: set once by {@link #execute}. */
    private final Runtime runtime;

    GaeSparkCommand(Runtime runtime) {
        this.runtime = Objects.requireNonNull(runtime, "runtime is null");
    }

    /** What the subcommands run on: Spark sessions, the distributed engines, and the plugins. */
    record Runtime(Sessions sessions, SparkEngines engines, PluginRegistry plugins) {
        ModelAssembler assembler() {
            return new ModelAssembler(plugins);
        }
    }

    Runtime runtime() {
        return runtime;
    }

    String master() {
        return master;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(
                spec.commandLine(), "Missing subcommand: train, embed or predict (gae-spark --help lists them)");
    }

    public static void main(String[] args) {
        System.exit(execute(
                args,
                new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true),
                new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true),
                Sessions.owned(),
                EngineWiring.engines()));
    }

    /** Runs the command with the given streams, sessions and engines; returns the exit code. */
    static int execute(String[] args, PrintWriter out, PrintWriter err, Sessions sessions, SparkEngines engines) {
        PluginRegistry plugins;
        try {
            plugins = PluginRegistry.discover(GaeSparkCommand.class.getClassLoader());
        } catch (RuntimeException e) {
            return Failures.report(e, err, false); // a broken or duplicated plugin jar: nothing can run
        }
        GaeSparkCommand root = new GaeSparkCommand(new Runtime(sessions, engines, plugins));
        CommandLine cli = new CommandLine(root);
        cli.setOut(out);
        cli.setErr(err);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExecutionExceptionHandler(
                (e, commandLine, parseResult) -> Failures.report(e, commandLine.getErr(), root.debug));
        int code;
        try {
            code = cli.execute(args);
        } catch (OutOfMemoryError e) {
            err.println("gae-spark: out of memory on the driver (Java heap of "
                    + java.lang.Runtime.getRuntime().maxMemory() / (1 << 20) + " MB); give it more, e.g."
                    + " spark-submit --driver-memory 8g, or GAE_JAVA_OPTS=-Xmx8g ./gae-spark ...");
            err.flush();
            return GaeCommand.FAILURE;
        }
        out.flush();
        err.flush();
        return code;
    }

    /** gae4j's version, as {@code gae --version} prints it. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {
                "gae-spark " + Provenance.currentVersion() + " (Spark "
                        + org.apache.spark.package$.MODULE$.SPARK_VERSION() + ", Java " + java.lang.Runtime.version()
                        + ")"
            };
        }
    }
}
