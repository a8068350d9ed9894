// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.spark.predict;

import io.github.gae4j.core.tensor.Matrix;
import io.github.gae4j.spark.io.GraphTables;
import java.util.Locale;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Distributed per-node top-k link prediction, {@code gae predict --per-node K} on Spark: each node's K most likely
 * new links, as a table {@code (src long, dst long, score double, rank int)} ordered by source then rank, score = the
 * decoder's probability σ(logit), ranks from 1. Candidates rank as single-machine search ranks them: logit
 * descending, ties by target id ascending. Known links (either direction) and self pairs are never candidates. A node
 * with fewer candidates lists all it has; a node with none has no rows.
 *
 * <p>Inputs: the embeddings {@code (node_id long, z array<double>)} (distributed embedding's output, μ for
 * variational models), the known links {@code (src, dst)} (the training edges, plus the held-out positives unless
 * they are to be recommended), the model's decoder ({@link DecoderCarrier}: scored with the decoder's own scorer, on
 * executors), and k. Results do not depend on the partitioning.
 */
public final class TopLinks {

    /** Embeddings: the node id column. */
    public static final String NODE_ID = "node_id";
    /** Embeddings: the vector column. */
    public static final String Z = "z";
    /** Output: the source node. */
    public static final String SRC = GraphTables.SRC;
    /** Output: the recommended target node. */
    public static final String DST = GraphTables.DST;
    /** Output: the decoder's probability of the link. */
    public static final String SCORE = "score";
    /** Output: the link's rank among its source's, from 1. */
    public static final String RANK = "rank";

    private TopLinks() {}

    /**
     * Each node's exact top-k over all pairs ({@code gae predict --per-node K}): equal to single-machine {@code
     * LinkPredictor}'s exact per-node top-k (same pairs, same order, the decoder's scores). Nodes are hashed into
     * B blocks ({@link Blocking}); each block pair is one task of O((N/B)·(d + k)) memory and the embeddings are
     * shuffled B times, so it suits moderate N (B(B+1)/2 tasks of (N/B)² pairs each).
     *
     * @param embeddings (node_id, z), one row per node
     * @param known      pairs (src, dst) never recommended
     * @param decoder    the model's decoder
     * @param k          links per node, >= 1
     * @param blocking   blocks, partitions and hash seed (the result does not depend on them)
     */
    public static Dataset<Row> allPairs(
            Dataset<Row> embeddings, Dataset<Row> known, DecoderCarrier decoder, int k, Blocking blocking) {
        return LinkTable.perNode(embeddings.sparkSession(), allPairsRanked(embeddings, known, decoder, k, blocking));
    }

    /**
     * The graph's k most likely new links over all pairs ({@code gae predict --top K}): equal to single-machine
     * {@code LinkPredictor.topK(k)}; each pair once for an undirected decoder, as (smaller id, larger id); ranks 1..k
     * over the whole graph. Arguments as {@link #allPairs}; the k links are gathered on the driver.
     */
    public static Dataset<Row> allPairsGraphTop(
            Dataset<Row> embeddings, Dataset<Row> known, DecoderCarrier decoder, int k, Blocking blocking) {
        return LinkTable.graphTop(
                embeddings.sparkSession(),
                allPairsRanked(embeddings, known, decoder, k, blocking),
                k,
                directed(decoder, embeddings));
    }

    /**
     * Each node's top-k among its 2-hop neighbourhood in {@code graph} (first hops included), capped by {@code caps},
     * less the known links: with the caps off, equal to the exact top-k restricted to nodes within 2 hops. Built from
     * joins and aggregations; the largest task holds one node's candidates (at most c1·(c2 + 1) with caps).
     *
     * @param embeddings (node_id, z), one row per node
     * @param graph      the training graph's edges (src, dst), whose neighbourhoods give the candidates
     * @param known      pairs (src, dst) never recommended (usually the same training edges, plus held-out positives)
     * @param decoder    the model's decoder
     * @param k          links per node, >= 1
     * @param caps       neighbourhood caps ({@link HopCaps#off()} for exact 2-hop candidates)
     */
    public static Dataset<Row> twoHop(
            Dataset<Row> embeddings,
            Dataset<Row> graph,
            Dataset<Row> known,
            DecoderCarrier decoder,
            int k,
            HopCaps caps) {
        requirePositive("k", k);
        return LinkTable.perNode(
                embeddings.sparkSession(), TwoHopSearch.perNode(embeddings, graph, known, decoder, k, caps));
    }

    /**
     * The graph's k most likely new links among 2-hop candidates ({@code gae predict --top K} restricted to them);
     * arguments as {@link #twoHop}, output as {@link #allPairsGraphTop}.
     */
    public static Dataset<Row> twoHopGraphTop(
            Dataset<Row> embeddings,
            Dataset<Row> graph,
            Dataset<Row> known,
            DecoderCarrier decoder,
            int k,
            HopCaps caps) {
        requirePositive("k", k);
        return LinkTable.graphTop(
                embeddings.sparkSession(),
                TwoHopSearch.perNode(embeddings, graph, known, decoder, k, caps),
                k,
                directed(decoder, embeddings));
    }

    private static JavaPairRDD<Long, BestTargets.Ranked> allPairsRanked(
            Dataset<Row> embeddings, Dataset<Row> known, DecoderCarrier decoder, int k, Blocking blocking) {
        requirePositive("k", k);
        return AllPairsSearch.perNode(
                embeddings, known, decoder, k, blocking.blocks(), blocking.partitions(), blocking.seed());
    }

    /** Whether the decoder's scores are directed, asked of its scorer over two zero vectors of the table's width. */
    private static boolean directed(DecoderCarrier decoder, Dataset<Row> embeddings) {
        int width = EmbeddingTable.width(embeddings);
        return decoder.scorer(Matrix.wrapRowMajor(2, width, new double[2 * width]))
                .directed();
    }

    /**
     * Writes links as Parquet at {@code path} (a directory, as Spark writes Parquet). An existing path is an error
     * ({@code ConfigException} naming it and --force) unless {@code force}, which replaces it.
     */
    public static void write(Dataset<Row> links, String path, boolean force) {
        LinkTable.write(links, path, force);
    }

    private static void requirePositive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(
                    String.format(Locale.ROOT, "%s must be at least 1, got %d", name, value));
        }
    }
}
