// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.cli.tune;

import io.github.gae4j.runtime.metrics.LinkScores;
import io.github.gae4j.runtime.tune.Recipe;
import io.github.gae4j.runtime.tune.SkippedTrial;
import io.github.gae4j.runtime.tune.TrialResult;
import io.github.gae4j.runtime.tune.TuneResult;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The leaderboard of a search as a table for the terminal and as {@code leaderboard.csv}. */
public final class Leaderboard {

    /** The CSV's header line. */
    public static final String CSV_HEADER = "rank,kind,recipe,stage,trial,features,model,loss,learning_rate,latent,"
            + "max_epochs,patience,val_auc,val_ap,best_epoch,epochs_done,seconds,failure";

    private Leaderboard() {}

    /** The ranked trials and heuristics, then the diverged trials, then what was skipped. */
    public static void print(PrintWriter out, TuneResult r) {
        List<TuneResult.Row> rows = r.leaderboard();
        int width = Math.max(
                32, rows.stream().mapToInt(row -> label(row).length()).max().orElse(0));
        out.printf(
                Locale.ROOT,
                "%4s  %-" + width + "s  %-6s  %7s  %7s  %8s  %7s%n",
                "rank",
                "recipe",
                "stage",
                "val AUC",
                "val AP",
                "epochs",
                "time");
        for (TuneResult.Row row : rows) {
            String rank = row.rank() == 0 ? "-" : Integer.toString(row.rank());
            if (row.trial().isPresent()) {
                TrialResult t = row.trial().get();
                String epochs = t.succeeded() ? t.bestEpoch() + "/" + t.epochsDone() : "diverged";
                out.printf(
                        Locale.ROOT,
                        "%4s  %-" + width + "s  %-6s  %7s  %7s  %8s  %6.1fs%n",
                        rank,
                        label(row),
                        t.stage().key(),
                        score(t.valAuc()),
                        score(t.valAp()),
                        epochs,
                        t.millis() / 1000.0);
            } else {
                out.printf(
                        Locale.ROOT,
                        "%4s  %-" + width + "s  %-6s  %7s  %7s  %8s  %7s%n",
                        rank,
                        label(row),
                        "-",
                        score(row.valAuc()),
                        score(row.valAp()),
                        "-",
                        "-");
            }
        }
        if (!r.skipped().isEmpty()) {
            out.printf(
                    Locale.ROOT,
                    "skipped %d of %d trials: trial %d (%s) and after: %s%n",
                    r.skipped().size(),
                    r.trials().size() + r.skipped().size(),
                    r.skipped().get(0).number(),
                    r.skipped().get(0).recipe().label(),
                    r.skipped().get(0).reason());
        }
    }

    /** The winner's and the heuristics' scores on the test pairs, the one look the search takes at them. */
    public static void printTest(PrintWriter out, TuneResult r) {
        if (r.winner().isEmpty() || r.winnerTest().isEmpty()) {
            return;
        }
        TrialResult w = r.winner().get();
        LinkScores wt = r.winnerTest().get();
        out.printf(Locale.ROOT, "test pairs (scored once, after the choice):  AUC     AP%n");
        out.printf(Locale.ROOT, "  %-41s %.4f  %.4f%n", "winner, trial " + w.number(), wt.auc(), wt.ap());
        String bestName = null;
        LinkScores best = null;
        for (Map.Entry<String, LinkScores> e : r.heuristicsTest().entrySet()) {
            out.printf(
                    Locale.ROOT,
                    "  %-41s %.4f  %.4f%n",
                    e.getKey(),
                    e.getValue().auc(),
                    e.getValue().ap());
            if (best == null || e.getValue().auc() > best.auc()) {
                best = e.getValue();
                bestName = e.getKey();
            }
        }
        if (best != null) {
            out.printf(
                    Locale.ROOT,
                    "winner vs the best heuristic (%s): %s AUC points, %s AP points%n",
                    bestName,
                    points(wt.auc() - best.auc()),
                    points(wt.ap() - best.ap()));
        }
    }

    /** {@code leaderboard.csv}: every row of the leaderboard, then the skipped trials (rank and scores empty). */
    public static String csv(TuneResult r) {
        StringBuilder b = new StringBuilder(CSV_HEADER).append('\n');
        for (TuneResult.Row row : r.leaderboard()) {
            String rank = row.rank() == 0 ? "" : Integer.toString(row.rank());
            if (row.trial().isPresent()) {
                TrialResult t = row.trial().get();
                b.append(String.join(
                        ",",
                        rank,
                        "trial",
                        quote(t.recipe().label()),
                        t.stage().key(),
                        Integer.toString(t.number()),
                        recipeColumns(t.recipe()),
                        csvNumber(t.valAuc()),
                        csvNumber(t.valAp()),
                        Integer.toString(t.bestEpoch()),
                        Integer.toString(t.epochsDone()),
                        String.format(Locale.ROOT, "%.1f", t.millis() / 1000.0),
                        quote(t.failure().orElse(""))));
            } else {
                b.append(String.join(
                        ",",
                        rank,
                        "heuristic",
                        quote(row.label()),
                        "",
                        "",
                        ",,,,,,",
                        csvNumber(row.valAuc()),
                        csvNumber(row.valAp()),
                        "",
                        "",
                        "",
                        ""));
            }
            b.append('\n');
        }
        for (SkippedTrial s : r.skipped()) {
            b.append(String.join(
                            ",",
                            "",
                            "skipped",
                            quote(s.recipe().label()),
                            s.stage().key(),
                            Integer.toString(s.number()),
                            recipeColumns(s.recipe()),
                            "",
                            "",
                            "",
                            "",
                            "",
                            quote(s.reason())))
                    .append('\n');
        }
        return b.toString();
    }

    private static String label(TuneResult.Row row) {
        return row.isHeuristic()
                ? row.label() + " (heuristic)"
                : "#" + row.trial().get().number() + " " + row.label();
    }

    private static String recipeColumns(Recipe r) {
        return String.join(
                ",",
                r.features().key(),
                r.model().key(),
                r.loss().pluginName(),
                Double.toString(r.learningRate()),
                Integer.toString(r.latent()),
                Integer.toString(r.epochs()),
                Integer.toString(r.patience()));
    }

    private static String score(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.4f", v);
    }

    private static String csvNumber(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.6f", v);
    }

    private static String points(double delta) {
        String s = String.format(Locale.ROOT, "%+.1f", 100 * delta);
        return s.equals("-0.0") ? "+0.0" : s;
    }

    private static String quote(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"").replace('\n', ' ') + '"';
    }
}
