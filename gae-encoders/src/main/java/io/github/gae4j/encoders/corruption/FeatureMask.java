// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.encoders.corruption;

import io.github.gae4j.core.autodiff.Weights;
import io.github.gae4j.core.error.GaeException;
import io.github.gae4j.core.graph.EdgeList;
import io.github.gae4j.core.graph.Features;
import io.github.gae4j.core.spi.CorruptedInput;
import io.github.gae4j.core.spi.Corruption;
import io.github.gae4j.core.spi.GraphInput;
import io.github.gae4j.core.tensor.Matrix;
import io.github.gae4j.core.tensor.SparseMatrix;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;

/**
 * {@code feature-mask}: GraphMAE's masking of whole node rows. It picks ⌊rate · N⌋ distinct nodes
 * uniformly (a partial Fisher–Yates shuffle, one {@code nextInt} per picked node) and replaces their
 * feature rows by the [MASK] token: the zero vector ({@link Token#ZERO}), or GraphMAE's learnable row t
 * ({@link Token#LEARNED}); the graph and Â are left as they are. The picked nodes are reported as
 * masked, so a feature-reconstruction loss scores exactly them.
 *
 * <p>Each kind of features keeps its kind: sparse X drops the masked rows' stored entries (it stays
 * sparse, and gets sparser), X = I becomes a sparse identity without the masked diagonal entries,
 * and dense X is copied with the rows zeroed. A rate that picks no node draws nothing and returns its
 * input.
 *
 * <p>A learned token is this corruption's parameter {@value #TOKEN_NAME} (1 × feature dimension, zeros
 * at first, as GraphMAE's; with X = I its width is N), listed in {@link #weights()}: the model's
 * optimiser trains it and it is saved with the model. The masked rows are still zeroed in X, and the
 * token goes to the encoder as the input's {@link GraphInput.MaskToken} on them, so X stays sparse and
 * the encoder adds t · W to its first product (X + 1_masked·tᵀ) W. Unlike GraphMAE, the encoders'
 * input dropout drops entries of X only, not of the token. Draws are the same with either token.
 *
 * <p>With {@code replace-rate} r &gt; 0 (GraphMAE's {@code replace_rate}: 0.05 on Cora, 0.1 on CiteSeer), the
 * last ⌊r · count⌋ of the picked nodes (in the order drawn) get the feature row of a uniformly drawn node
 * instead of the token (drawn after the picks, distinct); they are still reported as masked. r = 0 draws
 * nothing more, so the draws and results are those of the plain mask.
 *
 * <p>A later {@code feature-mask} with the zero token takes its rows off an earlier learned token (its
 * rows become zero); two learned tokens on one input are refused.
 */
public final class FeatureMask implements Corruption {

    /** What the masked rows become (option {@code token}). */
    public enum Token {
        /** Zeros. */
        ZERO,
        /** A learnable row trained with the model (GraphMAE's [MASK] token). */
        LEARNED;

        /** The option text, e.g. {@code learned}. */
        public String optionValue() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Name of the learned token's parameter. */
    public static final String TOKEN_NAME = "feature-mask.token";

    private final double rate;
    private final Weights token;
    private final double replaceRate;

    /** Masked rows become zero. */
    public FeatureMask(double rate) {
        this(rate, null, 0.0);
    }

    /** Masked rows become a learnable 1 × {@code featureDim} row, zeros at first. */
    public FeatureMask(double rate, int featureDim) {
        this(rate, learnedToken(featureDim), 0.0);
    }

    /**
     * @param featureDim  width of a learned token, or 0 for the zero token
     * @param replaceRate share of the masked nodes that get the features of a random node instead of the token
     *                    (GraphMAE's {@code replace_rate}), in [0, 1]
     */
    public FeatureMask(double rate, int featureDim, double replaceRate) {
        this(rate, featureDim == 0 ? null : learnedToken(featureDim), replaceRate);
    }

    private FeatureMask(double rate, Weights token, double replaceRate) {
        this.rate = CorruptionRates.requireProbability("rate", rate);
        this.token = token;
        this.replaceRate = CorruptionRates.requireProbability("replace-rate", replaceRate);
    }

    private static Weights learnedToken(int featureDim) {
        if (featureDim < 1) {
            throw new IllegalArgumentException("featureDim must be positive, got " + featureDim);
        }
        return new Weights(TOKEN_NAME, Matrix.zeros(1, featureDim));
    }

    public double replaceRate() {
        return replaceRate;
    }

    public double rate() {
        return rate;
    }

    public Token token() {
        return token == null ? Token.ZERO : Token.LEARNED;
    }

