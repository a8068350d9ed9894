// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.cli.tune;

import io.github.gae4j.runtime.tune.Recipe;
import io.github.gae4j.runtime.tune.SkippedTrial;
import io.github.gae4j.runtime.tune.Stage;
import io.github.gae4j.runtime.tune.TrialResult;
import io.github.gae4j.runtime.tune.TuneListener;
import java.io.PrintWriter;
import java.util.Locale;

/** One line per trial on stderr: which one starts, what it reached; the first skipped trial and why. */
public final class TuneProgress implements TuneListener {

    private final PrintWriter err;
    private boolean skipReported;

    public TuneProgress(PrintWriter err) {
        this.err = err;
    }

    @Override
    public void trialStarted(int number, int planned, Stage stage, Recipe recipe) {
        err.printf(Locale.ROOT, "trial %d/%d %-6s %s ...%n", number, planned, stage.key(), recipe.label());
        err.flush();
    }

    @Override
    public void trialFinished(TrialResult r) {
        if (r.succeeded()) {
            err.printf(
                    Locale.ROOT,
                    "trial %d: val AUC %.4f AP %.4f, best epoch %d of %d, %.1f s%n",
                    r.number(),
                    r.valAuc(),
                    r.valAp(),
                    r.bestEpoch(),
                    r.epochsDone(),
                    r.millis() / 1000.0);
        } else {
            err.printf(
                    Locale.ROOT,
                    "trial %d: diverged (%s)%n",
                    r.number(),
                    r.failure().orElse(""));
        }
        err.flush();
    }

    @Override
    public void trialSkipped(SkippedTrial s) {
        if (!skipReported) {
            err.printf(Locale.ROOT, "trial %d and after skipped: %s%n", s.number(), s.reason());
            err.flush();
            skipReported = true;
        }
    }
}
