// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.encoders.corruption;

import io.github.gae4j.core.error.GaeException;
import io.github.gae4j.core.graph.EdgeList;
import io.github.gae4j.core.graph.Features;
import io.github.gae4j.core.spi.CorruptedInput;
import io.github.gae4j.core.spi.Corruption;
import io.github.gae4j.core.spi.GraphInput;
import io.github.gae4j.core.tensor.Matrix;
import java.util.Locale;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * {@code feature-noise}: the denoising autoencoder's corruption X' = X + std · ε, ε ~ N(0, I), one
 * {@code nextGaussian()} per entry in row-major order; the graph and Â are left as they are. Nothing
 * is reported as masked or removed: the losses reconstruct the clean graph as usual.
 *
 * <p><b>Memory:</b> noise touches every entry, so X' is dense whatever X was: N × d doubles per
 * training pass (Cora 2708 × 1433: 31 MB; CiteSeer 3327 × 3703: 99 MB), and the encoder's first
 * product X' W costs N · d · h instead of nnz(X) · h. With X = I (featureless graphs) that is
 * N² doubles (PubMed: 3.1 GB); inputs above {@link #MAX_ENTRIES} entries are refused. A {@code std}
 * of 0 draws nothing and returns its input (sparse X stays sparse).
 */
public final class FeatureNoise implements Corruption {

    /** Largest N × d the noisy copy may have (one Java array). */
    public static final long MAX_ENTRIES = Integer.MAX_VALUE - 8L;

    private final double std;

    public FeatureNoise(double std) {
        if (!(std >= 0) || !Double.isFinite(std)) {
            throw new IllegalArgumentException("std must be finite and >= 0, got " + std);
        }
        this.std = std;
    }

    public double std() {
        return std;
    }

    /** Only features change: the sampled subgraph and its Â are kept. */
    @Override
    public boolean supportsMiniBatch() {
        return true;
    }

    @Override
    public CorruptedInput corrupt(CorruptedInput in, RandomGenerator random) {
        Objects.requireNonNull(in, "in is null");
        Objects.requireNonNull(random, "random is null");
        if (std == 0) {
            return in;
        }
        GraphInput input = in.input();
        Features x = input.features();
        long entries = (long) x.rows() * x.dim();
        if (entries > MAX_ENTRIES) {
            throw new GaeException(String.format(
                    Locale.ROOT,
                    "Corruption 'feature-noise' makes the features dense: %d × %d = %d entries is more than %d;"
                            + " use 'feature-mask' (which keeps sparse features sparse) or fewer features",
                    x.rows(),
                    x.dim(),
                    entries,
                    MAX_ENTRIES));
        }
        Matrix clean = x.toDense();
        double[] noisy = clean.data().clone();
        for (int k = 0; k < noisy.length; k++) {
            noisy[k] += std * random.nextGaussian();
        }
        Features out = Features.dense(Matrix.wrapRowMajor(clean.rows(), clean.cols(), noisy));
        return in.then(input.withFeatures(out), new int[0], EdgeList.empty());
    }

    @Override
    public String toString() {
        return "FeatureNoise[std=" + std + "]";
    }
}
