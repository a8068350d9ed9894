// SPDX-License-Identifier: Apache-2.0
/**
 * Link predictions from a trained model: {@link io.github.gae4j.runtime.predict.LinkPredictor} for applications
 * (pair scores, a node's top-k, the graph's top-k, by original id), over a {@link
 * io.github.gae4j.runtime.predict.LinkSearch} (exact or an index) of the decoder's {@link
 * io.github.gae4j.core.spi.PairScorer}, leaving out {@link io.github.gae4j.runtime.predict.KnownLinks}. Uses no
 * training classes.
 */
package io.github.gae4j.runtime.predict;
