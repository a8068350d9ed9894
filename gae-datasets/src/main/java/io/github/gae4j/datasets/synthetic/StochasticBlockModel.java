// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.datasets.synthetic;

import io.github.gae4j.core.error.ConfigException;
import io.github.gae4j.core.graph.Features;
import io.github.gae4j.core.graph.Graph;
import io.github.gae4j.core.spi.DatasetLoader;
import io.github.gae4j.core.tensor.Matrix;
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
 * <p><b>Features.</b> Dense, {@code feature-dim} columns: every community draws a prototype vector
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

    /** At most this many expected edges (the adjacency is int-indexed and held in memory). */
    public static final long MAX_EXPECTED_EDGES = 1L << 28;

    private final int nodes;
    private final int communities;
    private final double pIn;
    private final double pOut;
    private final int featureDim;
    private final double featureNoise;
    private final long seed;

    private StochasticBlockModel(Builder b) {
        this.nodes = b.nodes;
        this.communities = b.communities;
        this.pIn = b.pIn;
        this.pOut = b.pOut;
        this.featureDim = b.featureDim;
        this.featureNoise = b.featureNoise;
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

    /** Samples the graph. The same options give the same graph. */
    public Graph generate() {
        SplittableRandom root = new SplittableRandom(seed);
        SplittableRandom edgeRandom = root.split();
        SplittableRandom featureRandom = root.split();

        EdgeBuffer edges = new EdgeBuffer((int) Math.min(Integer.MAX_VALUE - 8L, (long) (expectedEdges() * 1.1) + 16));
        long within = 0;
        for (int a = 0; a < communities; a++) {
            int from = start(a);
            int to = start(a + 1);
            int before = edges.size;
            sampleWithin(from, to - from, edgeRandom, edges);
            within += edges.size - before;
            // Blocks are contiguous, so "block a × every later block" is one rectangle: O(k) rectangles, not O(k²)
            // pairs.
            sampleBetween(from, to - from, to, nodes - to, edgeRandom, edges);
        }
        int[] labels = new int[nodes];
        List<String> classNames = new ArrayList<>(communities);
        for (int c = 0; c < communities; c++) {
            Arrays.fill(labels, start(c), start(c + 1), c);
            classNames.add("community-" + c);
        }
        Graph.Builder builder = Graph.builder(nodes)
                .name(graphName())
                .edges(edges.src(), edges.dst())
                .labels(labels, classNames);
        if (featureDim > 0) {
            builder.features(Features.dense(features(labels, featureRandom)));
        }
        Graph graph = builder.build();
        LOG.info(
                "Generated stochastic block model '{}': {} nodes in {} communities, {} edges ({} within, {} between;"
                        + " expected {}), {}, seed {}",
                graph.name(),
                nodes,
                communities,
                graph.edgeCount(),
                within,
                edges.size - within,
                String.format(Locale.ROOT, "%.1f", expectedEdges()),
                featureDim > 0 ? featureDim + " dense features (noise " + featureNoise + ")" : "no features (X = I)",
                seed);
        return graph;
    }

    /** Prototype per community plus noise per node, column-major. */
    private Matrix features(int[] labels, SplittableRandom random) {
        double[][] prototypes = new double[communities][featureDim];
        for (double[] prototype : prototypes) {
            for (int j = 0; j < featureDim; j++) {
                prototype[j] = gaussian(random);
            }
        }
        double[] data = new double[nodes * featureDim];
        for (int i = 0; i < nodes; i++) {
            double[] prototype = prototypes[labels[i]];
            for (int j = 0; j < featureDim; j++) {
                data[i * featureDim + j] = prototype[j] + featureNoise * gaussian(random);
            }
        }
        return Matrix.wrapRowMajor(nodes, featureDim, data);
    }

    /** Pairs (v, w), w < v, inside one block, enumerated in row order with geometric skips. */
    private void sampleWithin(int offset, int size, SplittableRandom random, EdgeBuffer out) {
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
    private void sampleBetween(
            int offsetA, int sizeA, int offsetB, int sizeB, SplittableRandom random, EdgeBuffer out) {
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
                "StochasticBlockModel[nodes=%d, communities=%d, p-in=%s, p-out=%s, feature-dim=%d, feature-noise=%s, seed=%d]",
                nodes,
                communities,
                pIn,
                pOut,
                featureDim,
                featureNoise,
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
        private long seed = DEFAULT_SEED;

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

    /** A growable pair of int arrays. */
    private static final class EdgeBuffer {
        private int[] src;
        private int[] dst;
        private int size;

        EdgeBuffer(int capacity) {
            src = new int[Math.max(capacity, 16)];
            dst = new int[src.length];
        }

        void add(int i, int j) {
            if (size == src.length) {
                int grown = (int) Math.min(Integer.MAX_VALUE - 8L, src.length + (src.length >> 1) + 16L);
                if (grown == size) {
                    throw new IllegalStateException("Too many edges: " + size);
                }
                src = Arrays.copyOf(src, grown);
                dst = Arrays.copyOf(dst, grown);
            }
            src[size] = i;
            dst[size] = j;
            size++;
        }

        int[] src() {
            return Arrays.copyOf(src, size);
        }

        int[] dst() {
            return Arrays.copyOf(dst, size);
        }
    }
}
