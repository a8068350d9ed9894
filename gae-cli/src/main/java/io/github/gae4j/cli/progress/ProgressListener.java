// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.cli.progress;

import io.github.gae4j.runtime.train.BatchStats;
import io.github.gae4j.runtime.train.EpochStats;
import io.github.gae4j.runtime.train.TrainingListener;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Shows training progress: a redrawn bar with epoch, loss, validation AUC and ETA on a terminal,
 * or a plain line every tenth of the run where output is a file or a CI log. ETA is the mean wall
 * time per epoch so far (evaluation included) times the epochs left.
 *
 * <p>In mini-batch training the bar also shows the batch within the epoch and the epoch's running loss (the mean of
 * its batches so far), redrawn at most ten times a second; in line mode a batch line is printed at most every
 * {@value #BATCH_LINE_SECONDS} seconds, so a long epoch on a large graph still shows it is moving.
 */
public final class ProgressListener implements TrainingListener {

    private static final int BAR_WIDTH = 24;
    private static final long BAR_REDRAW_NANOS = 100_000_000L;
    static final int BATCH_LINE_SECONDS = 5;

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
    private double batchLossSum;
    private long batchStartNanos = -1;
    private double batchStartEpochs;
    private long lastBatchShown;

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

    /** One mini-batch step: the bar redrawn or a line printed when the last was long enough ago. */
    @Override
    public void onBatch(BatchStats s) {
        batchLossSum = s.batch() == 1 ? s.loss() : batchLossSum + s.loss();
        long now = clock.getAsLong();
        double epochsDone = s.epoch() - 1 + (double) s.batch() / s.batches();
        if (batchStartNanos < 0) {
            batchStartNanos = now;
            batchStartEpochs = epochsDone;
            lastBatchShown = now;
        }
        if (s.batch() == s.batches()) {
            return; // the epoch's own line follows at once
        }
        switch (mode) {
            case BAR -> {
                if (now - lastBatchShown >= BAR_REDRAW_NANOS || !barOpen) {
                    lastBatchShown = now;
                    draw(epochsDone, batchLine(s, now, epochsDone));
                }
            }
            case LINES -> {
                if (now - lastBatchShown >= BATCH_LINE_SECONDS * 1_000_000_000L) {
                    lastBatchShown = now;
                    out.println(batchLine(s, now, epochsDone));
                    out.flush();
                }
            }
            default -> {}
        }
    }

    String batchLine(BatchStats s, long now, double epochsDone) {
        double rate = (now - batchStartNanos) / 1e9 / Math.max(1e-9, epochsDone - batchStartEpochs);
        String eta = now == batchStartNanos ? "ETA  -" : "ETA " + duration(rate * (totalEpochs - epochsDone));
        return String.format(
                Locale.ROOT,
                "epoch %d/%d  batch %d/%d  loss %.4f  best %s  %s",
                s.epoch(),
                totalEpochs,
                s.batch(),
                s.batches(),
                batchLossSum / s.batch(),
                auc(bestAuc),
                eta);
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
        draw(s.epoch(), line(s));
    }

    /** The bar filled to {@code epochs} of the run, then {@code text}; blanks wipe a longer previous line. */
    private void draw(double epochs, String text) {
        int filled = (int) Math.round(BAR_WIDTH * epochs / totalEpochs);
        String bar = "#".repeat(filled) + "-".repeat(BAR_WIDTH - filled);
        String next = String.format(Locale.ROOT, "[%s] %s", bar, text) + "   ";
        String wipe = " ".repeat(Math.max(0, lastBar.length() - next.length()));
        lastBar = next;
        out.print("\r" + lastBar + wipe);
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
