// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.cli;

import com.google.inject.Injector;
import io.github.gae4j.core.error.GaeException;
import io.github.gae4j.runtime.inject.GaeInjectors;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code gae} command: train, eval, embed, predict, serve, tune, reproduce, bench, plugins. Exit codes: 0 success, 1
 * failure (bad data, numerical trouble, I/O, a broken plugin jar), 2 bad arguments.
 *
 * <p>The application's one injector is built here, once per run, over the plugins on the class path;
 * picocli creates every subcommand through it ({@link InjectorFactory}), so a subcommand receives the
 * plugin registry or the model assembler in its constructor instead of discovering plugins itself.
 */
@Command(
        name = "gae",
        mixinStandardHelpOptions = true,
        versionProvider = GaeCommand.Version.class,
        description = "Graph autoencoders (GAE, VGAE and relatives) for link prediction and node embeddings.",
        subcommands = {
            TrainCommand.class,
            EvalCommand.class,
            EmbedCommand.class,
            PredictCommand.class,
            TuneCommand.class,
            ReproduceCommand.class,
            BenchCommand.class,
            ServeCommand.class,
            PluginsCommand.class,
            CommandLine.HelpCommand.class
        },
        footer = {
            "",
            "Start with:  gae train   (synthetic graph, no download; writes runs/...)",
            "Then:        gae eval RUN  |  gae predict RUN --top 100  |  open RUN/report.html"
        })
public final class GaeCommand implements Runnable {

    public static final int OK = 0;
    public static final int FAILURE = 1;
    public static final int USAGE = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Option(
            names = "--debug",
            scope = CommandLine.ScopeType.INHERIT,
            description = "On an error, print the stack trace too (for bug reports).")
    boolean debug;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(
                spec.commandLine(),
                "Missing subcommand: train, eval, embed, predict, serve,"
                        + " tune, reproduce, bench or plugins (gae --help lists them)");
    }

    /**
     * Lucene 9 warns through java.util.logging that it cannot use jdk.incubator.vector on JDK 17, which the launcher
     * enables for gae4j's own kernels: noise for users of the command. Held so the logger (and its level) stays.
     */
    private static final java.util.logging.Logger LUCENE_VECTORIZATION =
            java.util.logging.Logger.getLogger("org.apache.lucene.internal.vectorization.VectorizationProvider");

    public static void main(String[] args) {
        // Logging is configured at the edge, here, not by the library: quieten that warning unless configured.
        if (LUCENE_VECTORIZATION.getLevel() == null) {
            LUCENE_VECTORIZATION.setLevel(java.util.logging.Level.SEVERE);
        }
        // UTF-8 as in every file gae4j writes (the messages use …, ≥, ×), not the platform default of JDK 17.
        System.exit(execute(
                args,
                new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true),
                new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true)));
    }

    /**
     * Runs the command in-process with the given streams over the plugins on gae4j's class path; returns the
     * exit code.
     */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        Injector injector;
        try {
            injector = GaeInjectors.create(GaeCommand.class.getClassLoader());
        } catch (GaeException e) {
            // A broken or duplicated plugin jar: nothing can run, not even --help.
            err.println("gae: " + e.getMessage());
            err.flush();
            return FAILURE;
        }
        return execute(injector, args, out, err);
    }

    /** Runs the command with the subcommands created by {@code injector}. */
    static int execute(Injector injector, String[] args, PrintWriter out, PrintWriter err) {
        // Charts are encoded in memory: ImageIO's default file cache registers a delete-on-exit hook,
        // which fails while Ctrl-C's shutdown is saving the report.
        javax.imageio.ImageIO.setUseCache(false);
        GaeCommand root = new GaeCommand();
        CommandLine cli = new CommandLine(root, new InjectorFactory(injector));
        cli.setOut(out);
        cli.setErr(err);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExecutionExceptionHandler(
                (e, commandLine, parseResult) -> Errors.report(e, commandLine.getErr(), root.debug));
        int code;
        try {
            code = cli.execute(args);
        } catch (OutOfMemoryError e) {
            // picocli handles exceptions only; a graph too large for the heap is foreseeable, not a bug.
            err.println(
                    "gae: out of memory (Java heap of " + Runtime.getRuntime().maxMemory() / (1 << 20) + " MB);"
                            + " give the JVM more, e.g. GAE_JAVA_OPTS=-Xmx8g ./gae ... or java -Xmx8g -jar gae.jar ...");
            err.flush();
            return FAILURE;
        }
        out.flush();
        err.flush();
        return code;
    }

    /** The version Maven recorded in gae-runtime (the one provenance records). */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {
                "gae4j " + io.github.gae4j.runtime.provenance.Provenance.currentVersion() + " (SPI "
                        + io.github.gae4j.core.spi.GaeSpi.VERSION + ", Java " + Runtime.version() + ")"
            };
        }
    }
}
