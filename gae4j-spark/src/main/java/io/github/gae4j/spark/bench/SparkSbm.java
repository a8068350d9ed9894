// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.spark.bench;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.udf;

import io.github.gae4j.core.error.ConfigException;
import io.github.gae4j.spark.graph.NodeBlocks;
import io.github.gae4j.spark.io.GraphTables;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A stochastic block model generated on Spark itself, with nothing materialised on the driver: the distributed
 * counterpart of gae-datasets' {@code sbm} loader, sized by an exact edge count.
 *
 * <p><b>Communities</b> as in {@code sbm}: nodes {@code 0..N-1} in {@code C} contiguous communities whose sizes
 * differ by at most one, node i in community {@code floor(i·C/N)}.
 *
 * <p><b>Edges.</b> Edge <i>slot</i> k (k = 0, 1, …) is a pure function of (seed, k), computed with Spark's
 * {@code xxhash64}: an endpoint u uniform over all nodes; with probability {@code within-share} (0.9, as {@code
 * sbm}'s) the other endpoint is uniform over u's community without u, otherwise uniform over the nodes outside it.
 * So slots never make self-loops, and a slot's pair does not depend on how the slots are partitioned. The graph is
 * <b>the first E distinct pairs in slot order</b>: slots are deduplicated distributed (a group-by on the pair keeps
 * its smallest slot), then cut at the slot where the count of distinct pairs reaches E (a histogram of the slots
 * finds it with two small collects). Enough slots are generated for the expected duplicates, and more if that falls
 * short, so the count is exact and the same seed gives the same graph whatever the partition count. Compared with
 * {@code sbm} (an independent coin per pair) this is the fixed-edge-count version of the same model: pairs within a
 * community are equally likely, pairs between communities nearly so.
 *
 * <p><b>Features</b> as in {@code sbm}: every community has a prototype drawn from N(0, I); a node's features are its
 * prototype plus {@code feature-noise} · N(0, I) (Box–Muller on hashes of (seed, community or node, column)), rounded
 * to float precision and stored as {@code array<double>}. A node's row depends only on (seed, id) ({@link
 * SbmFeatures}).
 */
public final class SparkSbm {

    private static final Logger LOG = LoggerFactory.getLogger(SparkSbm.class);

    /** Nodes per community when the caller does not say (as {@code gae bench --suite minibatch}). */
    public static final int COMMUNITY_SIZE = 1000;

    public static final double DEFAULT_WITHIN_SHARE = 0.9;
    public static final double DEFAULT_FEATURE_NOISE = 1.0;
    public static final int DEFAULT_FEATURE_WIDTH = 64;
    public static final long DEFAULT_SEED = 42L;

    /** Slots are grouped into about this many buckets to find the cut. */
    private static final int CUT_BUCKETS = 4096;

    private static final int MAX_ROUNDS = 8;
    private static final String SLOT = "slot";

    private SparkSbm() {}

