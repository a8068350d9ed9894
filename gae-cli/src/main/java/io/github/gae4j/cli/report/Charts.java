// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.cli.report;

import io.github.gae4j.runtime.train.EpochStats;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The report's JFreeChart charts, styled here rather than through a global chart theme so that nothing
 * outside the chart objects changes. Rendering goes to an in-memory image, which works headless.
 */
final class Charts {

    static final int LINE_WIDTH = 800;
    static final int LINE_HEIGHT = 500;
    static final int CURVE_SIZE = 600;
    static final int SCATTER_SIZE = 700;

    /** Above this many classes a legend would crowd out the plot. */
    static final int MAX_LEGEND_CLASSES = 20;

    private static final String FONT = Font.SANS_SERIF;
    private static final Color GRID = new Color(0xDD, 0xDD, 0xDD);
    private static final Color REFERENCE = new Color(0x88, 0x88, 0x88);
    private static final Color UNLABELLED = new Color(0xB0, 0xB0, 0xB0, 150);
    private static final Color BLUE = new Color(0x1F, 0x77, 0xB4);
    private static final Color ORANGE = new Color(0xFF, 0x7F, 0x0E);
    /** matplotlib's tab10 without its grey, which unlabelled nodes use; more classes get golden-angle hues. */
    private static final int[] PALETTE = {
        0x1F77B4, 0xFF7F0E, 0x2CA02C, 0xD62728, 0x9467BD, 0x8C564B, 0xE377C2, 0xBCBD22, 0x17BECF, 0x393B79,
    };

    private static final Stroke LINE = new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    private static final Stroke THIN = new BasicStroke(1.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    private static final Stroke DASHED =
            new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f);

    private Charts() {}

    /** A series key shown as its label; distinct even when two class names are equal. */
    private record SeriesKey(int order, String label) implements Comparable<SeriesKey> {