    /** The learned token, or nothing. */
    @Override
    public List<Weights> weights() {
        return token == null ? List.of() : List.of(token);
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
        GraphInput input = in.input();
        if (token != null && token.cols() != input.features().dim()) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT,
                    "Corruption 'feature-mask' was built for %d features but the input has %d",
                    token.cols(),
                    input.features().dim()));
        }
        GraphInput.MaskToken earlier = input.maskToken();
        if (token != null && earlier != null) {
            throw new GaeException("Corruption 'feature-mask' with a learned token got an input that already"
                    + " carries one (" + earlier + "); use one feature-mask with token=learned per model");
        }
        int n = input.nodeCount();
        int count = (int) Math.floor(rate * n);
        if (count == 0) {
            return in;
        }
        int[] picked = pickInOrder(n, count, random);
        int[] masked = sorted(picked);
        boolean[] isMasked = new boolean[n];
        for (int i : masked) {
            isMasked[i] = true;
        }
        // GraphMAE's replacement share: the last ⌊replace-rate · count⌋ picks take the row of a random node
        // (drawn like the picks, after them) instead of the token; all picks are scored as masked.
        int replaced = (int) Math.floor(replaceRate * count);
        int[] source = new int[n];
        for (int i = 0; i < n; i++) {
            source[i] = isMasked[i] ? -1 : i;
        }
        boolean[] tokenRow = isMasked.clone();
        if (replaced > 0) {
            int[] donors = pickInOrder(n, replaced, random);
            for (int k = 0; k < replaced; k++) {
                int node = picked[count - replaced + k];
                source[node] = donors[k];
                tokenRow[node] = false;
            }
        }
        GraphInput out = input.withFeatures(replaceRows(input.features(), source));
        if (token != null) {
            int[] tokenRows = IntStream.range(0, n).filter(i -> tokenRow[i]).toArray();
            out = out.withMaskToken(new GraphInput.MaskToken(tokenRows, token));
        } else if (earlier != null) {
            out = out.withMaskToken(earlier.withoutRows(isMasked));
        }
        return in.then(out, masked, EdgeList.empty());
    }

    /** {@code count} distinct nodes out of {@code n}, drawn uniformly, sorted. */
    static int[] pick(int n, int count, RandomGenerator random) {
        return sorted(pickInOrder(n, count, random));
    }

    private static int[] sorted(int[] nodes) {
        int[] out = nodes.clone();
        Arrays.sort(out);
        return out;
    }

    /** {@code count} distinct nodes out of {@code n} in the order drawn (a partial Fisher–Yates shuffle). */
    private static int[] pickInOrder(int n, int count, RandomGenerator random) {
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        for (int k = 0; k < count; k++) {
            int j = k + random.nextInt(n - k);
            int t = perm[k];
            perm[k] = perm[j];
            perm[j] = t;
        }
        return Arrays.copyOf(perm, count);
    }

    /**
     * {@code x} with row i replaced by row {@code source[i]} of {@code x} (zero where it is −1), in the same kind
     * (X = I becomes sparse); a new object, {@code x} is not touched.
     */
    static Features replaceRows(Features x, int[] source) {
        if (x instanceof Features.Sparse sparse) {
            return Features.sparse(rowsFrom(sparse.matrix(), source));
        }
        if (x instanceof Features.Identity identity) {
            return Features.sparse(rowsFrom(SparseMatrix.identity(identity.rows()), source));
        }
        Matrix dense = x.toDense();
        double[] in = dense.data();
        double[] out = new double[in.length];
        int d = dense.cols();
        for (int i = 0; i < source.length; i++) {
            if (source[i] >= 0) {
                System.arraycopy(in, source[i] * d, out, i * d, d);
            }
        }
        return Features.dense(Matrix.wrapRowMajor(dense.rows(), d, out));
    }

    private static SparseMatrix rowsFrom(SparseMatrix s, int[] source) {
        int kept = 0;
        for (int i = 0; i < s.rows(); i++) {
            kept += source[i] < 0 ? 0 : s.rowNnz(source[i]);
        }
        int[] rowPtr = new int[s.rows() + 1];
        int[] colIdx = new int[kept];
        double[] values = new double[kept];
        int out = 0;
        for (int i = 0; i < s.rows(); i++) {
            if (source[i] >= 0) {
                for (int p = s.rowStart(source[i]); p < s.rowEnd(source[i]); p++) {
                    colIdx[out] = s.colAt(p);
                    values[out] = s.valueAt(p);
                    out++;
                }
            }
            rowPtr[i + 1] = out;
        }
        return SparseMatrix.ofCsr(s.rows(), s.cols(), rowPtr, colIdx, values);
    }

    @Override
    public String toString() {
        return "FeatureMask[rate=" + rate + (token == null ? "" : ", token=learned")
                + (replaceRate == 0 ? "" : ", replace-rate=" + replaceRate) + "]";
    }
}
