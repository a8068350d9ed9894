// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.core.autodiff.functions;

import io.github.gae4j.core.autodiff.ComputationContext;
import io.github.gae4j.core.autodiff.SingleParentVariable;
import io.github.gae4j.core.autodiff.Variable;
import io.github.gae4j.core.tensor.Matrix;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Inverted dropout with its mask drawn up front: y = x ⊙ keep / (1 − rate). The mask is part of the
 * operation, so the op is a pure function of x (its gradient is g ⊙ keep / (1 − rate)) and a
 * finite-difference check sees the same mask at every probe. Draw a fresh mask per training pass
 * with {@link #mask} from the pass's random source; in evaluation do not apply dropout at all.
 */
public final class Dropout extends SingleParentVariable {

    private final double rate;
    private final boolean[] keep;
    private final double scale;

    private Dropout(Variable x, double rate, boolean[] keep) {
        super(x, x.rows(), x.cols());
        requireRate(rate);
        Objects.requireNonNull(keep, "keep is null");
        if (keep.length != x.rows() * x.cols()) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT,
                    "Dropout mask has %d entries but the input %s has %d",
                    keep.length,
                    x.shape(),
                    x.rows() * x.cols()));
        }
        this.rate = rate;
        this.keep = keep.clone();
        this.scale = 1.0 / (1.0 - rate);
    }

    /** Dropout of {@code x} with the given row-major keep mask (see {@link #mask}). */
    public static Dropout of(Variable x, double rate, boolean[] keep) {
        return new Dropout(x, rate, keep);
    }

    /** Dropout of {@code x} with a mask drawn now from {@code random} (row-major). */
    public static Dropout of(Variable x, double rate, RandomGenerator random) {
        return new Dropout(x, rate, mask(x.rows() * x.cols(), rate, random));
    }

    /**
     * A keep mask of {@code count} entries, each kept with probability 1 − rate, drawn in order with
     * one {@code nextDouble()} each; a rate of 0 keeps everything and draws nothing.
     */
    public static boolean[] mask(int count, double rate, RandomGenerator random) {
        requireRate(rate);
        Objects.requireNonNull(random, "random is null");
        boolean[] keep = new boolean[count];
        if (rate == 0) {
            Arrays.fill(keep, true);
            return keep;
        }
        for (int k = 0; k < count; k++) {
            keep[k] = random.nextDouble() >= rate;
        }
        return keep;
    }

    /** Fails unless 0 ≤ rate &lt; 1. */
    public static void requireRate(double rate) {
        if (!(rate >= 0 && rate < 1)) {
            throw new IllegalArgumentException("Dropout rate must be in [0, 1), got " + rate);
        }
    }

    public double rate() {
        return rate;
    }

    @Override
    public Matrix apply(ComputationContext ctx) {
        return masked(ctx.forward(parent));
    }

    @Override
    protected Matrix gradientForParent(ComputationContext ctx) {
        return masked(ctx.gradient(this));
    }

    private Matrix masked(Matrix in) {
        double[] src = in.data();
        double[] out = new double[src.length];
        for (int k = 0; k < src.length; k++) {
            out[k] = keep[k] ? src[k] * scale : 0.0;
        }
        return Matrix.wrapRowMajor(in.rows(), in.cols(), out);
    }

    @Override
    public String render() {
        return "Dropout[" + rate + "]" + shape();
    }
}
