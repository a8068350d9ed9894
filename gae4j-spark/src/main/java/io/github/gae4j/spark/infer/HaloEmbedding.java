// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.spark.infer;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;

import io.github.gae4j.core.error.GaeException;
import io.github.gae4j.core.parallel.Parallelism;
import io.github.gae4j.core.tensor.Matrix;
import io.github.gae4j.spark.graph.LocalGraph;
import io.github.gae4j.spark.graph.NodeBlocks;
import io.github.gae4j.spark.io.GraphTables;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.apache.spark.HashPartitioner;
import org.apache.spark.Partitioner;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.storage.StorageLevel;

/**
 * Exact inference for any encoder whose output at a node reaches at most L hops: each block's nodes with their
 * L-hop halo become a {@link LocalGraph} (complete rows to depth L − 1, border nodes at depth L with their
 * features and whole-graph degrees), the model embeds it on one machine and the block keeps its own rows. The
 * halos are found with joins; nothing is gathered on the driver. Halos overlap, so this costs more than
 * {@link LayerwisePropagation} (a hub is in many halos); it is the way for encoders that are not written as steps.
 */
final class HaloEmbedding {

    private static final String NODE = "node";

    private HaloEmbedding() {}

    /**
     * μ (Z in evaluation) for every node, as rows ({@code node_id}, {@code z}).
     *
     * @param hops   the encoder's reach L
     * @param release how to unpersist what is persisted here, for the caller to run once the result is materialised
     */
    static JavaRDD<Row> embed(
            GraphTables graph, ExecutorModel model, int hops, NodeBlocks blocks, List<Runnable> release) {
        Partitioner partitioner = new HashPartitioner(blocks.count());
        Dataset<Row> directed = graph.directedEdges().persist(StorageLevel.MEMORY_AND_DISK());
        Dataset<Row> nodes = GraphPieces.nodes(graph, directed).persist(StorageLevel.MEMORY_AND_DISK());
        release.add(() -> directed.unpersist(false));
        release.add(() -> nodes.unpersist(false));
        Dataset<Row> members = nodes.select(
                GraphPieces.blockOf(blocks, col(GraphTables.ID)).as(GraphPieces.BLOCK),
                col(GraphTables.ID).as(NODE),
                lit(0).as(GraphPieces.TAG));
        for (int depth = 1; depth <= hops; depth++) {
            // The nodes one hop further than the last depth, each kept at its smallest depth: one join and one
            // aggregation per hop.
            Dataset<Row> reached = members.filter(col(GraphPieces.TAG).equalTo(depth - 1))
                    .join(directed, col(NODE).equalTo(col(GraphTables.SRC)))
                    .select(
                            col(GraphPieces.BLOCK),
                            col(GraphTables.DST).as(NODE),
                            lit(depth).as(GraphPieces.TAG));
            members = members.union(reached)
                    .groupBy(col(GraphPieces.BLOCK), col(NODE))
                    .agg(min(col(GraphPieces.TAG)).as(GraphPieces.TAG))
                    .persist(StorageLevel.MEMORY_AND_DISK());
            Dataset<Row> persisted = members;
            release.add(() -> persisted.unpersist(false));
        }
        Dataset<Row> entries = members.filter(col(GraphPieces.TAG).lt(hops))
                .join(directed, col(NODE).equalTo(col(GraphTables.SRC)))
                .select(col(GraphPieces.BLOCK), col(GraphTables.SRC), col(GraphTables.DST), col(GraphTables.WEIGHT));
        Dataset<Row> info = members.join(nodes, col(NODE).equalTo(col(GraphTables.ID)))
                .select(
                        col(GraphPieces.BLOCK),
                        col(GraphTables.ID),
                        col(GraphPieces.DEGREE),
                        col(GraphPieces.TAG),
                        col(GraphTables.FEATURES));
        int width = graph.featureWidth();
        return GraphPieces.nodeRows(info, width, partitioner)
                .leftOuterJoin(GraphPieces.edgeRows(entries, partitioner), partitioner)
                .values()
                .flatMap(block -> embedBlock(block._1(), block._2(), model));
    }

    private static Iterator<Row> embedBlock(NodeRows nodes, Optional<EdgeRows> edges, ExecutorModel model) {
        LocalGraph local = localGraph(nodes, edges.orElse(new EdgeRows()));
        Matrix z;
        try (Parallelism single = Parallelism.singleThreaded()) {
            z = model.model().embed(local.toGraphInput(), single);
        }
        List<Row> out = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            if (nodes.tag(i) == 0) {
                double[] row = new double[z.cols()];
                System.arraycopy(z.data(), i * z.cols(), row, 0, row.length);
                out.add(RowFactory.create(nodes.id(i), row));
            }
        }
        return out.iterator();
    }

    /** The block's local graph: rows of the halo's inner nodes complete, border rows empty. */
    static LocalGraph localGraph(NodeRows nodes, EdgeRows edges) {
        long[] ids = nodes.ids();
        int n = ids.length;
        int m = edges.size();
        int[] rowOf = new int[m];
        int[] colOf = new int[m];
        int[] rowPtr = new int[n + 1];
        for (int k = 0; k < m; k++) {
            rowOf[k] = Arrays.binarySearch(ids, edges.src(k));
            colOf[k] = Arrays.binarySearch(ids, edges.dst(k));
            if (rowOf[k] < 0 || colOf[k] < 0) {
                throw new GaeException(String.format(
                        Locale.ROOT,
                        "Table 'edges': node %d is an edge's endpoint but has no row in table 'features'",
                        rowOf[k] < 0 ? edges.src(k) : edges.dst(k)));
            }
            rowPtr[rowOf[k] + 1]++;
        }
        for (int i = 0; i < n; i++) {
            rowPtr[i + 1] += rowPtr[i];
        }
        Integer[] order = new Integer[m];
        for (int k = 0; k < m; k++) {
            order[k] = k;
        }
        Arrays.sort(order, Comparator.<Integer>comparingInt(k -> rowOf[k]).thenComparingInt(k -> colOf[k]));
        int[] cols = new int[m];
        double[] weights = new double[m];
        for (int p = 0; p < m; p++) {
            cols[p] = colOf[order[p]];
            weights[p] = edges.weight(order[p]);
        }
        double[] degrees = new double[n];
        double[] rowScale = new double[n];
        for (int i = 0; i < n; i++) {
            degrees[i] = nodes.degree(i);
            rowScale[i] = 1.0;
        }
        return new LocalGraph(ids, rowPtr, cols, weights, degrees, rowScale, nodes.width(), nodes.rows());
    }
}