    /**
     * What to generate.
     *
     * @param nodes        N, at least 2
     * @param edges        E, the exact number of undirected edges, at least 1
     * @param communities  C, in [1, N]
     * @param featureWidth F, at least 1
     * @param withinShare  the share of slots inside a community, in [0, 1] (1 when C = 1)
     * @param featureNoise the standard deviation of a node's noise around its community's prototype, at least 0
     * @param seed         every draw derives from it
     * @param partitions   the partitions slots and nodes are generated in (does not change the graph), at least 1
     */
    public record Settings(
            long nodes,
            long edges,
            int communities,
            int featureWidth,
            double withinShare,
            double featureNoise,
            long seed,
            int partitions) {

        public Settings {
            if (nodes < 2) {
                throw bad("nodes", nodes, "an integer >= 2");
            }
            if (edges < 1) {
                throw bad("edges", edges, "an integer >= 1");
            }
            if (communities < 1 || communities > nodes) {
                throw bad("blocks", communities, "an integer in [1, nodes] = [1, " + nodes + "]");
            }
            if (nodes > (Long.MAX_VALUE >> 2) / communities) {
                throw bad(
                        "nodes",
                        nodes,
                        "at most " + (Long.MAX_VALUE >> 2) / communities + " with " + communities + " blocks");
            }
            if (featureWidth < 1) {
                throw bad("features", featureWidth, "an integer >= 1");
            }
            if (!(withinShare >= 0 && withinShare <= 1)) {
                throw bad("within-share", withinShare, "a share in [0, 1]");
            }
            if (!Double.isFinite(featureNoise) || featureNoise < 0) {
                throw bad("feature-noise", featureNoise, "a finite number >= 0");
            }
            if (partitions < 1) {
                throw bad("partitions", partitions, "an integer >= 1");
            }
            double w = communities == 1 ? 1.0 : withinShare;
            double within = withinPairs(nodes, communities);
            double between = (double) nodes * (nodes - 1) / 2 - within;
            if (edges * w > within / 2 || edges * (1 - w) > between / 2) {
                throw new ConfigException(String.format(
                        Locale.ROOT,
                        "Option 'edges' (%d) is too many for %d nodes in %d blocks with within-share %s: at most half"
                                + " of the %.0f pairs inside blocks and of the %.0f between them may be drawn; lower"
                                + " --edges or raise --nodes",
                        edges,
                        nodes,
                        communities,
                        withinShare,
                        within,
                        between));
            }
        }

        /** N nodes, E edges, one community per 1,000 nodes, 64 features, seed 42, {@code partitions} partitions. */
        public static Settings of(long nodes, long edges, int partitions) {
            return new Settings(
                    nodes,
                    edges,
                    (int) Math.max(1, Math.min(Integer.MAX_VALUE, nodes / COMMUNITY_SIZE)),
                    DEFAULT_FEATURE_WIDTH,
                    DEFAULT_WITHIN_SHARE,
                    DEFAULT_FEATURE_NOISE,
                    DEFAULT_SEED,
                    partitions);
        }

        public Settings withCommunities(int c) {
            return new Settings(nodes, edges, c, featureWidth, withinShare, featureNoise, seed, partitions);
        }

        public Settings withFeatureWidth(int f) {
            return new Settings(nodes, edges, communities, f, withinShare, featureNoise, seed, partitions);
        }

        public Settings withSeed(long s) {
            return new Settings(nodes, edges, communities, featureWidth, withinShare, featureNoise, s, partitions);
        }

        public Settings withPartitions(int p) {
            return new Settings(nodes, edges, communities, featureWidth, withinShare, featureNoise, seed, p);
        }

        /** The within-share actually used: 1 with a single community (there is no outside). */
        double effectiveWithinShare() {
            return communities == 1 ? 1.0 : withinShare;
        }

        private static ConfigException bad(String option, Object value, String expected) {
            return new ConfigException(String.format(
                    Locale.ROOT,
                    "Option '--%s' of the Spark SBM generator must be %s, got '%s'",
                    option,
                    expected,
                    value));
        }
    }

    /**
     * The generated graph: {@link #tables()} in gae-spark's canonical schema. The deduplicated slots are persisted
     * (memory and disk) while it is open; {@link #close()} releases them.
     */
    public static final class Generated implements AutoCloseable {
        private final GraphTables tables;
        private final Dataset<Row> persisted;
        private final long slots;
        private final int rounds;

        private Generated(GraphTables tables, Dataset<Row> persisted, long slots, int rounds) {
            this.tables = tables;
            this.persisted = persisted;
            this.slots = slots;
            this.rounds = rounds;
        }

        /** Edges ({@code src < dst}, weight 1.0, exactly E rows) and features ({@code id}, F doubles). */
        public GraphTables tables() {
            return tables;
        }

        /** How many edge slots were drawn to find E distinct pairs. */
        public long slots() {
            return slots;
        }

        /** How many dedup passes it took (1 unless the first estimate of the duplicates fell short). */
        public int rounds() {
            return rounds;
        }

