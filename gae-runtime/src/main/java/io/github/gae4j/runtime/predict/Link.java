// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.runtime.predict;

/** A predicted link by original node ids; {@code score} is the decoder's probability. */
public record Link(String source, String target, double score) {}
