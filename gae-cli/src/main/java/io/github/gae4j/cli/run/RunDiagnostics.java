// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.cli.run;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.gae4j.core.graph.LinkSplit;
import io.github.gae4j.core.parallel.Parallelism;
import io.github.gae4j.runtime.baselines.BaselineReport;
import io.github.gae4j.runtime.baselines.HeuristicScore;
import io.github.gae4j.runtime.diagnostics.Baseline;
import io.github.gae4j.runtime.diagnostics.DiagnosticThresholds;
import io.github.gae4j.runtime.diagnostics.TrainingDiagnostics;
import io.github.gae4j.runtime.diagnostics.Warning;
import io.github.gae4j.runtime.model.GraphAutoencoder;
import io.github.gae4j.runtime.train.EpochStats;
import io.github.gae4j.runtime.train.TrainerConfig;
import io.github.gae4j.runtime.train.TrainingResult;
import java.io.PrintWriter;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * {@code gae train}'s side of {@link TrainingDiagnostics}: warnings printed as they come (through the progress
 * output, so a bar is not broken), again in the summary, and as {@code "warnings"} in run.json.
 */
public final class RunDiagnostics {

    private final TrainingDiagnostics diagnostics;

    private RunDiagnostics(TrainingDiagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    /**
     * Diagnostics for {@code model} trained on {@code split} with {@code training}, looking at the encoder on
     * {@code parallelism}'s threads and printing each warning through {@code print} as it is raised;
     * {@code earlier} is the history of the session a resumed run continues (empty for a fresh run).
     */
    public static RunDiagnostics of(
            TrainerConfig training,
            GraphAutoencoder model,
            LinkSplit split,
            Parallelism parallelism,
            List<EpochStats> earlier,
            Consumer<String> print) {
        Set<String> advised = new HashSet<>();
        TrainingDiagnostics d = TrainingDiagnostics.of(
                DiagnosticThresholds.defaults(),
                training,
                model,
                split,
                parallelism,
                w -> print.accept(line(w, advised)));
        d.replay(earlier);
        return new RunDiagnostics(d);
    }

    /** The listener to give the trainer. */
    public TrainingDiagnostics listener() {
        return diagnostics;
    }

    /** The end-of-run checks: the best epoch, the final model, and the best heuristic where there is one. */
    public List<Warning> finish(TrainingResult result, double testAuc, Optional<Baseline> bestHeuristic) {
        diagnostics.finish(result);
        diagnostics.compareWithBaseline(testAuc, bestHeuristic);
        return diagnostics.warnings();
    }

    public List<Warning> warnings() {
        return diagnostics.warnings();
    }

    /** The best heuristic of a baseline report, as the diagnostics compare with it. */
    public static Baseline bestHeuristic(BaselineReport report) {
        HeuristicScore best = report.best();
        return new Baseline(best.heuristic().label(), best.auc());
    }

    /**
     * "warning [loss-spike] The training loss jumped ... Try ...", the advice left out when {@code advised} holds
     * it already (the warnings of one collapse tend to share it); adds it there.
     */
    static String line(Warning w, Set<String> advised) {
        boolean fresh = advised.add(w.advice());
        return "warning [" + w.code() + "] " + (fresh ? w.text() : w.message());
    }

    /** The warnings again, after the scores, so they are not lost in the progress output; each advice once. */
    public static void printSummary(PrintWriter out, List<Warning> warnings) {
        if (warnings.isEmpty()) {
            return;
        }
        out.println(warnings.size() == 1 ? "1 warning:" : warnings.size() + " warnings:");
        Set<String> advised = new HashSet<>();
        for (Warning w : warnings) {
            out.println("  " + line(w, advised));
        }
    }

    /** Adds {@code "warnings": [{code, epoch, message, advice}, ...]} to a run.json tree (empty when none). */
    public static void writeJson(ObjectNode json, List<Warning> warnings) {
        ArrayNode array = json.putArray("warnings");
        for (Warning w : warnings) {
            array.addObject()
                    .put("code", w.code())
                    .put("epoch", w.epoch())
                    .put("message", w.message())
                    .put("advice", w.advice());
        }
    }
}
