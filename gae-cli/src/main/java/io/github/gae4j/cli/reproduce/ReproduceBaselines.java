// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.cli.reproduce;

import io.github.gae4j.core.graph.Graph;
import io.github.gae4j.core.graph.LinkSplit;
import io.github.gae4j.core.parallel.Parallelism;
import io.github.gae4j.runtime.baselines.BaselineReport;
import io.github.gae4j.runtime.baselines.LinkHeuristic;
import io.github.gae4j.runtime.baselines.LinkHeuristics;
import io.github.gae4j.runtime.metrics.Stats;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The best link heuristic of each dataset beside {@link Reproduce}'s table: on the test pairs of the
 * same splits the model rows were scored on (one per seed, drawn by {@link LinkSplit#of(Graph, long)}
 * exactly as the rows draw them), so the table's own numbers stay as they are and the heuristic comes
 * as extra lines under it.
 */
final class ReproduceBaselines {

    /** One dataset: every heuristic's test AUC and AP per seed. */
    record Row(String dataset, Map<LinkHeuristic, double[]> auc, Map<LinkHeuristic, double[]> ap) {

        /** The heuristic with the highest mean AUC over the seeds (ties: enum order). */
        LinkHeuristic best() {
            LinkHeuristic best = null;
            for (LinkHeuristic h : LinkHeuristic.values()) {
                if (best == null || Stats.mean(auc.get(h)) > Stats.mean(auc.get(best))) {
                    best = h;
                }
            }
            return best;
        }
    }

    private ReproduceBaselines() {}

    /** The heuristics on the test pairs of {@code LinkSplit.of(graph, s)} for every seed s of the plan. */
    static Row of(String dataset, Graph graph, Reproduce.Plan plan, Parallelism parallelism) {
        Map<LinkHeuristic, double[]> auc = new EnumMap<>(LinkHeuristic.class);
        Map<LinkHeuristic, double[]> ap = new EnumMap<>(LinkHeuristic.class);
        for (LinkHeuristic h : LinkHeuristic.values()) {
            auc.put(h, new double[plan.seeds()]);
            ap.put(h, new double[plan.seeds()]);
        }
        for (int k = 0; k < plan.seeds(); k++) {
            BaselineReport r = LinkHeuristics.evaluate(LinkSplit.of(graph, plan.firstSeed() + k), parallelism);
            for (LinkHeuristic h : LinkHeuristic.values()) {
                auc.get(h)[k] = r.get(h).auc();
                ap.get(h)[k] = r.get(h).ap();
            }
        }
        return new Row(dataset, auc, ap);
    }

    /**
     * One line per dataset under the table: the best heuristic's AUC and AP (mean ± std over the seeds)
     * and each model row's lead over it, in points of the means.
     */
    static void print(List<Row> rows, List<Reproduce.Cell> cells, PrintStream out) {
        if (rows.isEmpty()) {
            return;
        }
        out.println("Best link heuristic on the same test pairs (of common neighbours, Adamic-Adar, resource"
                + " allocation, preferential attachment, truncated Katz; training graph only, same seeds):");
        for (Row row : rows) {
            LinkHeuristic best = row.best();
            List<String> leads = new ArrayList<>();
            for (Reproduce.Cell c : cells) {
                if (c.dataset().equals(row.dataset()) && c.auc().length > 0) {
                    leads.add(String.format(
                            Locale.ROOT,
                            "%s %+.1f/%+.1f",
                            c.model(),
                            100 * (Stats.mean(c.auc()) - Stats.mean(row.auc().get(best))),
                            100 * (Stats.mean(c.ap()) - Stats.mean(row.ap().get(best)))));
                }
            }
            out.printf(
                    Locale.ROOT,
                    "%-9s %-23s %14s %14s   model lead AUC/AP pts: %s%n",
                    row.dataset(),
                    best.label(),
                    Reproduce.pm(row.auc().get(best)),
                    Reproduce.pm(row.ap().get(best)),
                    leads.isEmpty() ? "—" : leads.stream().collect(Collectors.joining(", ")));
        }
    }
}
