// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.cli.report;

import io.github.gae4j.runtime.diagnostics.Warning;
import io.github.gae4j.runtime.train.EpochStats;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The report as one self-contained HTML page: inline CSS, images as data: URIs, no scripts and no
 * external resources, so it opens offline and can be mailed as a single file. Every string that
 * comes from {@link ReportData} is HTML-escaped.
 */
final class HtmlReport {

    /** A titled group of figures. */
    record Section(String heading, List<Figure> figures) {}

    /** The epoch table samples the history down to about this many rows (plus the last and best epochs). */
    static final int EPOCH_ROWS = 23;

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private static final String CSS = """
            body{margin:0;background:#fff;color:#222;\
            font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
            main{max-width:960px;margin:0 auto;padding:24px 20px 40px}
            h1{font-size:1.6em;margin:0 0 .8em}
            h2{font-size:1.2em;margin:2em 0 .6em;padding-bottom:.2em;border-bottom:1px solid #e3e3e3}
            h3{font-size:1em;margin:1.4em 0 .4em}
            table{border-collapse:collapse;font-variant-numeric:tabular-nums}
            th,td{border:1px solid #ddd;padding:4px 10px;text-align:left;vertical-align:top}
            th{background:#f6f6f6;font-weight:600}
            td.num{text-align:right}
            tr.best td{background:#fff4cc}
            figure{margin:.4em 0 1.4em}
            figure img{max-width:100%;height:auto;border:1px solid #eee}
            figcaption{color:#555;font-size:.92em;margin-top:.3em}
            p.note{color:#6b5200;background:#fffbea;border:1px solid #f0e2a8;padding:8px 12px;border-radius:4px}
            pre{background:#f7f7f7;border:1px solid #e3e3e3;padding:12px;overflow:auto;\
            font:13px/1.45 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
            footer{margin-top:3em;padding-top:.8em;border-top:1px solid #eee;color:#777;font-size:.85em}
            """;

    private HtmlReport() {}

    /** The mark of a report gae4j wrote: {@code gae train --force} replaces only a report.html that has it. */
    public static final String GENERATOR = "<meta name=\"generator\" content=\"gae4j\">";

    static String render(ReportData data, List<Section> sections, Instant generated) {
        StringBuilder html = new StringBuilder(1 << 16);
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append(GENERATOR)
                .append('\n') // how a later run tells its own report from a user's
                .append("<title>")
                .append(escape(data.title()))
                .append("</title>\n")
                .append("<style>\n")
                .append(CSS)
                .append("</style>\n</head>\n<body>\n<main>\n")
                .append("<h1>")
                .append(escape(data.title()))
                .append("</h1>\n");
        summary(html, data.summary());
        warnings(html, data.warnings());
        for (Section section : sections) {
            html.append("<h2>").append(escape(section.heading())).append("</h2>\n");
            for (Figure figure : section.figures()) {
                figure(html, figure);
            }
        }
        epochs(html, data.history(), data.bestEpoch());
        html.append("<h2>Model</h2>\n<pre>")
                .append(escape(data.modelJson()))
                .append("</pre>\n")
                .append("<footer>Generated ")
                .append(TIME.format(generated))
                .append(" by gae4j</footer>\n")
                .append("</main>\n</body>\n</html>\n");
        return html.toString();
    }

    /** Escapes the five HTML-significant characters, for text and attribute values alike. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * Every k-th epoch so that about {@link #EPOCH_ROWS} remain, plus the last and the best epoch, in
     * order. When only some epochs were validated the rows are taken from those, so the score columns
     * are not mostly blank.
     */
    static List<EpochStats> epochRows(List<EpochStats> history, int bestEpoch) {
        List<EpochStats> validated = history.stream()
                .filter(e -> Double.isFinite(e.valAuc()) || Double.isFinite(e.valAp()))
                .toList();
        List<EpochStats> candidates = validated.isEmpty() ? history : validated;
        int step = Math.max(1, (candidates.size() + EPOCH_ROWS - 1) / EPOCH_ROWS);
        Set<EpochStats> chosen = new HashSet<>();
        for (int k = 0; k < candidates.size(); k += step) {
            chosen.add(candidates.get(k));
        }
        List<EpochStats> rows = new ArrayList<>();
        for (int k = 0; k < history.size(); k++) {
            EpochStats e = history.get(k);
            if (chosen.contains(e) || k == history.size() - 1 || (bestEpoch > 0 && e.epoch() == bestEpoch)) {
                rows.add(e);
            }
        }
        return rows;
    }

