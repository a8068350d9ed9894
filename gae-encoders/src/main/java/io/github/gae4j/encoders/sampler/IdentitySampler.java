// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.encoders.sampler;

import io.github.gae4j.core.autodiff.Variable;
import io.github.gae4j.core.spi.Encoding;
import io.github.gae4j.core.spi.Mode;
import io.github.gae4j.core.spi.Sampler;
import java.util.random.RandomGenerator;

/** Z = μ in every mode: the latent step of a (non-variational) GAE. */
public final class IdentitySampler implements Sampler {

    @Override
    public Variable sample(Encoding encoding, Mode mode, RandomGenerator random) {
        return encoding.mu();
    }
}
