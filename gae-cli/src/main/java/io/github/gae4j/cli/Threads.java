// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.cli;

import io.github.gae4j.core.error.ConfigException;

/** The --threads option shared by the subcommands: all cores unless given, and at least one. */
final class Threads {

    private Threads() {}

    static int resolve(Integer requested) {
        int n = requested != null ? requested : Runtime.getRuntime().availableProcessors();
        if (n < 1) {
            throw new ConfigException("--threads must be at least 1, got " + n);
        }
        return n;
    }
}
