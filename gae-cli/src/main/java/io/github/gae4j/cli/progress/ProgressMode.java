// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.cli.progress;

/** How training progress is shown. */
public enum ProgressMode {
    /** A bar on a terminal, periodic lines otherwise. */
    AUTO,
    /** One line redrawn in place: epoch, loss, validation AUC, ETA. */
    BAR,
    /** A plain line every tenth of the run (CI logs, files). */
    LINES,
    NONE;

    /** AUTO decided: a bar only when a person is watching a terminal. */
    public ProgressMode resolve(boolean interactive) {
        return this == AUTO ? (interactive ? BAR : LINES) : this;
    }
}
