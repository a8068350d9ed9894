// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.cli.progress;

import io.github.gae4j.runtime.train.EpochStats;
import io.github.gae4j.runtime.train.TrainingListener;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Shows training progress: a redrawn bar with epoch, loss, validation AUC and ETA on a terminal,
 * or a plain line every tenth of the run where output is a file or a CI log. ETA is the mean wall
 * time per epoch so far (evaluation included) times the epochs left.
 */
public final class ProgressListener implements TrainingListener {

    private static final int BAR_WIDTH = 24;

    private final PrintWriter out;
    private final ProgressMode mode;
    private final int totalEpochs;
    private final int lineEvery;
    private final LongSupplier clock;
    private long startNanos = -1;
    private int firstEpoch = -1;
    private double bestAuc = Double.NaN;
    private boolean barOpen;
    private String lastBar = "";

    public ProgressListener(PrintWriter out, ProgressMode mode, int totalEpochs) {
        this(out, mode, totalEpochs, System::nanoTime);
    }

    ProgressListener(PrintWriter out, ProgressMode mode, int totalEpochs, LongSupplier clock) {
        if (mode == ProgressMode.AUTO) {
            throw new IllegalArgumentException("Resolve AUTO before creating the listener");
        }
        this.out = out;
        this.mode = mode;
        this.totalEpochs = totalEpochs;
        this.lineEvery = Math.max(1, totalEpochs / 10);
        this.clock = clock;
    }

    @Override
    public void onEpoch(EpochStats s) {
        if (startNanos < 0) {
            startNanos = clock.getAsLong();
            firstEpoch = s.epoch();
        }
        if (!Double.isNaN(s.valAuc()) && !(s.valAuc() <= bestAuc)) {
            bestAuc = s.valAuc();
        }
        switch (mode) {
            case BAR -> bar(s);
            case LINES -> {
                if (s.epoch() % lineEvery == 0 || s.epoch() == firstEpoch || s.epoch() == totalEpochs) {
                    out.println(line(s));
                    out.flush();
                }
            }
            default -> {}
        }
    }

    /**
     * Prints {@code line} (a warning) on a line of its own without breaking the bar: the bar is wiped, the line
     * printed, and the bar drawn again below it. Printed in every mode, {@code none} included: it is not progress.
     */
    public void interject(String line) {
        if (barOpen) {
            out.print("\r" + " ".repeat(lastBar.length()) + "\r");
            out.println(line);
            out.print(lastBar);
        } else {
            out.println(line);
        }
        out.flush();
    }

    /** Ends the bar's line so that what follows starts on its own line. */
    public void finish() {
        if (barOpen) {
            out.println();
            out.flush();
            barOpen = false;
        }
    }

    private void bar(EpochStats s) {
        int filled = (int) Math.round(BAR_WIDTH * (double) s.epoch() / totalEpochs);
        String bar = "#".repeat(filled) + "-".repeat(BAR_WIDTH - filled);
        lastBar = String.format(Locale.ROOT, "[%s] %s", bar, line(s)) + "   ";
        out.print("\r" + lastBar);
        out.flush();
        barOpen = true;
    }

    String line(EpochStats s) {
        return String.format(
                Locale.ROOT,
                "epoch %d/%d  loss %.4f  val AUC %s  best %s  %s",
                s.epoch(),
                totalEpochs,
                s.loss(),
                auc(s.valAuc()),
                auc(bestAuc),
                eta(s.epoch()));
    }

    private static String auc(double v) {
        return Double.isNaN(v) ? "  -   " : String.format(Locale.ROOT, "%.4f", v);
    }

    private String eta(int epoch) {
        int done = epoch - firstEpoch + 1;
        double perEpoch = (clock.getAsLong() - startNanos) / 1e9 / Math.max(1, done - 1);
        if (done < 2) {
            return "ETA  -";
        }
        return "ETA " + duration(perEpoch * (totalEpochs - epoch));
    }

    static String duration(double seconds) {
        long s = Math.round(seconds);
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
        }
        return String.format(Locale.ROOT, "%dh%02dm", s / 3600, (s % 3600) / 60);
    }
}
