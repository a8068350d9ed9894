// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.cli.progress;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gae4j.runtime.train.BatchStats;
import io.github.gae4j.runtime.train.EpochStats;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

final class ProgressListenerTest {

    private static String run(ProgressMode mode, int epochs) {
        StringWriter text = new StringWriter();
        AtomicLong clock = new AtomicLong();
        ProgressListener p = new ProgressListener(new PrintWriter(text), mode, epochs, clock::get);
        for (int e = 1; e <= epochs; e++) {
            clock.addAndGet(500_000_000L); // half a second per epoch
            p.onEpoch(new EpochStats(e, 1.0 / e, e % 2 == 0 ? 0.5 + e / 1000.0 : Double.NaN, 0.5, 1.0));
        }
        p.finish();
        return text.toString();
    }

    @Test
    void linesModePrintsATenthOfTheEpochsWithEta() {
        String out = run(ProgressMode.LINES, 200);
        assertThat(out.lines()).hasSize(1 + 10); // epoch 1, then every 20th
        assertThat(out).doesNotContain("\r");
        assertThat(out.lines().toList().get(1))
                .isEqualTo("epoch 20/200  loss 0.0500  val AUC 0.5200  best 0.5200  ETA 1m30s");
        assertThat(out.lines().toList().get(10)).contains("epoch 200/200").contains("ETA 0s");
    }

    @Test
    void barModeRedrawsOneLine() {
        String out = run(ProgressMode.BAR, 10);
        assertThat(out.split("\r")).hasSize(11);
        assertThat(out).contains("[############------------] epoch 5/10").endsWith("\n");
        assertThat(out.chars().filter(c -> c == '\n').count()).isEqualTo(1);
    }

    /** A warning during a bar run gets a line of its own above the bar, which is then drawn again. */
    @Test
    void aWarningIsPrintedAboveTheBarAndTheBarDrawnAgain() {
        StringWriter text = new StringWriter();
        ProgressListener p = new ProgressListener(new PrintWriter(text), ProgressMode.BAR, 10, () -> 0L);
        p.onEpoch(new EpochStats(1, 0.7, 0.8, 0.8, 1));
        p.interject("warning [loss-spike] jumped");
        p.onEpoch(new EpochStats(2, 48.6, 0.8, 0.8, 1));
        p.finish();
        String[] lines = text.toString().split("\n");
        assertThat(lines).hasSize(2);
        // The bar is wiped with blanks, the warning printed, the bar put back; the next epoch redraws it.
        assertThat(lines[0])
                .startsWith("\r[##----")
                .endsWith("\rwarning [loss-spike] jumped")
                .contains("\r" + " ".repeat(20));
        assertThat(lines[1]).startsWith("[##----").contains("\r[#####---").contains("epoch 2/10");

        StringWriter plain = new StringWriter();
        ProgressListener none = new ProgressListener(new PrintWriter(plain), ProgressMode.NONE, 10, () -> 0L);
        none.onEpoch(new EpochStats(1, 0.7, 0.8, 0.8, 1));
        none.interject("warning [flat-auc] flat");
        assertThat(plain.toString()).isEqualTo("warning [flat-auc] flat" + System.lineSeparator());
    }

    @Test
    void noneIsSilentAndAutoResolvesByTerminal() {
        assertThat(run(ProgressMode.NONE, 20)).isEmpty();
        assertThat(ProgressMode.AUTO.resolve(true)).isEqualTo(ProgressMode.BAR);
        assertThat(ProgressMode.AUTO.resolve(false)).isEqualTo(ProgressMode.LINES);
        assertThat(ProgressListener.duration(3725)).isEqualTo("1h02m");
    }

    /** Mini-batches: the bar shows batch b/N and the running loss, redrawn at most ten times a second. */
    @Test
    void barModeShowsTheBatchAndTheRunningLossThrottled() {
        StringWriter text = new StringWriter();
        AtomicLong clock = new AtomicLong();
        ProgressListener p = new ProgressListener(new PrintWriter(text), ProgressMode.BAR, 2, clock::get);
        for (int e = 1; e <= 2; e++) {
            for (int b = 1; b <= 40; b++) {
                clock.addAndGet(20_000_000L); // 20 ms a batch: 50 a second, five redraws a second
                p.onBatch(new BatchStats(e, b, 40, b, 20));
            }
            p.onEpoch(new EpochStats(e, 20.5, 0.8, 0.8, 800));
        }
        p.finish();
        String out = text.toString();
        // Per epoch: the first batch, then every fifth (100 ms), then the epoch line; the last batch is not drawn.
        assertThat(out.split("\r")).hasSize(1 + 2 * (1 + 7 + 1));
        assertThat(out).contains("epoch 1/2  batch 1/40  loss 1.0000  best   -   ");
        // Batch 6 of 40: (1 + ... + 6) / 6 = 3.5; 6/40 of the first of two epochs fills 2 of 24 characters.
        assertThat(out).contains("[##----------------------] epoch 1/2  batch 6/40  loss 3.5000");
        assertThat(out).contains("epoch 2/2  batch 36/40  loss 18.5000  best 0.8000  ETA 0s");
        assertThat(out).doesNotContain("batch 40/40");
    }

    /** In log lines, a batch line at most every few seconds: a long epoch still shows it moves. */
    @Test
    void linesModePrintsABatchLineEveryFewSeconds() {
        StringWriter text = new StringWriter();
        AtomicLong clock = new AtomicLong();
        ProgressListener p = new ProgressListener(new PrintWriter(text), ProgressMode.LINES, 1, clock::get);
        for (int b = 1; b <= 100; b++) {
            clock.addAndGet(1_000_000_000L); // a second a batch
            p.onBatch(new BatchStats(1, b, 100, 0.5, 1000));
        }
        p.onEpoch(new EpochStats(1, 0.5, 0.9, 0.9, 100_000));
        List<String> lines = text.toString().lines().toList();
        int expected = 99 / ProgressListener.BATCH_LINE_SECONDS; // batches 6, 11, ... 96, then the epoch's line
        assertThat(lines).hasSize(expected + 1);
        assertThat(lines.get(0)).isEqualTo("epoch 1/1  batch 6/100  loss 0.5000  best   -     ETA 1m34s");
        assertThat(lines.get(expected)).startsWith("epoch 1/1  loss 0.5000  val AUC 0.9000");
    }
}
