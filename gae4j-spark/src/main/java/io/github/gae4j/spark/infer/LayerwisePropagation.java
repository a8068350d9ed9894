// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.spark.infer;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.github.gae4j.core.autodiff.ComputationContext;
import io.github.gae4j.core.autodiff.Constant;
import io.github.gae4j.core.autodiff.Variable;
import io.github.gae4j.core.error.GaeException;
import io.github.gae4j.core.spi.LayerwiseInference;
import io.github.gae4j.core.spi.StepwiseEncoder.Propagate;
import io.github.gae4j.core.spi.StepwiseEncoder.RowLocal;
import io.github.gae4j.core.spi.StepwiseEncoder.Step;
import io.github.gae4j.core.tensor.Matrix;
import io.github.gae4j.spark.graph.NodeBlocks;
import io.github.gae4j.spark.io.GraphTables;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.apache.spark.HashPartitioner;
import org.apache.spark.Partitioner;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;

/**
 * Exact inference for an encoder written as steps ({@link io.github.gae4j.core.spi.StepwiseEncoder}): node rows
 * live in blocks (block b in partition b); row-local steps run where the rows are (project first: H·W is as narrow
 * as the layer's output before anything moves), and each propagation is one shuffle of partial sums
 * ({@link PushBlock}). Only the partial sums cross the network; the block structure is built once and cached.
 */
final class LayerwisePropagation {

    private LayerwisePropagation() {}

    /**
     * The encoder's μ for every node, as rows ({@code node_id}, {@code z}).
     *
     * @param steps the driver's copy of the steps (their kinds; executors run their own copies, by index)
     * @param release how to unpersist what is persisted here, for the caller to run once the result is materialised
     */
    static JavaRDD<Row> embed(
            GraphTables graph, ExecutorModel model, List<Step> steps, NodeBlocks blocks, List<Runnable> release) {
        Partitioner partitioner = new HashPartitioner(blocks.count());
        Dataset<Row> directed = GraphPieces.directed(graph).persist(StorageLevel.MEMORY_AND_DISK());
        release.add(() -> directed.unpersist(false));
        Dataset<Row> nodes = GraphPieces.nodes(graph, directed)
                .withColumn(GraphPieces.BLOCK, GraphPieces.blockOf(blocks, col(GraphTables.ID)))
                .withColumn(GraphPieces.TAG, lit(0));
        JavaPairRDD<Integer, NodeRows> nodeRows =
                GraphPieces.nodeRows(nodes, graph.featureWidth(), partitioner).persist(StorageLevel.MEMORY_AND_DISK());
        release.add(() -> nodeRows.unpersist(false));
        JavaPairRDD<Integer, EdgeRows> edgeRows = GraphPieces.edgeRows(
                directed.withColumn(GraphPieces.BLOCK, GraphPieces.blockOf(blocks, col(GraphTables.SRC))), partitioner);
        JavaPairRDD<Integer, PushBlock> structure = nodeRows.leftOuterJoin(edgeRows, partitioner)
                .mapPartitionsToPair(
                        part -> {
                            List<Tuple2<Integer, PushBlock>> out = new ArrayList<>(1);
                            while (part.hasNext()) {
                                Tuple2<Integer, Tuple2<NodeRows, Optional<EdgeRows>>> b = part.next();
                                out.add(new Tuple2<>(
                                        b._1(),
                                        PushBlock.of(
                                                b._1(), b._2()._1(), b._2()._2().orElse(null), blocks)));
                            }
                            return out.iterator();
                        },
                        true)
                .persist(StorageLevel.MEMORY_AND_DISK());
        release.add(() -> structure.unpersist(false));
        int width = graph.featureWidth();
        JavaPairRDD<Integer, BlockState> states = nodeRows.mapValues(r -> new BlockState(width, r.rows()));
        int from = 0;
        for (int s = 0; s < steps.size(); s++) {
            if (steps.get(s) instanceof Propagate) {
                states = rowLocal(states, model, from, s).persist(StorageLevel.MEMORY_AND_DISK());
                JavaPairRDD<Integer, BlockState> persisted = states;
                release.add(() -> persisted.unpersist(false));
                JavaPairRDD<Integer, Tuple2<PushBlock, BlockState>> joined = structure.join(states, partitioner);
                JavaPairRDD<Integer, PushBlock.Partial> partials =
                        joined.flatMapToPair(b -> b._2()._1().push(b._2()._2()).iterator());
                states = joined.cogroup(partials, partitioner).mapValues(LayerwisePropagation::combine);
                from = s + 1;
            }
        }
        states = rowLocal(states, model, from, steps.size()).persist(StorageLevel.MEMORY_AND_DISK());
        JavaPairRDD<Integer, BlockState> persisted = states;
        release.add(() -> persisted.unpersist(false));
        return structure.join(states, partitioner).values().flatMap(LayerwisePropagation::rows);
    }

    private static BlockState combine(
            Tuple2<Iterable<Tuple2<PushBlock, BlockState>>, Iterable<PushBlock.Partial>> grouped) {
        Iterator<Tuple2<PushBlock, BlockState>> own = grouped._1().iterator();
        if (!own.hasNext()) {
            Iterator<PushBlock.Partial> sent = grouped._2().iterator();
            long node = sent.hasNext() ? sent.next().targets()[0] : -1;
            throw new GaeException(String.format(
                    Locale.ROOT,
                    "Table 'edges': node %d is an edge's endpoint but has no row in table 'features'",
                    node));
        }
        Tuple2<PushBlock, BlockState> block = own.next();
        return block._1().combine(block._2(), grouped._2());
    }

    private static Iterator<Row> rows(Tuple2<PushBlock, BlockState> block) {
        long[] ids = block._1().ids();
        BlockState z = block._2();
        int w = z.width();
        List<Row> out = new ArrayList<>(ids.length);
        for (int i = 0; i < ids.length; i++) {
            double[] row = new double[w];
            System.arraycopy(z.rows(), i * w, row, 0, w);
            out.add(RowFactory.create(ids[i], row));
        }
        return out.iterator();
    }

    /** Steps [from, to) (all row-local) on every block's rows. */
    private static JavaPairRDD<Integer, BlockState> rowLocal(
            JavaPairRDD<Integer, BlockState> states, ExecutorModel model, int from, int to) {
        if (from == to) {
            return states;
        }
        return states.mapValues(h -> apply(h, model.steps(), from, to));
    }

    /** Row-local steps [from, to) on a block's rows, in chunks of at most {@link LayerwiseInference#DEFAULT_CHUNK_ROWS} rows. */
    static BlockState apply(BlockState h, List<Step> steps, int from, int to) {
        int n = h.rowCount();
        int width = h.width();
        int outWidth = ((RowLocal) steps.get(to - 1)).outputDim();
        double[] out = new double[n * outWidth];
        int chunk = LayerwiseInference.DEFAULT_CHUNK_ROWS;
        for (int start = 0; start < n; start += chunk) {
            int end = Math.min(n, start + chunk);
            double[] rows = new double[(end - start) * width];
            System.arraycopy(h.rows(), start * width, rows, 0, rows.length);
            Variable v = Constant.of(Matrix.wrapRowMajor(end - start, width, rows));
            for (int s = from; s < to; s++) {
                v = ((RowLocal) steps.get(s)).apply(v);
            }
            Matrix result = new ComputationContext().forward(v);
            System.arraycopy(result.data(), 0, out, start * outWidth, result.data().length);
        }
        return new BlockState(outWidth, out);
    }
}
