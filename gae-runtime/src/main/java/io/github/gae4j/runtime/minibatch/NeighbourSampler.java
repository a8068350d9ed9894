// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.runtime.minibatch;

import io.github.gae4j.core.graph.Features;
import io.github.gae4j.core.graph.Graph;
import io.github.gae4j.core.spi.GraphInput;
import io.github.gae4j.core.tensor.SparseMatrix;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Samples the L-hop neighbourhood of a batch's nodes, as PyG's {@code NeighborLoader} and DGL's
 * {@code NeighborSampler} do, and builds the subgraph the unchanged encoder runs on.
 *
 * <p>Each node is expanded once, at the hop where it is first reached: at hop {@code h} it keeps
 * {@code fanOut.at(h)} of its d neighbours, drawn without replacement (all of them when d is smaller, or for −1).
 * Its row of the subgraph then holds exactly those neighbours; the nodes first reached at the last hop have empty
 * rows (their outputs are never read: an L-layer encoder needs only their features).
 *
 * <p>Normalisation. The subgraph's Â is not re-normalised from the sampled degrees (PyG's {@code GCNConv} on a
 * sampled {@code edge_index} does that, which is not exact even when every neighbour is kept, because the outer
 * nodes' degrees are cut). Instead each kept entry takes its value in the whole training graph's Â, scaled by
 * d / s (s neighbours kept of d), and the diagonal keeps its value: the sampled row times a node's states is an
 * unbiased estimate of the full row's product (the estimator of GraphSAGE-style sampling with importance weights,
 * as in DGL's {@code GraphConv} fed {@code edge_weight} of the full graph), and with fan-out −1 it is exactly the
 * full graph's row. The subgraph's 0/1 adjacency (which mean, sum and attention encoders read) holds the kept
 * neighbours, so GraphSAGE's mean is over the sampled neighbours, as in GraphSAGE itself.
 *
 * <p>Draws come only from the given random source, so a batch's subgraph is a function of its seed; no thread
 * state is involved. Thread-safe: the sampler holds only the graph.
 */
public final class NeighbourSampler {

    private final SparseMatrix adjacency;
    private final SparseMatrix normalized;
    private final Features features;
    private final FanOut fanOut;

