// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.core.spi;

/** Training (noise, dropout on) or evaluation (deterministic: Z = μ). */
public enum Mode {
    TRAIN,
    EVAL
}
