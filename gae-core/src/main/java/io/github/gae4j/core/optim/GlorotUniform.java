// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.core.optim;

import io.github.gae4j.core.tensor.Matrix;
import java.util.random.RandomGenerator;

/** Glorot (Xavier) uniform initialisation: U(−r, r) with r = sqrt(6 / (fanIn + fanOut)). */
public final class GlorotUniform {

    private GlorotUniform() {}

    public static Matrix sample(int fanIn, int fanOut, RandomGenerator random) {
        double r = Math.sqrt(6.0 / (fanIn + fanOut));
        Matrix m = Matrix.zeros(fanIn, fanOut);
        // Row-major draw order, so the values do not depend on the storage layout.
        for (int i = 0; i < fanIn; i++) {
            for (int j = 0; j < fanOut; j++) {
                m.set(i, j, (2.0 * random.nextDouble() - 1.0) * r);
            }
        }
        return m;
    }
}
