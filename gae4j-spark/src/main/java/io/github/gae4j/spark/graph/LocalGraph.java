// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.spark.graph;

import io.github.gae4j.core.graph.Features;
import io.github.gae4j.core.graph.Graph;
import io.github.gae4j.core.spi.GraphInput;
import io.github.gae4j.core.tensor.Matrix;
import io.github.gae4j.core.tensor.SparseMatrix;
import java.io.Serializable;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * A piece of a big graph that one Spark task holds: some nodes (a block's own, plus its halo), the rows of the
 * training adjacency it needs, and the features of every node in it, in plain arrays so Spark serialises it as is.
 * Local row {@code i} is global node {@code nodeIds[i]}, ascending, so local rows and columns keep the whole graph's
 * order and sums run in the same order as on one machine.
 *
 * <p>A row is <em>complete</em> when it holds all of its node's neighbours; a node whose row was cut (a halo
 * border, or a row capped at some neighbours) still gets the whole graph's degree, so its Â entries are the whole
 * graph's values. A capped row's entries are scaled by (whole degree) / (kept weight), so that sampling from the
 * capped row stays an unbiased estimate of the whole row (the sampler's own d / s correction then applies within
 * it). A border row (the last hop) may be empty: the encoder reads only its features and its Â diagonal.
 *
 * <p>What it holds:
 * <ul>
 *   <li>{@code nodeIds}: global node ids of the local rows, strictly ascending
 *   <li>{@code rowPtr}: CSR row pointers of the local adjacency A (no self-loops), length n + 1
 *   <li>{@code cols}: CSR column indices (local rows), ascending within a row
 *   <li>{@code weights}: edge weights per entry, or null for a 0/1 adjacency
 *   <li>{@code degrees}: each node's weighted degree in the whole training graph (A's row sum there)
 *   <li>{@code rowScale}: per row, the factor its off-diagonal Â entries are multiplied by (1 for a complete or a border
 *                 row; whole degree / kept weight for a capped one)
 *   <li>{@code width}: feature width
 *   <li>{@code features}: row-major n × width features, as doubles or (when every value is a float, as the
 *       part builder chooses) as floats: half the memory, the same values
 * </ul>
 */
public final class LocalGraph implements Serializable {

    private static final long serialVersionUID = 1L;

    // Plain final arrays, not a record: Spark's Kryo (when a cluster configures it) cannot rebuild records.
    private final long[] nodeIds;
    private final int[] rowPtr;
    private final int[] cols;
    private final double[] weights;
    private final double[] degrees;
    private final double[] rowScale;
    private final int width;
    // Exactly one of the two is set.
    private final double[] features;
    private final float[] floatFeatures;

    @SuppressWarnings("ParameterNumber")
    public LocalGraph(
            long[] nodeIds,
            int[] rowPtr,
            int[] cols,
            double[] weights,
            double[] degrees,
            double[] rowScale,
            int width,
            double[] features) {
        this(nodeIds, rowPtr, cols, weights, degrees, rowScale, width, features, null);
    }

    /** A local graph whose features are floats (taken, not copied). */
    @SuppressWarnings("ParameterNumber")
    public LocalGraph(
            long[] nodeIds,
            int[] rowPtr,
            int[] cols,
            double[] weights,
            double[] degrees,
            double[] rowScale,
            int width,
            float[] features) {
        this(nodeIds, rowPtr, cols, weights, degrees, rowScale, width, null, features);
    }

