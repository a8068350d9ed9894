// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.runtime.tune;

/** Where a trial comes from: the cheap screening of every combination, or the refinement of the best. */
public enum Stage {
    SCREEN("screen"),
    REFINE("refine");

    private final String key;

    Stage(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }
}
