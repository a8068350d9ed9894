// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.cli.run;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.gae4j.runtime.baselines.BaselineReport;
import io.github.gae4j.runtime.baselines.HeuristicScore;
import io.github.gae4j.runtime.files.Json;
import io.github.gae4j.runtime.metrics.LinkScores;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The link heuristics beside a model's test score, as train and eval print them, as run.json records them
 * ("baselines") and as the report's summary lists them.
 */
public final class BaselineTable {

    private BaselineTable() {}

    /**
     * The model's row, each heuristic's, and the lead over the best in points:
     * <pre>
     * baselines on the same test pairs (training graph only, 210 ms):
     *   model                    AUC 0.9124  AP 0.9201
     *   common neighbours        AUC 0.7300  AP 0.7301
     *   ...
     * model vs best heuristic (Adamic-Adar): AUC +2.3 pts, AP −1.1 pts
     * </pre>
     */
    public static void print(PrintWriter out, LinkScores model, BaselineReport baselines) {
        long ms = baselines.elapsedMillis();
        out.printf(
                Locale.ROOT,
                "baselines on the same test pairs (training graph only, %s):%n",
                ms < 1000 ? ms + " ms" : String.format(Locale.ROOT, "%.1f s", ms / 1000.0));
        out.printf(Locale.ROOT, "  %-24s AUC %.4f  AP %.4f%n", "model", model.auc(), model.ap());
        HeuristicScore best = baselines.best();
        for (HeuristicScore h : baselines.heuristics()) {
            out.printf(
                    Locale.ROOT,
                    "  %-24s AUC %.4f  AP %.4f%s%n",
                    h.heuristic().label(),
                    h.auc(),
                    h.ap(),
                    h.heuristic() == best.heuristic() ? "  (best)" : "");
        }
        out.println(leadLine(model, baselines));
        out.flush();
    }

    /** "model vs best heuristic (Adamic-Adar): AUC +2.3 pts, AP −1.1 pts". */
    public static String leadLine(LinkScores model, BaselineReport baselines) {
        BaselineReport.Lead lead = baselines.leadOf(model);
        return String.format(
                Locale.ROOT,
                "model vs best heuristic (%s): AUC %s pts, AP %s pts%s",
                lead.against().label(),
                BaselineReport.Lead.points(lead.aucPoints()),
                BaselineReport.Lead.points(lead.apPoints()),
                lead.behind() ? "  -- the model is below a heuristic that needs no training" : "");
    }

    /** The "baselines" object of run.json (and eval --json). */
    public static ObjectNode json(LinkScores model, BaselineReport baselines) {
        ObjectNode json = Json.object();
        json.put("katz-beta", baselines.katzBeta());
        json.put("ms", baselines.elapsedMillis());
        json.put("test-positives", baselines.heuristics().get(0).positiveScores().length);
        json.put("test-negatives", baselines.heuristics().get(0).negativeScores().length);
        ObjectNode heuristics = json.putObject("heuristics");
        for (HeuristicScore h : baselines.heuristics()) {
            heuristics
                    .putObject(h.heuristic().key())
                    .put("name", h.heuristic().label())
                    .put("auc", h.auc())
                    .put("ap", h.ap());
        }
        BaselineReport.Lead lead = baselines.leadOf(model);
        json.put("best", lead.against().key());
        json.put("model-lead-auc-points", lead.aucPoints());
        json.put("model-lead-ap-points", lead.apPoints());
        return json;
    }

    /** Summary rows of the report: one per heuristic, then the model's lead over the best. */
    public static Map<String, String> summary(LinkScores model, BaselineReport baselines) {
        Map<String, String> rows = new LinkedHashMap<>();
        HeuristicScore best = baselines.best();
        for (HeuristicScore h : baselines.heuristics()) {
            rows.put(
                    "baseline: " + h.heuristic().label(),
                    String.format(
                            Locale.ROOT,
                            "AUC %.4f  AP %.4f%s",
                            h.auc(),
                            h.ap(),
                            h.heuristic() == best.heuristic() ? " (best)" : ""));
        }
        BaselineReport.Lead lead = baselines.leadOf(model);
        rows.put(
                "model vs best heuristic",
                String.format(
                        Locale.ROOT,
                        "AUC %s pts, AP %s pts (%s)",
                        BaselineReport.Lead.points(lead.aucPoints()),
                        BaselineReport.Lead.points(lead.apPoints()),
                        lead.against().label()));
        return rows;
    }
}