        @Override
        public int compareTo(SeriesKey other) {
            return Integer.compare(order, other.order);
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** Training loss per epoch; non-finite losses are left out. */
    static JFreeChart loss(List<EpochStats> history, int bestEpoch) {
        XYSeries loss = new XYSeries("training loss", false, true);
        for (EpochStats e : history) {
            if (Double.isFinite(e.loss())) {
                loss.add(e.epoch(), e.loss(), false);
            }
        }
        XYLineAndShapeRenderer renderer = lines(loss.getItemCount() <= 60);
        renderer.setSeriesPaint(0, BLUE);
        XYPlot plot = plot(new XYSeriesCollection(loss), epochAxis(), axis("loss"), renderer);
        // Loss falls, so the top of the plot is usually empty.
        markBestEpoch(plot, bestEpoch, true);
        return chart("Training loss", plot, false);
    }

    /** Validation ROC-AUC and AP on the epochs that were validated (NaN epochs skipped). */
    static JFreeChart validation(List<EpochStats> history, int bestEpoch) {
        XYSeries auc = new XYSeries("validation ROC-AUC", false, true);
        XYSeries ap = new XYSeries("validation AP", false, true);
        for (EpochStats e : history) {
            if (Double.isFinite(e.valAuc())) {
                auc.add(e.epoch(), e.valAuc(), false);
            }
            if (Double.isFinite(e.valAp())) {
                ap.add(e.epoch(), e.valAp(), false);
            }
        }
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(auc);
        data.addSeries(ap);
        XYLineAndShapeRenderer renderer = lines(Math.max(auc.getItemCount(), ap.getItemCount()) <= 60);
        renderer.setSeriesPaint(0, BLUE);
        renderer.setSeriesPaint(1, ORANGE);
        XYPlot plot = plot(data, epochAxis(), axis("score"), renderer);
        // Scores rise, so the bottom of the plot is usually empty.
        markBestEpoch(plot, bestEpoch, false);
        return chart("Validation ROC-AUC and average precision", plot, true);
    }

    /** A heuristic's curve drawn beside the model's: its name and AUC or AP go into the legend. */
    record Baseline<C>(String name, double score, C curve) {}

    /** The ROC curve with the chance diagonal; the AUC goes into the legend. */
    static JFreeChart roc(Curves.Roc roc, double auc) {
        return roc(roc, auc, List.of());
    }

    /** The model's ROC curve, the chance diagonal, and thinner curves of the baselines. */
    static JFreeChart roc(Curves.Roc roc, double auc, List<Baseline<Curves.Roc>> baselines) {
        String prefix = baselines.isEmpty() ? "ROC" : "model";
        XYSeries curve = rocSeries(String.format(Locale.ROOT, "%s (AUC = %.4f)", prefix, auc), roc);
        XYSeries chance = new XYSeries("random scorer", false, true);
        chance.add(0, 0, false);
        chance.add(1, 1, false);
        List<XYSeries> extra = baselines.stream()
                .map(b -> rocSeries(String.format(Locale.ROOT, "%s (AUC = %.4f)", b.name(), b.score()), b.curve()))
                .toList();
        return unitSquare(
                "ROC curve on the test edges", "false positive rate", "true positive rate", curve, chance, extra);
    }

    private static XYSeries rocSeries(String name, Curves.Roc roc) {
        XYSeries curve = new XYSeries(name, false, true);
        for (int k = 0; k < roc.fpr().length; k++) {
            curve.add(roc.fpr()[k], roc.tpr()[k], false);
        }
        return curve;
    }

    /**
     * The precision-recall curve drawn as right steps (precision P_k on (R_{k−1}, R_k]), so its area
     * is the AP in the legend; the positive rate is a random scorer's precision.
     */
    static JFreeChart precisionRecall(Curves.PrecisionRecall pr, double ap, double positiveRate) {
        return precisionRecall(pr, ap, positiveRate, List.of());
    }

    /** The model's precision-recall curve, a random scorer's, and thinner curves of the baselines. */
    static JFreeChart precisionRecall(
            Curves.PrecisionRecall pr,
            double ap,
            double positiveRate,
            List<Baseline<Curves.PrecisionRecall>> baselines) {
        String prefix = baselines.isEmpty() ? "precision-recall" : "model";
        XYSeries curve = prSeries(String.format(Locale.ROOT, "%s (AP = %.4f)", prefix, ap), pr);
        XYSeries chance = new XYSeries(
                String.format(Locale.ROOT, "random scorer (positive rate %.3f)", positiveRate), false, true);
        chance.add(0, positiveRate, false);
        chance.add(1, positiveRate, false);
        List<XYSeries> extra = baselines.stream()
                .map(b -> prSeries(String.format(Locale.ROOT, "%s (AP = %.4f)", b.name(), b.score()), b.curve()))
                .toList();
        return unitSquare("Precision-recall curve on the test edges", "recall", "precision", curve, chance, extra);
    }

    private static XYSeries prSeries(String name, Curves.PrecisionRecall pr) {
        XYSeries curve = new XYSeries(name, false, true);
        double previousRecall = 0;
        for (int k = 0; k < pr.recall().length; k++) {
            curve.add(previousRecall, pr.precision()[k], false);
            curve.add(pr.recall()[k], pr.precision()[k], false);
            previousRecall = pr.recall()[k];
        }
        return curve;
    }

    /**
     * A 2-D scatter of points (n×2 row-major). With {@code classes} (one per point, −1 unlabelled)
     * each class present gets its own colour and legend entry and unlabelled points are grey and drawn
     * behind; without, all points share one colour.
     */
    static JFreeChart scatter(
            String title, String xLabel, String yLabel, double[] xy, int[] classes, List<String> classNames) {
        int n = xy.length / 2;
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(false, true);
        Shape dot = new Ellipse2D.Double(-2.5, -2.5, 5, 5);
        Shape legendDot = new Ellipse2D.Double(-5, -5, 10, 10);
        boolean legend = false;
        if (classes == null) {
            XYSeries all = new XYSeries("nodes", false, true);
            for (int i = 0; i < n; i++) {
                all.add(xy[2 * i], xy[2 * i + 1], false);
            }
            data.addSeries(all);
            renderer.setSeriesPaint(0, withAlpha(BLUE, 170));
        } else {
            int classCount = classNames.size();
            for (int c : classes) {
                classCount = Math.max(classCount, c + 1);
            }
            XYSeries[] byClass = new XYSeries[classCount];
            XYSeries unlabelled = new XYSeries(new SeriesKey(-1, "unlabelled"), false, true);
            for (int i = 0; i < n; i++) {
                int c = classes[i];
                if (c < 0) {
                    unlabelled.add(xy[2 * i], xy[2 * i + 1], false);
                    continue;
                }
                if (byClass[c] == null) {
                    byClass[c] = new XYSeries(new SeriesKey(c, className(classNames, c)), false, true);
                }
                byClass[c].add(xy[2 * i], xy[2 * i + 1], false);
            }
            int classesShown = 0;
            for (int c = 0; c < classCount; c++) {
                if (byClass[c] != null) {
                    renderer.setSeriesPaint(data.getSeriesCount(), withAlpha(classColour(c), 190));
                    data.addSeries(byClass[c]);
                    classesShown++;
                }
            }
            if (unlabelled.getItemCount() > 0) {
                renderer.setSeriesPaint(data.getSeriesCount(), UNLABELLED);
                data.addSeries(unlabelled);
            }
            legend = classesShown <= MAX_LEGEND_CLASSES;
        }
        for (int s = 0; s < data.getSeriesCount(); s++) {
            renderer.setSeriesShape(s, dot);
            renderer.setLegendShape(s, legendDot);
        }
        // The plot's default (reverse) rendering order draws the last series, unlabelled nodes, first.
        XYPlot plot = plot(data, axis(xLabel), axis(yLabel), renderer);
        return chart(title, plot, legend);
    }

    /** Legend and caption name of class c: its given name, or "class c". */
    static String className(List<String> classNames, int c) {
        return c < classNames.size() ? classNames.get(c) : "class " + c;
    }

    /** The chart as PNG bytes of the given pixel size. */
    static byte[] png(JFreeChart chart, int width, int height) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ChartUtils.writeChartAsPNG(out, chart, width, height);
        return out.toByteArray();
    }

