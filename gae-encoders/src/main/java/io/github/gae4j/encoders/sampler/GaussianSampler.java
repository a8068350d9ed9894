// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.encoders.sampler;

import io.github.gae4j.core.autodiff.Constant;
import io.github.gae4j.core.autodiff.Variable;
import io.github.gae4j.core.autodiff.functions.Add;
import io.github.gae4j.core.autodiff.functions.ElementMul;
import io.github.gae4j.core.autodiff.functions.Exp;
import io.github.gae4j.core.error.GaeException;
import io.github.gae4j.core.spi.Encoding;
import io.github.gae4j.core.spi.Mode;
import io.github.gae4j.core.spi.Sampler;
import io.github.gae4j.core.tensor.Matrix;
import java.util.random.RandomGenerator;

/**
 * The reparameterisation trick: Z = μ + σ ⊙ ε, ε ~ N(0, I) drawn from the given generator
 * (entering as a constant, so gradients flow to μ and log σ only). In evaluation Z = μ.
 */
public final class GaussianSampler implements Sampler {

    @Override
    public Variable sample(Encoding encoding, Mode mode, RandomGenerator random) {
        Variable logStd = encoding.logStd()
                .orElseThrow(() -> new GaeException(
                        "Sampler 'gaussian' needs a variational encoder (one that outputs log σ), such as 'vgae';"
                                + " use sampler 'identity' with a deterministic encoder"));
        if (mode == Mode.EVAL) {
            return encoding.mu();
        }
        Variable mu = encoding.mu();
        Matrix eps = Matrix.zeros(mu.rows(), mu.cols());
        // Row-major draw order: the noise does not depend on the storage layout.
        for (int i = 0; i < mu.rows(); i++) {
            for (int k = 0; k < mu.cols(); k++) {
                eps.set(i, k, random.nextGaussian());
            }
        }
        return Add.of(mu, ElementMul.of(Exp.of(logStd), Constant.of(eps)));
    }
}
