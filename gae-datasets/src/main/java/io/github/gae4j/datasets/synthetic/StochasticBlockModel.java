// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.datasets.synthetic;

import io.github.gae4j.core.error.ConfigException;
import io.github.gae4j.core.graph.Features;
import io.github.gae4j.core.graph.Graph;
import io.github.gae4j.core.spi.DatasetLoader;
import io.github.gae4j.core.tensor.Matrix;
import io.github.gae4j.core.tensor.SparseMatrix;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A seeded stochastic block model with community-correlated features: gae4j's built-in dataset,
 * generated in memory (no download).
 *
 * <p><b>Communities.</b> Nodes {@code 0..n-1} are split into {@code communities} contiguous blocks
 * whose sizes differ by at most one: node i is in community {@code floor(i * k / n)}. The label of
 * a node is its community; class names are {@code community-0}, {@code community-1}, …
 *
 * <p><b>Edges.</b> Each unordered pair of distinct nodes is an edge independently, with probability
 * {@code p-in} inside a community and {@code p-out} between communities. Candidate pairs are
 * enumerated with geometric skipping (Batagelj and Brandes 2005): per community, its own triangle of
 * pairs and the rectangle of pairs with all later communities. The cost is O(n + E), never O(n²):
 * 100 000-node graphs take well under a second.
 *
 * <p><b>Size by edges.</b> With {@code edges} set, p-in and p-out are derived: {@code within-share} (0.9) of the
 * expected edges inside communities, the rest between, e.g. {@code nodes=10000000, communities=10000,
 * edges=100000000} (degree 20, 1000-node communities). The graph is generated straight into CSR (see
 * {@link #generate()}).
 *
 * <p><b>Features.</b> Dense ({@code feature-type} double, or float for half the memory), {@code feature-dim} columns: every community draws a prototype vector
 * from N(0, I); a node's features are its community's prototype plus {@code feature-noise} · N(0, I).
 * With {@code feature-dim = 0} the graph has no features (X = I).
 *
 * <p><b>Determinism.</b> Everything derives from {@code seed} through {@link SplittableRandom}: edges
 * and features come from two independent split streams, so changing a feature option leaves the
 * edges unchanged. Gaussians are drawn with Box–Muller, so results do not depend on the JDK's
 * {@code nextGaussian} implementation.
 */
public final class StochasticBlockModel implements DatasetLoader {

    private static final Logger LOG = LoggerFactory.getLogger(StochasticBlockModel.class);

    public static final int DEFAULT_NODES = 1000;
    public static final int DEFAULT_COMMUNITIES = 20;
    public static final double DEFAULT_P_IN = 0.2;
    public static final double DEFAULT_P_OUT = 0.0005;
    public static final int DEFAULT_FEATURE_DIM = 50;
    public static final double DEFAULT_FEATURE_NOISE = 1.0;
    public static final long DEFAULT_SEED = 42L;
    public static final double DEFAULT_WITHIN_SHARE = 0.9;

    /** At most this many expected edges (the adjacency is int-indexed and held in memory). */
    public static final long MAX_EXPECTED_EDGES = 1L << 28;

    private final int nodes;
    private final int communities;
    private final double pIn;
    private final double pOut;
    private final int featureDim;
    private final double featureNoise;
    private final FeatureType featureType;
    private final long seed;

    /** How dense features are stored (option {@code feature-type}). */
    public enum FeatureType {
        /** {@code Features.dense}: 8 bytes a value (the default). */
        DOUBLE,
        /** {@code Features.denseFloat}: 4 bytes a value, for big graphs (10M nodes × 64: 2.6 GB instead of 5.1). */
        FLOAT;

        /** The option value: {@code double} or {@code float}. */
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        static FeatureType fromKey(String key) {
            for (FeatureType t : values()) {
                if (t.key().equals(key)) {
                    return t;
                }
            }
            throw new ConfigException(String.format(
                    Locale.ROOT,
                    "Option '%s' of dataset loader 'sbm' must be double or float, got '%s'",
                    SbmLoaderFactory.FEATURE_TYPE,
                    key));
        }
    }

    private StochasticBlockModel(Builder b) {
        this.nodes = b.nodes;
        this.communities = b.communities;
        this.pIn = b.pIn;
        this.pOut = b.pOut;
        this.featureDim = b.featureDim;
        this.featureNoise = b.featureNoise;
        this.featureType = b.featureType;
        this.seed = b.seed;
    }

    /** A builder with the defaults: 1000 nodes, 5 communities, p-in 0.05, p-out 0.002, 50 features, noise 1, seed 42. */
    public static Builder builder() {
        return new Builder();
    }

    public int nodes() {
        return nodes;
    }

    public int communities() {
        return communities;
    }

    public double pIn() {
        return pIn;
    }

    public double pOut() {
        return pOut;
    }

    public int featureDim() {
        return featureDim;
    }

    public double featureNoise() {
        return featureNoise;
    }

    public long seed() {
        return seed;
    }

    public FeatureType featureType() {
        return featureType;
    }

    /** The graph's name, {@code sbm-<nodes>}. */
    public String graphName() {
        return "sbm-" + nodes;
    }

    /** The community (and label) of a node. */
    public int communityOf(int node) {
        if (node < 0 || node >= nodes) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "Node %d outside [0, %d)", node, nodes));
        }
        return (int) ((long) node * communities / nodes);
    }

    /** First node of community c (c = communities gives the node count). */
    private int start(int c) {
        // Smallest i with floor(i * k / n) >= c, i.e. ceil(c * n / k).
        return (int) (((long) c * nodes + communities - 1) / communities);
    }

    /** Expected number of undirected edges. */
    public double expectedEdges() {
        return expectedEdges(nodes, communities, pIn, pOut);
    }

    /** Same as {@link #generate()}. */
    @Override
    public Graph load() {
        return generate();
    }

    /**
     * Samples the graph. The same options give the same graph.
     *
     * <p>Straight into CSR, with no edge list: a first pass over the pairs counts each node's degree, a second
     * pass with the same random stream fills the rows. The enumeration (blocks in order; in a block its own pairs
     * row by row, then its rectangle with the later blocks) reaches every row's columns in increasing order, so
     * nothing is sorted either: 4 bytes per stored entry plus a row pointer per node (0.84 GB for 10M nodes and
     * 100M edges).
     */
    public Graph generate() {
        SplittableRandom root = new SplittableRandom(seed);
        SplittableRandom edgeRandom = root.split();
        SplittableRandom featureRandom = root.split();

        int[] ptr = new int[nodes + 1];
        long[] counted = new long[2];
        sampleAll(
                edgeRandom,
                (i, j) -> {
                    ptr[i + 1]++;
                    ptr[j + 1]++;
                },
                counted);
        for (int i = 0; i < nodes; i++) {
            ptr[i + 1] += ptr[i];
        }
        int[] fill = Arrays.copyOf(ptr, nodes);
        int[] idx = new int[ptr[nodes]];
        // The same edge stream again: the root's first split.
        sampleAll(
                new SplittableRandom(seed).split(),
                (i, j) -> {
                    idx[fill[i]++] = j;
                    idx[fill[j]++] = i;
                },
                null);
        SparseMatrix adjacency = SparseMatrix.ofPattern(nodes, nodes, ptr, idx).asSymmetric();

        int[] labels = new int[nodes];
        List<String> classNames = new ArrayList<>(communities);
        for (int c = 0; c < communities; c++) {
            Arrays.fill(labels, start(c), start(c + 1), c);
            classNames.add("community-" + c);
        }
        Graph.Builder builder =
                Graph.builder(nodes).name(graphName()).adjacency(adjacency).labels(labels, classNames);
        if (featureDim > 0) {
            builder.features(features(labels, featureRandom));
        }
        Graph graph = builder.build();
        LOG.info(
                "Generated stochastic block model '{}': {} nodes in {} communities, {} edges ({} within, {} between;"
                        + " expected {}), {}, seed {}",
                graph.name(),
                nodes,
                communities,
                graph.edgeCount(),
                counted[0],
                counted[1],
                String.format(Locale.ROOT, "%.1f", expectedEdges()),
                featureDim > 0
                        ? featureDim + " dense " + featureType.key() + " features (noise " + featureNoise + ")"
                        : "no features (X = I)",
                seed);
        return graph;
    }

    /** Receives the sampled pairs. */
    @FunctionalInterface
    private interface PairSink {
        void add(int i, int j);
    }

    /** Every sampled pair, in the order the CSR fill relies on; counts within and between pairs if asked. */
    private void sampleAll(SplittableRandom edgeRandom, PairSink out, long[] counted) {
        long[] n = new long[1];
        PairSink counting = counted == null
                ? out
                : (i, j) -> {
                    n[0]++;
                    out.add(i, j);
                };
        for (int a = 0; a < communities; a++) {
            int from = start(a);
            int to = start(a + 1);
            long before = n[0];
            sampleWithin(from, to - from, edgeRandom, counting);
            if (counted != null) {
                counted[0] += n[0] - before;
            }
            // Blocks are contiguous, so "block a × every later block" is one rectangle: O(k) rectangles, not O(k²)
            // pairs.
            before = n[0];
            sampleBetween(from, to - from, to, nodes - to, edgeRandom, counting);
            if (counted != null) {
                counted[1] += n[0] - before;
            }
        }
    }

    /** Prototype per community plus noise per node, row-major; doubles or floats as {@code feature-type} says. */
    private Features features(int[] labels, SplittableRandom random) {
        double[][] prototypes = new double[communities][featureDim];
        for (double[] prototype : prototypes) {
            for (int j = 0; j < featureDim; j++) {
                prototype[j] = gaussian(random);
            }
        }
        if (featureType == FeatureType.FLOAT) {
            float[] data = new float[nodes * featureDim];
            for (int i = 0; i < nodes; i++) {
                double[] prototype = prototypes[labels[i]];
                for (int j = 0; j < featureDim; j++) {
                    data[i * featureDim + j] = (float) (prototype[j] + featureNoise * gaussian(random));
                }
            }
            return Features.denseFloat(nodes, featureDim, data);
        }
        double[] data = new double[nodes * featureDim];
        for (int i = 0; i < nodes; i++) {
            double[] prototype = prototypes[labels[i]];
            for (int j = 0; j < featureDim; j++) {
                data[i * featureDim + j] = prototype[j] + featureNoise * gaussian(random);
            }
        }
        return Features.dense(Matrix.wrapRowMajor(nodes, featureDim, data));
    }

    /** Pairs (v, w), w < v, inside one block, enumerated in row order with geometric skips. */
    private void sampleWithin(int offset, int size, SplittableRandom random, PairSink out) {
        long candidates = (long) size * (size - 1) / 2;
        if (candidates == 0 || pIn <= 0) {
            return;
        }
        double logQ = Math.log1p(-pIn);
        long v = 1;
        long w = -1;
        while (v < size) {
            double skip = skip(random, pIn, logQ);
            if (skip >= candidates) {
                return;
            }
            w += 1 + (long) skip;
            while (w >= v && v < size) {
                w -= v;
                v++;
            }
            if (v < size) {
                out.add(offset + (int) v, offset + (int) w);
            }
        }
    }

    /** Pairs (i, j) of two disjoint node ranges, enumerated as i * sizeB + j with geometric skips. */
    private void sampleBetween(int offsetA, int sizeA, int offsetB, int sizeB, SplittableRandom random, PairSink out) {
        long candidates = (long) sizeA * sizeB;
        if (candidates == 0 || pOut <= 0) {
            return;
        }
        double logQ = Math.log1p(-pOut);
        long index = -1;
        while (true) {
            double skip = skip(random, pOut, logQ);
            if (skip >= candidates) {
                return;
            }
            index += 1 + (long) skip;
            if (index >= candidates) {
                return;
            }
            out.add(offsetA + (int) (index / sizeB), offsetB + (int) (index % sizeB));
        }
    }

    /** Failures before the next success of a Bernoulli(p) sequence: Geometric(p) on {0, 1, …}. */
    private static double skip(SplittableRandom random, double p, double logQ) {
        if (p >= 1.0) {
            return 0.0;
        }
        return Math.floor(Math.log1p(-random.nextDouble()) / logQ);
    }

    /** Standard normal by Box–Muller (one value per two uniforms; simple and JDK-independent). */
    private static double gaussian(SplittableRandom random) {
        double u1 = 1.0 - random.nextDouble(); // (0, 1]
        double u2 = random.nextDouble();
        return Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2.0 * Math.PI * u2);
    }

    private static double expectedEdges(int n, int k, double pIn, double pOut) {
        double within = 0;
        double total = (double) n * (n - 1) / 2;
        for (int c = 0; c < k; c++) {
            long size = ((long) (c + 1) * n + k - 1) / k - ((long) c * n + k - 1) / k;
            within += (double) size * (size - 1) / 2;
        }
        return within * pIn + (total - within) * pOut;
    }

    @Override
    public String toString() {
        return String.format(
                Locale.ROOT,
                "StochasticBlockModel[nodes=%d, communities=%d, p-in=%s, p-out=%s, feature-dim=%d, feature-noise=%s,"
                        + " feature-type=%s, seed=%d]",
                nodes,
                communities,
                pIn,
                pOut,
                featureDim,
                featureNoise,
                featureType.key(),
                seed);
    }

    /** Options of the model; {@link #build()} validates them and names the bad option. */
    public static final class Builder {
        private int nodes = DEFAULT_NODES;
        private int communities = DEFAULT_COMMUNITIES;
        private double pIn = DEFAULT_P_IN;
        private double pOut = DEFAULT_P_OUT;
        private int featureDim = DEFAULT_FEATURE_DIM;
        private double featureNoise = DEFAULT_FEATURE_NOISE;
        private FeatureType featureType = FeatureType.DOUBLE;
        private long seed = DEFAULT_SEED;
        private long edges;
        private double withinShare = DEFAULT_WITHIN_SHARE;

        private Builder() {}

        /** Number of nodes, at least 1 (option {@code nodes}). */
        public Builder nodes(int nodes) {
            this.nodes = nodes;
            return this;
        }

        /** Number of communities, in [1, nodes] (option {@code communities}). */
        public Builder communities(int communities) {
            this.communities = communities;
            return this;
        }

        /** Edge probability inside a community, in [0, 1] (option {@code p-in}). */
        public Builder pIn(double pIn) {
            this.pIn = pIn;
            return this;
        }

        /** Edge probability between communities, in [0, 1] (option {@code p-out}). */
        public Builder pOut(double pOut) {
            this.pOut = pOut;
            return this;
        }

        /** Feature columns, at least 0; 0 means no features (option {@code feature-dim}). */
        public Builder featureDim(int featureDim) {
            this.featureDim = featureDim;
            return this;
        }

        /** Standard deviation of the per-node feature noise, at least 0 (option {@code feature-noise}). */
        public Builder featureNoise(double featureNoise) {
            this.featureNoise = featureNoise;
            return this;
        }

        /** Doubles (the default) or floats for the dense features (option {@code feature-type}). */
        public Builder featureType(FeatureType featureType) {
            this.featureType = java.util.Objects.requireNonNull(featureType, "featureType is null");
            return this;
        }

        /** {@link #featureType(FeatureType)} by its option value, {@code double} or {@code float}. */
        public Builder featureType(String key) {
            return featureType(FeatureType.fromKey(key));
        }

        /**
         * The expected number of undirected edges instead of p-in and p-out (option {@code edges}; 0, the default,
         * keeps them): p-in and p-out are set so that {@link #withinShare(double) within-share} of the expected
         * edges fall inside communities and the rest between them.
         */
        public Builder edges(long edges) {
            this.edges = edges;
            return this;
        }

        /** The share of the expected edges inside communities when {@link #edges(long)} is set (default 0.9). */
        public Builder withinShare(double withinShare) {
            this.withinShare = withinShare;
            return this;
        }

        /** Seed of every random draw (option {@code seed}). */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * The model with the values set so far.
         *
         * @throws ConfigException naming the option when a value is out of range
         */
        public StochasticBlockModel build() {
            if (nodes < 1) {
                throw bad(SbmLoaderFactory.NODES, nodes, "an integer >= 1");
            }
            if (communities < 1 || communities > nodes) {
                throw bad(SbmLoaderFactory.COMMUNITIES, communities, "an integer in [1, nodes] = [1, " + nodes + "]");
            }
            if (edges < 0) {
                throw bad(SbmLoaderFactory.EDGES, edges, "an integer >= 0 (0: use p-in and p-out)");
            }
            if (edges > 0) {
                if (!(withinShare >= 0 && withinShare <= 1)) {
                    throw bad(SbmLoaderFactory.WITHIN_SHARE, withinShare, "a share in [0, 1]");
                }
                double withinPairs = expectedEdges(nodes, communities, 1.0, 0.0);
                double betweenPairs = expectedEdges(nodes, communities, 0.0, 1.0);
                pIn = withinPairs == 0 ? 0 : edges * withinShare / withinPairs;
                pOut = betweenPairs == 0 ? 0 : edges * (1 - withinShare) / betweenPairs;
                if (pIn > 1 || pOut > 1) {
                    throw new ConfigException(String.format(
                            Locale.ROOT,
                            "Option 'edges' (%d) of dataset loader 'sbm' is too many for %d nodes in %d communities"
                                    + " with within-share %s (p-in %.3g, p-out %.3g): lower it or change communities",
                            edges,
                            nodes,
                            communities,
                            withinShare,
                            pIn,
                            pOut));
                }
            }
            checkProbability(SbmLoaderFactory.P_IN, pIn);
            checkProbability(SbmLoaderFactory.P_OUT, pOut);
            if (featureDim < 0) {
                throw bad(SbmLoaderFactory.FEATURE_DIM, featureDim, "an integer >= 0 (0: no features)");
            }
            if ((long) nodes * featureDim > Integer.MAX_VALUE - 8L) {
                throw bad(
                        SbmLoaderFactory.FEATURE_DIM,
                        featureDim,
                        String.format(
                                Locale.ROOT,
                                "at most %d for %d nodes (the dense feature matrix must fit one array)",
                                (Integer.MAX_VALUE - 8L) / nodes,
                                nodes));
            }
            if (!Double.isFinite(featureNoise) || featureNoise < 0) {
                throw bad(SbmLoaderFactory.FEATURE_NOISE, featureNoise, "a finite number >= 0");
            }
            double expected = expectedEdges(nodes, communities, pIn, pOut);
            if (expected > MAX_EXPECTED_EDGES) {
                throw new ConfigException(String.format(
                        Locale.ROOT,
                        "Options 'p-in' (%s) and 'p-out' (%s) of dataset loader 'sbm' give %.0f expected edges on %d"
                                + " nodes; at most %d are supported: lower them",
                        pIn,
                        pOut,
                        expected,
                        nodes,
                        MAX_EXPECTED_EDGES));
            }
            return new StochasticBlockModel(this);
        }

        private static void checkProbability(String option, double p) {
            if (!(p >= 0.0 && p <= 1.0)) {
                throw bad(option, p, "a probability in [0, 1]");
            }
        }

        private static ConfigException bad(String option, Object value, String expected) {
            return new ConfigException(String.format(
                    Locale.ROOT, "Option '%s' of dataset loader 'sbm' must be %s, got '%s'", option, expected, value));
        }
    }
}