    /**
     * The main curve (blue, drawn on top), a dashed reference, and thinner extra curves in the palette's
     * other colours (the baselines).
     */
    private static JFreeChart unitSquare(
            String title, String xLabel, String yLabel, XYSeries curve, XYSeries reference, List<XYSeries> extra) {
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(curve);
        data.addSeries(reference);
        extra.forEach(data::addSeries);
        XYLineAndShapeRenderer renderer = lines(false);
        renderer.setSeriesPaint(0, BLUE);
        renderer.setSeriesPaint(1, REFERENCE);
        renderer.setSeriesStroke(1, DASHED);
        for (int k = 0; k < extra.size(); k++) {
            renderer.setSeriesPaint(2 + k, classColour(1 + k));
            renderer.setSeriesStroke(2 + k, THIN);
        }
        NumberAxis x = unitAxis(xLabel);
        NumberAxis y = unitAxis(yLabel);
        return chart(title, plot(data, x, y, renderer), true);
    }

    private static NumberAxis unitAxis(String label) {
        NumberAxis axis = axis(label);
        // A little room past 0 and 1 so curves along the border stay visible.
        axis.setRange(-0.02, 1.02);
        axis.setTickUnit(new NumberTickUnit(0.2));
        return axis;
    }

    private static NumberAxis epochAxis() {
        NumberAxis axis = axis("epoch");
        axis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        return axis;
    }

    private static NumberAxis axis(String label) {
        NumberAxis axis = new NumberAxis(label);
        axis.setAutoRangeIncludesZero(false);
        axis.setLabelFont(new Font(FONT, Font.PLAIN, 14));
        axis.setTickLabelFont(new Font(FONT, Font.PLAIN, 12));
        axis.setTickLabelPaint(Color.DARK_GRAY);
        axis.setLabelPaint(Color.DARK_GRAY);
        return axis;
    }

    private static XYLineAndShapeRenderer lines(boolean shapes) {
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, shapes);
        renderer.setDefaultStroke(LINE);
        renderer.setAutoPopulateSeriesStroke(false);
        renderer.setDefaultShape(new Ellipse2D.Double(-3, -3, 6, 6));
        renderer.setAutoPopulateSeriesShape(false);
        return renderer;
    }

    private static XYPlot plot(XYSeriesCollection data, NumberAxis x, NumberAxis y, XYLineAndShapeRenderer renderer) {
        XYPlot plot = new XYPlot(data, x, y, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(GRID);
        plot.setRangeGridlinePaint(GRID);
        plot.setDomainGridlineStroke(new BasicStroke(1f));
        plot.setRangeGridlineStroke(new BasicStroke(1f));
        plot.setOutlinePaint(REFERENCE);
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        return plot;
    }

    private static void markBestEpoch(XYPlot plot, int bestEpoch, boolean labelAtTop) {
        if (bestEpoch <= 0) {
            return;
        }
        ValueMarker marker = new ValueMarker(bestEpoch, REFERENCE, DASHED);
        marker.setLabel("best epoch " + bestEpoch);
        marker.setLabelFont(new Font(FONT, Font.PLAIN, 12));
        marker.setLabelPaint(Color.DARK_GRAY);
        marker.setLabelBackgroundColor(new Color(255, 255, 255, 220));
        marker.setLabelAnchor(labelAtTop ? RectangleAnchor.TOP_LEFT : RectangleAnchor.BOTTOM_LEFT);
        marker.setLabelTextAnchor(labelAtTop ? TextAnchor.TOP_RIGHT : TextAnchor.BOTTOM_RIGHT);
        marker.setLabelOffset(new RectangleInsets(6, 6, 6, 6));
        plot.addDomainMarker(marker);
    }

    private static JFreeChart chart(String title, XYPlot plot, boolean legend) {
        JFreeChart chart = new JFreeChart(title, new Font(FONT, Font.BOLD, 17), plot, legend);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setPadding(new RectangleInsets(8, 8, 8, 16));
        LegendTitle legendTitle = chart.getLegend();
        if (legendTitle != null) {
            legendTitle.setItemFont(new Font(FONT, Font.PLAIN, 13));
            legendTitle.setFrame(BlockBorder.NONE);
            legendTitle.setBackgroundPaint(Color.WHITE);
            legendTitle.setPosition(RectangleEdge.BOTTOM);
        }
        return chart;
    }

    private static Color classColour(int c) {
        if (c < PALETTE.length) {
            return new Color(PALETTE[c]);
        }
        // Golden-angle hue steps keep neighbouring class indices far apart on the colour wheel.
        float hue = (float) ((c * 0.618033988749895) % 1.0);
        return Color.getHSBColor(hue, 0.65f, 0.85f);
    }

    private static Paint withAlpha(Color colour, int alpha) {
        return new Color(colour.getRed(), colour.getGreen(), colour.getBlue(), alpha);
    }
}