    /**
     * @param full   the whole training graph's input: its 0/1 adjacency, its Â (the same pattern plus the diagonal)
     *               and its features
     * @param fanOut neighbours per hop
     */
    public NeighbourSampler(GraphInput full, FanOut fanOut) {
        Objects.requireNonNull(full, "full is null");
        this.adjacency = full.graph().adjacency();
        this.normalized = full.normalizedAdjacency();
        this.features = full.features();
        this.fanOut = Objects.requireNonNull(fanOut, "fanOut is null");
        if (normalized.nnz() != adjacency.nnz() + adjacency.rows()) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT,
                    "Â has %d entries but A + I has %d: Â must be a normalisation of A + I",
                    normalized.nnz(),
                    adjacency.nnz() + adjacency.rows()));
        }
    }

    public FanOut fanOut() {
        return fanOut;
    }

    /**
     * The sampled subgraph around {@code seeds} (graph node ids; repeats are kept once, first occurrence first).
     */
    public SampledSubgraph sample(int[] seeds, SplittableRandom random) {
        int hops = fanOut.hops();
        IntIndex index = new IntIndex(adjacency.rows(), Math.max(16, seeds.length * 4));
        for (int s : seeds) {
            index.add(Objects.checkIndex(s, adjacency.rows()));
        }
        int seedCount = index.size();
        int[] hopEnds = new int[hops + 1];
        hopEnds[0] = seedCount;
        // Rows are filled in subgraph-row order: every hop expands the rows of the one before, in order.
        IntBuffer ptr = new IntBuffer(seedCount * 8 + 1);
        ptr.add(0);
        IntBuffer cols = new IntBuffer(seedCount * 16);
        DoubleBuffer vals = new DoubleBuffer(seedCount * 16);
        int[] chosen = new int[16];
        int expanded = 0;
        for (int h = 0; h < hops; h++) {
            int end = index.size();
            int fan = fanOut.at(h);
            for (int r = expanded; r < end; r++) {
                int g = index.key(r);
                int start = adjacency.rowStart(g);
                int degree = adjacency.rowNnz(g);
                int kept = fan == FanOut.ALL || degree <= fan ? degree : fan;
                if (chosen.length < kept) {
                    chosen = new int[Math.max(kept, chosen.length * 2)];
                }
                if (kept == degree) {
                    for (int k = 0; k < degree; k++) {
                        chosen[k] = k;
                    }
                } else {
                    floyd(degree, kept, chosen, random);
                }
                double scale = kept == 0 ? 1.0 : (double) degree / kept;
                int hatStart = normalized.rowStart(g);
                for (int k = 0; k < kept; k++) {
                    int p = start + chosen[k];
                    int v = adjacency.colAt(p);
                    // Â's row is A's row with the diagonal inserted in order.
                    int q = hatStart + chosen[k] + (v > g ? 1 : 0);
                    if (normalized.colAt(q) != v) {
                        throw new IllegalStateException(String.format(
                                Locale.ROOT, "Â and A differ in row %d: Â must be a normalisation of A + I", g));
                    }
                    cols.add(index.add(v));
                    vals.add(normalized.valueAt(q) * scale);
                }
                ptr.add(cols.size());
            }
            expanded = end;
            hopEnds[h + 1] = index.size();
        }
        int n = index.size();
        while (ptr.size() < n + 1) {
            ptr.add(cols.size()); // the last hop's nodes: no neighbours kept
        }
        return new SampledSubgraph(build(index, ptr.array(), cols, vals, n), index, seedCount, hopEnds);
    }

    /** {@code kept} distinct positions of {@code 0 .. degree − 1}, sorted (Floyd's algorithm: kept draws). */
    private static void floyd(int degree, int kept, int[] chosen, SplittableRandom random) {
        int size = 0;
        for (int j = degree - kept; j < degree; j++) {
            int t = random.nextInt(j + 1);
            boolean seen = false;
            for (int k = 0; k < size; k++) {
                if (chosen[k] == t) {
                    seen = true;
                    break;
                }
            }
            chosen[size++] = seen ? j : t;
        }
        Arrays.sort(chosen, 0, kept);
    }

    private GraphInput build(IntIndex index, int[] ptr, IntBuffer cols, DoubleBuffer vals, int n) {
        int m = cols.size();
        // Sort each row by subgraph column; the 0/1 adjacency without the diagonal, Â with it.
        int[] aPtr = new int[n + 1];
        int[] aCols = new int[m];
        int[] hPtr = new int[n + 1];
        int[] hCols = new int[m + n];
        double[] hVals = new double[m + n];
        int[] rawCols = cols.array();
        double[] rawVals = vals.array();
        long[] packed = new long[16];
        for (int r = 0; r < n; r++) {
            int from = ptr[r];
            int to = ptr[r + 1];
            int len = to - from;
            if (packed.length < len) {
                packed = new long[Math.max(len, packed.length * 2)];
            }
            for (int k = 0; k < len; k++) {
                packed[k] = ((long) rawCols[from + k] << 32) | k;
            }
            Arrays.sort(packed, 0, len);
            aPtr[r + 1] = aPtr[r] + len;
            int out = hPtr[r];
            boolean diagonal = false;
            int g = index.key(r);
            double self = normalized.valueAt(diagonalPosition(g));
            for (int k = 0; k < len; k++) {
                int c = (int) (packed[k] >>> 32);
                int origin = from + (int) packed[k];
                if (!diagonal && c > r) {
                    hCols[out] = r;
                    hVals[out++] = self;
                    diagonal = true;
                }
                aCols[aPtr[r] + k] = c;
                hCols[out] = c;
                hVals[out++] = rawVals[origin];
            }
            if (!diagonal) {
                hCols[out] = r;
                hVals[out++] = self;
            }
            hPtr[r + 1] = out;
        }
        SparseMatrix a = SparseMatrix.ofPattern(n, n, aPtr, aCols);
        SparseMatrix hat = SparseMatrix.ofCsr(n, n, hPtr, hCols, hVals);
        Graph graph =
                Graph.builder(n).name("sampled").directed(true).adjacency(a).build();
        return new GraphInput(graph, hat, features.select(index.keys()));
    }

    /** The position of Â's diagonal entry in row {@code g}: after the A-neighbours below g. */
    private int diagonalPosition(int g) {
        int start = adjacency.rowStart(g);
        int end = adjacency.rowEnd(g);
        int lo = start;
        int hi = end;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (adjacency.colAt(mid) < g) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return normalized.rowStart(g) + (lo - start);
    }

    /** A growable int array. */
    private static final class IntBuffer {
        private int[] data;
        private int size;

        IntBuffer(int capacity) {
            data = new int[Math.max(16, capacity)];
        }

        void add(int v) {
            if (size == data.length) {
                data = Arrays.copyOf(data, data.length * 2);
            }
            data[size++] = v;
        }

        int size() {
            return size;
        }

        int[] array() {
            return size == data.length ? data : Arrays.copyOf(data, size);
        }
    }

    /** A growable double array. */
    private static final class DoubleBuffer {
        private double[] data;
        private int size;

        DoubleBuffer(int capacity) {
            data = new double[Math.max(16, capacity)];
        }

        void add(double v) {
            if (size == data.length) {
                data = Arrays.copyOf(data, data.length * 2);
            }
            data[size++] = v;
        }

        double[] array() {
            return size == data.length ? data : Arrays.copyOf(data, size);
        }
    }
}
