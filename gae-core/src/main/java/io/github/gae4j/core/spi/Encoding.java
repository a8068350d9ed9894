// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.core.spi;

import io.github.gae4j.core.autodiff.Variable;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/** An encoder's output: μ, and log σ for variational encoders (log σ, not log-variance). */
public record Encoding(Variable mu, Optional<Variable> logStd) {

    public Encoding {
        Objects.requireNonNull(mu, "mu is null");
        Objects.requireNonNull(logStd, "logStd is null");
        logStd.ifPresent(ls -> {
            if (ls.rows() != mu.rows() || ls.cols() != mu.cols()) {
                throw new IllegalArgumentException(
                        String.format(Locale.ROOT, "log σ %s and μ %s differ in shape", ls.shape(), mu.shape()));
            }
        });
    }

    public static Encoding deterministic(Variable mu) {
        return new Encoding(mu, Optional.empty());
    }

    public static Encoding gaussian(Variable mu, Variable logStd) {
        return new Encoding(mu, Optional.of(logStd));
    }

    public boolean isVariational() {
        return logStd.isPresent();
    }
}