    @SuppressWarnings("ParameterNumber")
    private LocalGraph(
            long[] nodeIds,
            int[] rowPtr,
            int[] cols,
            double[] weights,
            double[] degrees,
            double[] rowScale,
            int width,
            double[] features,
            float[] floatFeatures) {
        Objects.requireNonNull(nodeIds, "nodeIds is null");
        Objects.requireNonNull(rowPtr, "rowPtr is null");
        Objects.requireNonNull(cols, "cols is null");
        Objects.requireNonNull(degrees, "degrees is null");
        Objects.requireNonNull(rowScale, "rowScale is null");
        if ((features == null) == (floatFeatures == null)) {
            throw new IllegalArgumentException("A local graph needs its features as doubles or as floats");
        }
        long values = features != null ? features.length : floatFeatures.length;
        int n = nodeIds.length;
        if (rowPtr.length != n + 1 || rowPtr[n] != cols.length || degrees.length != n || rowScale.length != n) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT,
                    "A local graph of %d nodes needs %d row pointers ending at its %d entries, %d degrees and row"
                            + " scales; got %d, %d, %d, %d",
                    n,
                    n + 1,
                    cols.length,
                    n,
                    rowPtr.length,
                    rowPtr[rowPtr.length - 1],
                    degrees.length,
                    rowScale.length));
        }
        if (weights != null && weights.length != cols.length) {
            throw new IllegalArgumentException(
                    String.format(Locale.ROOT, "%d weights for %d entries", weights.length, cols.length));
        }
        if (width < 1 || values != (long) n * width) {
            throw new IllegalArgumentException(
                    String.format(Locale.ROOT, "%d feature values cannot be %d rows of width %d", values, n, width));
        }
        for (int i = 1; i < n; i++) {
            if (nodeIds[i] <= nodeIds[i - 1]) {
                throw new IllegalArgumentException("Local node ids must be strictly ascending, at row " + i);
            }
        }
        this.nodeIds = nodeIds;
        this.rowPtr = rowPtr;
        this.cols = cols;
        this.weights = weights;
        this.degrees = degrees;
        this.rowScale = rowScale;
        this.width = width;
        this.features = features;
        this.floatFeatures = floatFeatures;
    }

    // The arrays themselves (no copies: a task's graph can be large); callers must not change them.
    @SuppressWarnings("MethodReturnsInternalArray")
    public long[] nodeIds() {
        return nodeIds;
    }

    public int[] rowPtr() {
        return rowPtr;
    }

    public int[] cols() {
        return cols;
    }

    /** Edge weights per entry, or null for a 0/1 adjacency. */
    public double[] weights() {
        return weights;
    }

    public double[] degrees() {
        return degrees;
    }

    public double[] rowScale() {
        return rowScale;
    }

    public int width() {
        return width;
    }

    /** The features, wrapping this graph's array (no copy). */
    public Features features() {
        return features != null
                ? new Features.Dense(Matrix.wrapRowMajor(nodeIds.length, width, features))
                : Features.denseFloat(nodeIds.length, width, floatFeatures);
    }

    /** Whether the features are held as floats. */
    public boolean floatFeatures() {
        return floatFeatures != null;
    }

    public int nodeCount() {
        return nodeIds.length;
    }

    /** The local row of global node {@code id}, or a negative number when it is not in this graph. */
    public int rowOf(long id) {
        return Arrays.binarySearch(nodeIds, id);
    }

    /**
     * The encoder's input: a directed graph on the local rows (rows may be cut, so A need not be symmetric) with
     * the given adjacency's pattern (0/1, as every gae4j graph; the weights are in Â), Â built from the whole graph's degrees (D̃^{-1/2} (A + I) D̃^{-1/2} entry by entry, times
     * the row scale off the diagonal), and dense features. Node ids are the global ids, as text.
     */
    public GraphInput toGraphInput() {
        int n = nodeIds.length;
        // The graph's adjacency is 0/1 (gae4j graphs are; Graph refuses other values): edge weights live in Â only.
        // No copies of the pattern or the features (a part's can be gigabytes): the input only reads them.
        SparseMatrix adjacency = SparseMatrix.ofPattern(n, n, rowPtr, cols);
        double[] invSqrt = new double[n];
        for (int i = 0; i < n; i++) {
            invSqrt[i] = 1.0 / Math.sqrt(degrees[i] + 1.0);
        }
        int[] hatPtr = new int[n + 1];
        int[] hatCols = new int[cols.length + n];
        double[] hatValues = new double[cols.length + n];
        int out = 0;
        for (int i = 0; i < n; i++) {
            boolean diagonal = false;
            for (int p = rowPtr[i]; p < rowPtr[i + 1]; p++) {
                int j = cols[p];
                if (j == i) {
                    throw new IllegalArgumentException("A local graph has a self-loop at row " + i);
                }
                if (!diagonal && j > i) {
                    hatCols[out] = i;
                    hatValues[out++] = invSqrt[i] * invSqrt[i];
                    diagonal = true;
                }
                double w = weights == null ? 1.0 : weights[p];
                hatCols[out] = j;
                hatValues[out++] = invSqrt[i] * w * invSqrt[j] * rowScale[i];
            }
            if (!diagonal) {
                hatCols[out] = i;
                hatValues[out++] = invSqrt[i] * invSqrt[i];
            }
            hatPtr[i + 1] = out;
        }
        SparseMatrix normalized = SparseMatrix.ofCsr(n, n, hatPtr, hatCols, hatValues);
        Graph graph = Graph.builder(n)
                .directed(true)
                .adjacency(adjacency)
                .numericNodeIds(nodeIds.clone())
                .build();
        return new GraphInput(graph, normalized, features());
    }
}
