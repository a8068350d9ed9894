// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.cli;

import io.github.gae4j.cli.run.BaselineOptions;
import io.github.gae4j.cli.run.BaselineTable;
import io.github.gae4j.cli.run.Evaluation;
import io.github.gae4j.cli.run.LoadedRun;
import io.github.gae4j.cli.run.RunFiles;
import io.github.gae4j.core.parallel.Parallelism;
import io.github.gae4j.runtime.baselines.BaselineReport;
import io.github.gae4j.runtime.files.Json;
import io.github.gae4j.runtime.model.ModelAssembler;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code gae eval}: scores a saved model on the test edges of the split it was trained with. */
@Command(
        name = "eval",
        mixinStandardHelpOptions = true,
        description = {
            "Evaluates a saved model: link-prediction AUC/AP on its held-out test edges (the split is"
                    + " rebuilt from the recorded seed), and clustering ACC/NMI/ARI (k-means on the embeddings) where"
                    + " the graph has labels."
        })
final class EvalCommand implements Callable<Integer> {

    private final ModelAssembler assembler;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "RUN|MODEL", description = "A run directory or a .gae4j model file.")
    Path model;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Datasets root, if it moved since training.")
    Path dataDir;

    @Option(
            names = {"-t", "--threads"},
            paramLabel = "N",
            description = "Threads (default: all cores).")
    Integer threads;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the scores as JSON.")
    Path json;

    @Mixin
    BaselineOptions baselineOptions = new BaselineOptions();

    @Inject
    EvalCommand(ModelAssembler assembler) {
        this.assembler = assembler;
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        Path file = RunFiles.modelFile(model);
        if (json != null) {
            io.github.gae4j.cli.run.RunDirectory.checkOutputFile(json, "--json");
        }
        LoadedRun run = LoadedRun.load(file, dataDir, assembler);
        Evaluation e;
        Optional<BaselineReport> baselines;
        try (Parallelism p = Parallelism.of(Threads.resolve(threads))) {
            e = Evaluation.of(
                    run.model(),
                    run.split(),
                    run.graph(),
                    p,
                    run.saved().description().training().seed());
            baselines = baselineOptions.evaluate(run.split(), p);
        }
        out.printf(
                Locale.ROOT,
                "gae eval: %s on %s (%d nodes, %d test edges, %d test non-edges)%n",
                file,
                run.graph().name(),
                run.graph().nodeCount(),
                run.split().testPositives().size(),
                run.split().testNegatives().size());
        out.println(io.github.gae4j.cli.run.SplitSizes.describe(run.split()));
        for (Map.Entry<String, String> row : e.summary().entrySet()) {
            out.printf(Locale.ROOT, "%-16s %s%n", row.getKey(), row.getValue());
        }
        if (!run.graph().hasLabels()) {
            out.println("(no node labels: no clustering scores)");
        }
        baselines.ifPresent(b -> BaselineTable.print(out, e.test(), b));
        out.flush();
        if (json != null) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("model", file.toString());
            m.put("dataset", run.dataset().label());
            m.put("test-auc", e.test().auc());
            m.put("test-ap", e.test().ap());
            e.clustering().ifPresent(c -> {
                m.put("clustering-acc", c.acc());
                m.put("clustering-nmi", c.nmi());
                m.put("clustering-ari", c.ari());
            });
            baselines.ifPresent(b -> m.put("baselines", BaselineTable.json(e.test(), b)));
            io.github.gae4j.core.io.AtomicFiles.writeString(json, Json.write(m));
        }
        return GaeCommand.OK;
    }
}
