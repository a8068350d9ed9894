// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.core.spi;

import io.github.gae4j.core.autodiff.Variable;
import java.util.random.RandomGenerator;

/**
 * The latent step between encoder and decoder: Z from an {@link Encoding}. In {@link Mode#EVAL}
 * it must be deterministic. All randomness comes from {@code random}; there is no hidden RNG.
 */
public interface Sampler {

    Variable sample(Encoding encoding, Mode mode, RandomGenerator random);
}
