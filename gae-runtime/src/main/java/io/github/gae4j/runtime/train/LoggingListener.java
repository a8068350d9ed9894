// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.runtime.train;

import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The trainer's log lines: epoch, loss, validation AUC/AP and time at INFO every {@code logEvery} epochs (and the
 * first and the last), every other epoch at DEBUG.
 */
public final class LoggingListener implements TrainingListener {

    private static final Logger LOG = LoggerFactory.getLogger(LoggingListener.class);

    private final int logEvery;
    private final int epochs;

    public LoggingListener(int logEvery, int epochs) {
        if (logEvery < 1) {
            throw new IllegalArgumentException("logEvery must be >= 1, got " + logEvery);
        }
        this.logEvery = logEvery;
        this.epochs = epochs;
    }

    /** Logs as {@code config} says: every {@link TrainerConfig#logEvery()} of its epochs. */
    public static LoggingListener of(TrainerConfig config) {
        return new LoggingListener(config.logEvery(), config.epochs());
    }

    @Override
    public void onEpoch(EpochStats stats) {
        int epoch = stats.epoch();
        if (epoch % logEvery == 0 || epoch == 1 || epoch == epochs) {
            LOG.info(format(stats));
        } else if (LOG.isDebugEnabled()) {
            LOG.debug(format(stats));
        }
    }

    static String format(EpochStats s) {
        return String.format(
                Locale.ROOT,
                "epoch %4d  loss %.5f  val AUC %.4f  val AP %.4f  %.1f ms",
                s.epoch(),
                s.loss(),
                s.valAuc(),
                s.valAp(),
                s.trainMillis());
    }
}