    private static void summary(StringBuilder html, Map<String, String> summary) {
        if (summary.isEmpty()) {
            return;
        }
        html.append("<h2>Summary</h2>\n<table class=\"summary\">\n");
        summary.forEach((key, value) -> html.append("<tr><th scope=\"row\">")
                .append(escape(key))
                .append("</th><td>")
                .append(escape(value))
                .append("</td></tr>\n"));
        html.append("</table>\n");
    }

    /** What the run's diagnostics found, each with what to try, right below the summary. */
    private static void warnings(StringBuilder html, List<Warning> warnings) {
        if (warnings.isEmpty()) {
            return;
        }
        html.append("<h2>Warnings</h2>\n");
        for (Warning w : warnings) {
            html.append("<p class=\"note warning\"><strong>")
                    .append(escape(w.code()))
                    .append("</strong>: ")
                    .append(escape(w.message()));
            if (!w.advice().isEmpty()) {
                html.append("<br>").append(escape(w.advice()));
            }
            html.append("</p>\n");
        }
    }

    private static void figure(StringBuilder html, Figure figure) {
        html.append("<h3>").append(escape(figure.heading())).append("</h3>\n");
        if (figure instanceof Figure.Image image) {
            html.append("<figure>\n<img src=\"data:image/png;base64,")
                    .append(Base64.getEncoder().encodeToString(image.png()))
                    .append("\" width=\"")
                    .append(image.width())
                    .append("\" height=\"")
                    .append(image.height())
                    .append("\" alt=\"")
                    .append(escape(image.heading()))
                    .append("\">\n")
                    .append("<figcaption>")
                    .append(escape(image.caption()))
                    .append("</figcaption>\n</figure>\n");
        } else if (figure instanceof Figure.Skipped skipped) {
            html.append("<p class=\"note\">").append(escape(skipped.reason())).append("</p>\n");
        }
    }

    private static void epochs(StringBuilder html, List<EpochStats> history, int bestEpoch) {
        html.append("<h2>Epochs</h2>\n");
        if (history.isEmpty()) {
            html.append("<p class=\"note\">No training history: no epochs were run.</p>\n");
            return;
        }
        List<EpochStats> rows = epochRows(history, bestEpoch);
        if (rows.size() < history.size()) {
            html.append("<p>")
                    .append(rows.size())
                    .append(" of ")
                    .append(history.size())
                    .append(" epochs")
                    .append(bestEpoch > 0 ? "; the best epoch is highlighted." : ".")
                    .append("</p>\n");
        } else if (bestEpoch > 0) {
            html.append("<p>The best epoch is highlighted.</p>\n");
        }
        html.append("<table class=\"epochs\">\n<tr><th>epoch</th><th>loss</th><th>val ROC-AUC</th>")
                .append("<th>val AP</th><th>train ms</th></tr>\n");
        for (EpochStats e : rows) {
            html.append(bestEpoch > 0 && e.epoch() == bestEpoch ? "<tr class=\"best\">" : "<tr>")
                    .append("<td class=\"num\">")
                    .append(e.epoch())
                    .append("</td>")
                    .append("<td class=\"num\">")
                    .append(number(e.loss(), "%.5f"))
                    .append("</td>")
                    .append("<td class=\"num\">")
                    .append(number(e.valAuc(), "%.4f"))
                    .append("</td>")
                    .append("<td class=\"num\">")
                    .append(number(e.valAp(), "%.4f"))
                    .append("</td>")
                    .append("<td class=\"num\">")
                    .append(number(e.trainMillis(), "%.1f"))
                    .append("</td></tr>\n");
        }
        html.append("</table>\n");
    }

    private static String number(double value, String format) {
        return Double.isNaN(value) ? "&ndash;" : String.format(Locale.ROOT, format, value);
    }
}
