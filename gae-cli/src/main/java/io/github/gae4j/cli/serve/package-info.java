// SPDX-License-Identifier: Apache-2.0
/**
 * {@code gae serve}'s HTTP JSON API over a {@link io.github.gae4j.runtime.predict.LinkPredictor}: {@link
 * io.github.gae4j.cli.serve.PredictionServer}, on the JDK's own HTTP server.
 */
package io.github.gae4j.cli.serve;
