package io.github.gae4j.encoders.corruption;

import io.github.gae4j.core.graph.EdgeList;
import io.github.gae4j.core.graph.Features;
import io.github.gae4j.core.spi.CorruptedInput;
import io.github.gae4j.core.spi.Corruption;
import io.github.gae4j.core.spi.GraphInput;
import io.github.gae4j.core.tensor.Matrix;
import io.github.gae4j.core.tensor.SparseMatrix;
import java.util.Arrays;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * {@code feature-mask}: GraphMAE's masking of whole node rows. It picks ⌊rate · N⌋ distinct nodes
 * uniformly (a partial Fisher–Yates shuffle, one {@code nextInt} per picked node) and replaces their
 * feature rows by zeros (the [MASK] token is the zero vector); the graph and Â are left as they are.
 * The picked nodes are reported as masked, so a feature-reconstruction loss scores exactly them.
 *
 * <p>Each kind of features keeps its kind: sparse X drops the masked rows' stored entries (it stays
 * sparse, and gets sparser), X = I becomes a sparse identity without the masked diagonal entries,
 * and dense X is copied with the rows zeroed. A rate that picks no node draws nothing and returns its
 * input.
 */
public final class FeatureMask implements Corruption {

    private final double rate;

    public FeatureMask(double rate) {
        this.rate = CorruptionRates.requireProbability("rate", rate);
    }

    public double rate() {
        return rate;
    }

    @Override
    public CorruptedInput corrupt(CorruptedInput in, RandomGenerator random) {
        Objects.requireNonNull(in, "in is null");
        Objects.requireNonNull(random, "random is null");
        GraphInput input = in.input();
        int n = input.nodeCount();
        int count = (int) Math.floor(rate * n);
        if (count == 0) {
            return in;
        }
        int[] masked = pick(n, count, random);
        boolean[] isMasked = new boolean[n];
        for (int i : masked) {
            isMasked[i] = true;
        }
        GraphInput out = new GraphInput(input.graph(), input.normalizedAdjacency(), zeroRows(input.features(), isMasked),
                input.parallelism());
        return in.then(out, masked, EdgeList.empty());
    }

    /** {@code count} distinct nodes out of {@code n}, drawn uniformly, sorted. */
    static int[] pick(int n, int count, RandomGenerator random) {
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
        int[] picked = Arrays.copyOf(perm, count);
        Arrays.sort(picked);
        return picked;
    }

    /** {@code x} with the flagged rows set to zero, in the same kind (a new object; {@code x} is not touched). */
    static Features zeroRows(Features x, boolean[] rows) {
        if (x instanceof Features.Sparse sparse) {
            return Features.sparse(withoutRows(sparse.matrix(), rows));
        }
        if (x instanceof Features.Identity identity) {
            return Features.sparse(withoutRows(SparseMatrix.identity(identity.rows()), rows));
        }
        Matrix dense = x.toDense();
        double[] out = dense.data().clone();
        int d = dense.cols();
        for (int i = 0; i < rows.length; i++) {
            if (rows[i]) {
                Arrays.fill(out, i * d, (i + 1) * d, 0.0);
            }
        }
        return Features.dense(Matrix.wrapRowMajor(dense.rows(), d, out));
    }

    private static SparseMatrix withoutRows(SparseMatrix s, boolean[] rows) {
        int kept = 0;
        for (int i = 0; i < s.rows(); i++) {
            kept += rows[i] ? 0 : s.rowNnz(i);
        }
        int[] rowPtr = new int[s.rows() + 1];
        int[] colIdx = new int[kept];
        double[] values = new double[kept];
        int out = 0;
        for (int i = 0; i < s.rows(); i++) {
            if (!rows[i]) {
                for (int p = s.rowStart(i); p < s.rowEnd(i); p++) {
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
        return "FeatureMask[rate=" + rate + "]";
    }
}