        @Override
        public void close() {
            persisted.unpersist();
        }
    }

    /** The community of {@code node}: {@code floor(node·C/N)}. */
    public static long communityOf(long node, long nodes, int communities) {
        return node * communities / nodes;
    }

    /**
     * Generates the graph. Runs the edge dedup and the cut now (jobs on the cluster; the driver collects only a
     * histogram of about 4,096 counts and one bucket of slots); the features stay a lazy DataFrame.
     */
    public static Generated generate(SparkSession spark, Settings s) {
        long slots = slotsFor(s);
        for (int round = 1; ; round++) {
            Dataset<Row> distinct = distinctPairs(spark, s, slots).persist(StorageLevel.MEMORY_AND_DISK());
            long[] histogram = histogram(distinct, bucketWidth(slots), slots);
            long total = Arrays.stream(histogram).sum();
            if (total >= s.edges()) {
                long cut = cutSlot(distinct, histogram, bucketWidth(slots), s.edges());
                Dataset<Row> edges = distinct.filter(col(SLOT).leq(cut))
                        .select(col(GraphTables.SRC), col(GraphTables.DST), lit(1.0).as(GraphTables.WEIGHT));
                LOG.info(
                        "Spark SBM: {} nodes in {} blocks, {} edges: the first distinct pairs of {} slots ({} distinct,"
                                + " {} dedup pass(es)), {} features, seed {}",
                        s.nodes(),
                        s.communities(),
                        s.edges(),
                        slots,
                        total,
                        round,
                        s.featureWidth(),
                        s.seed());
                return new Generated(
                        new GraphTables(edges, features(spark, s), s.featureWidth()), distinct, slots, round);
            }
            distinct.unpersist();
            if (round == MAX_ROUNDS) {
                throw new IllegalStateException(String.format(
                        Locale.ROOT,
                        "Spark SBM: %d slots gave only %d distinct pairs of the %d edges asked after %d passes",
                        slots,
                        total,
                        s.edges(),
                        round));
            }
            long next = (long) Math.ceil(slots * (double) s.edges() / Math.max(1, total) * 1.05) + 64;
            LOG.info(
                    "Spark SBM: {} slots gave {} distinct pairs of {}; drawing {} slots",
                    slots,
                    total,
                    s.edges(),
                    next);
            slots = Math.max(next, slots * 2);
        }
    }

    /** Every slot's pair, deduplicated: (src, dst, slot = the pair's smallest slot); never a self-loop. */
    static Dataset<Row> distinctPairs(SparkSession spark, Settings s, long slots) {
        long n = s.nodes();
        long c = s.communities();
        long threshold = (long) Math.floor(s.effectiveWithinShare() * 0x1p53);
        String u = String.format(Locale.ROOT, "pmod(xxhash64(%s, %dL), %dL)", SLOT, subSeed(s.seed(), 1), n);
        String inside = String.format(
                Locale.ROOT,
                "(hi - lo > 1) AND shiftrightunsigned(xxhash64(%s, %dL), 11) < %dL",
                SLOT,
                subSeed(s.seed(), 2),
                threshold);
        String r = String.format(
                Locale.ROOT,
                "pmod(xxhash64(%s, %dL), IF(inside, hi - lo - 1, %dL - (hi - lo)))",
                SLOT,
                subSeed(s.seed(), 3),
                n);
        return spark.range(0, slots, 1, s.partitions())
                .withColumnRenamed("id", SLOT)
                .withColumn("u", expr(u))
                .withColumn("c", expr(String.format(Locale.ROOT, "(u * %dL) div %dL", c, n)))
                .withColumn("lo", expr(String.format(Locale.ROOT, "(c * %dL + %dL) div %dL", n, c - 1, c)))
                .withColumn("hi", expr(String.format(Locale.ROOT, "((c + 1) * %dL + %dL) div %dL", n, c - 1, c)))
                .withColumn("inside", expr(inside))
                .withColumn("r", expr(r))
                .withColumn("v", expr("IF(inside, lo + r + IF(lo + r >= u, 1L, 0L), IF(r < lo, r, r + (hi - lo)))"))
                .select(
                        expr("least(u, v)").as(GraphTables.SRC),
                        expr("greatest(u, v)").as(GraphTables.DST),
                        col(SLOT))
                .groupBy(GraphTables.SRC, GraphTables.DST)
                .agg(min(SLOT).as(SLOT));
    }

    /** Count of distinct pairs whose smallest slot falls in each bucket of {@code width} slots. */
    private static long[] histogram(Dataset<Row> distinct, long width, long slots) {
        long[] counts = new long[(int) ((slots + width - 1) / width)];
        List<Row> rows = distinct.groupBy(expr(String.format(Locale.ROOT, "%s div %dL", SLOT, width))
                        .as("bucket"))
                .count()
                .collectAsList();
        for (Row row : rows) {
            counts[(int) row.getLong(0)] = row.getLong(1);
        }
        return counts;
    }

    /** The slot of the E-th distinct pair in slot order. */
    private static long cutSlot(Dataset<Row> distinct, long[] histogram, long width, long edges) {
        long before = 0;
        int bucket = 0;
        while (before + histogram[bucket] < edges) {
            before += histogram[bucket];
            bucket++;
        }
        long from = bucket * width;
        List<Row> rows = distinct.select(SLOT)
                .filter(col(SLOT).geq(from).and(col(SLOT).lt(from + width)))
                .collectAsList();
        long[] inBucket =
                rows.stream().mapToLong(row -> row.getLong(0)).sorted().toArray();
        return inBucket[(int) (edges - before - 1)];
    }

    private static long bucketWidth(long slots) {
        return Math.max(1, (slots + CUT_BUCKETS - 1) / CUT_BUCKETS);
    }

    /** The node table: id and F float-precision doubles, the community's prototype plus noise ({@link SbmFeatures}). */
    static Dataset<Row> features(SparkSession spark, Settings s) {
        SbmFeatures draw = new SbmFeatures(
                s.nodes(),
                s.communities(),
                s.featureWidth(),
                s.featureNoise(),
                subSeed(s.seed(), 4),
                subSeed(s.seed(), 5));
        return spark.range(0, s.nodes(), 1, s.partitions())
                .select(
                        col("id").as(GraphTables.ID),
                        udf(draw, DataTypes.createArrayType(DataTypes.DoubleType, false))
                                .asNonNullable()
                                .apply(col("id"))
                                .as(GraphTables.FEATURES));
    }

    /**
     * Slots to draw so that the expected number of distinct pairs exceeds E by a margin: pairs inside communities
     * and between them are drawn nearly uniformly, so after S draws about P·(1 − e^(−S·share/P)) of P pairs are
     * distinct (communities taken as equal in size).
     */
    static long slotsFor(Settings s) {
        double w = s.effectiveWithinShare();
        double within = withinPairs(s.nodes(), s.communities());
        double between = (double) s.nodes() * (s.nodes() - 1) / 2 - within;
        double target = s.edges() * 1.002 + 32;
        double lo = s.edges();
        double hi = s.edges() * 4.0 + 64;
        for (int i = 0; i < 60; i++) {
            double mid = (lo + hi) / 2;
            double distinct = expectedDistinct(mid * w, within) + expectedDistinct(mid * (1 - w), between);
            if (distinct >= target) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return (long) Math.ceil(hi);
    }

    private static double expectedDistinct(double draws, double pairs) {
        return pairs <= 0 ? 0 : -pairs * Math.expm1(-draws / pairs);
    }

    private static double withinPairs(long nodes, int communities) {
        double n = (double) nodes / communities;
        return communities * n * (n - 1) / 2;
    }

    /** A non-negative seed for draw stream {@code stream}, so it prints as a plain SQL long literal. */
    private static long subSeed(long seed, int stream) {
        return NodeBlocks.mix(seed ^ NodeBlocks.mix(stream)) & Long.MAX_VALUE;
    }
}
