// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.spark.infer;

import static org.apache.spark.sql.functions.col;

import io.github.gae4j.core.autodiff.ComputationContext;
import io.github.gae4j.core.autodiff.Constant;
import io.github.gae4j.core.autodiff.Variable;
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
import java.util.NoSuchElementException;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.util.LongAccumulator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.Tuple2;

/**
 * Exact inference for an encoder written as steps ({@link io.github.gae4j.core.spi.StepwiseEncoder}): node rows
 * live in blocks (block b in partition b), cut into {@link RowChunk}s of bounded size; row-local steps run where
 * the rows are (project first: H·W is as narrow as the layer's output before anything moves), and each propagation
 * is one shuffle of partial sums. The structure (each block's edges as bounded {@link TargetPiece}s, grouped by the
 * neighbour they feed) is built once, with sorts that spill, and cached.
 *
 * <p>Memory: no record exceeds the record budget (but a piece for a single node with more in-block neighbours than
 * the budget holds); a task holds its own block's rows (twice while it combines) and one record at a time of
 * anything else: partial sums are made lazily, piece by piece, shuffled sorted by (target block, source block) and
 * added to a preallocated sum as they stream in. So the block count bounds a task's memory; see
 * {@link #defaultBlocks}.
 */
final class LayerwisePropagation {

    private static final Logger LOG = LoggerFactory.getLogger(LayerwisePropagation.class);

    /** The default record budget: 64 MB. */
    static final long DEFAULT_RECORD_BYTES = 64L << 20;

    /** The share of a task's memory one block's rows (at the widest propagated width) may take; see {@link #defaultBlocks}. */
    private static final double BLOCK_SHARE = 0.1;

    private LayerwisePropagation() {}

    /**
     * The encoder's μ for every node, as rows ({@code node_id}, {@code z}).
     *
     * @param steps       the driver's copy of the steps (their kinds; executors run their own copies, by index)
     * @param recordBytes the budget of one record (rows of a chunk, entries of a piece)
     * @param release     what to run once the result is materialised (unpersisting, logging the shuffle volume)
     */
    static JavaRDD<Row> embed(
            GraphTables graph,
            ExecutorModel model,
            List<Step> steps,
            NodeBlocks blocks,
            long recordBytes,
            List<Runnable> release) {
        int width = graph.featureWidth();
        int chunkRows = chunkRows(recordBytes, widest(steps, width));
        int maxEntries =
                (int) Math.max(1, Math.min(Integer.MAX_VALUE - 16, recordBytes / (Integer.BYTES + Double.BYTES)));
        BlockPartitioner byNode = BlockPartitioner.ofNodes(blocks);
        Dataset<Row> directed = graph.directedEdges().persist(StorageLevel.MEMORY_AND_DISK());
        release.add(() -> directed.unpersist(false));
        JavaRDD<RowChunk> features = JavaPairRDD.fromJavaRDD(GraphPieces.nodes(graph, directed)
                        .select(col(GraphTables.ID), col(GraphPieces.DEGREE), col(GraphTables.FEATURES))
                        .javaRDD()
                        .map(r -> {
                            long id = r.getLong(0);
                            return new Tuple2<>(
                                    id, new Tuple2<>(r.getDouble(1), NodeRows.values(id, r.getList(2), width)));
                        }))
                .repartitionAndSortWithinPartitions(byNode)
                .mapPartitions(part -> new ChunkCutter(part, width, chunkRows), true)
                .persist(StorageLevel.MEMORY_AND_DISK());
        release.add(() -> features.unpersist(false));
        JavaPairRDD<EdgeKey, Double> edges = JavaPairRDD.fromJavaRDD(directed.select(
                                col(GraphTables.SRC), col(GraphTables.DST), col(GraphTables.WEIGHT))
                        .javaRDD()
                        .map(r -> new Tuple2<>(
                                new EdgeKey(blocks.blockOf(r.getLong(1)), r.getLong(1), r.getLong(0)), r.getDouble(2))))
                .repartitionAndSortWithinPartitions(byNode);
        JavaRDD<TargetPiece> structure = features.zipPartitions(edges, (nodes, sorted) -> {
                    List<long[]> ids = new ArrayList<>();
                    List<double[]> inv = new ArrayList<>();
                    nodes.forEachRemaining(c -> {
                        ids.add(c.ids());
                        inv.add(c.invSqrt());
                    });
                    return new PieceCutter(
                            sorted,
                            TaskContext.getPartitionId(),
                            concat(ids),
                            concatDoubles(inv),
                            chunkRows,
                            maxEntries);
                })
                .persist(StorageLevel.MEMORY_AND_DISK());
        release.add(() -> structure.unpersist(false));
        BlockPartitioner byTarget = BlockPartitioner.ofPartials(blocks);
        JavaRDD<RowChunk> states = features;
        int from = 0;
        int layer = 0;
        for (int s = 0; s < steps.size(); s++) {
            if (steps.get(s) instanceof Propagate) {
                states = persist(rowLocal(states, model, from, s), release);
                LongAccumulator sent =
                        graph.edges().sparkSession().sparkContext().longAccumulator();
                JavaPairRDD<Long, Partial> partials = JavaPairRDD.fromJavaRDD(
                        states.zipPartitions(structure, (own, pieces) -> push(own, pieces, chunkRows, sent)));
                JavaPairRDD<Long, Partial> received = partials.repartitionAndSortWithinPartitions(byTarget);
                states = states.zipPartitions(
                        received, (own, in) -> BlockRows.of(own, chunkRows).combine(values(in)));
                int number = ++layer;
                int propagated = width(steps, s, width);
                release.add(() -> LOG.info(
                        "Propagation {}: {} partial-sum rows of width {} shuffled (about {} MB)",
                        number,
                        sent.value(),
                        propagated,
                        sent.value() * (propagated + 1L) * Double.BYTES >> 20));
                from = s + 1;
            }
        }
        states = persist(rowLocal(states, model, from, steps.size()), release);
        return states.flatMap(LayerwisePropagation::rows);
    }

    /**
     * The default number of blocks for {@code nodes} nodes: few, so that the shuffle stays small (a block sends one
     * partial sum per distinct neighbour, and the fewer the blocks the more of a node's neighbours share one), but
     * enough that a block's rows at the widest propagated width take at most a tenth of a task's memory (a task holds
     * them twice while it combines, next to the cache and shuffle buffers); at least {@code parallelism}, a
     * multiple of it so that every core has as many blocks.
     *
     * @param taskBytes the memory of one task (an executor's heap over its cores)
     */
    static int defaultBlocks(long nodes, int width, long taskBytes, int parallelism) {
        double blockBytes = (double) nodes * width * Double.BYTES;
        long needed = (long) Math.ceil(blockBytes / (BLOCK_SHARE * Math.max(1, taskBytes)));
        long rounds = Math.max(1, (needed + parallelism - 1) / parallelism);
        return (int) Math.min(PartialKeys.MAX_BLOCKS, rounds * parallelism);
    }

    /** The widest rows propagated (the input width when a propagation comes first). */
    static int widestPropagated(List<Step> steps, int inputWidth) {
        int widest = 0;
        for (int s = 0; s < steps.size(); s++) {
            if (steps.get(s) instanceof Propagate) {
                widest = Math.max(widest, width(steps, s, inputWidth));
            }
        }
        return Math.max(1, widest);
    }

    /** The rows of a chunk that fit {@code recordBytes} at {@code width} values each (at least one). */
    static int chunkRows(long recordBytes, int width) {
        long rows = Math.min(recordBytes, 1L << 30) / ((long) Double.BYTES * (width + 2));
        return (int) Math.max(1, rows);
    }

    /** The width of the rows going into step {@code at}. */
    private static int width(List<Step> steps, int at, int inputWidth) {
        for (int s = at - 1; s >= 0; s--) {
            if (steps.get(s) instanceof RowLocal local) {
                return local.outputDim();
            }
        }
        return inputWidth;
    }

    /** The widest rows at any step (the input included). */
    private static int widest(List<Step> steps, int inputWidth) {
        int widest = inputWidth;
        for (Step step : steps) {
            if (step instanceof RowLocal local) {
                widest = Math.max(widest, local.outputDim());
            }
        }
        return widest;
    }

    private static JavaRDD<RowChunk> persist(JavaRDD<RowChunk> states, List<Runnable> release) {
        JavaRDD<RowChunk> persisted = states.persist(StorageLevel.MEMORY_AND_DISK());
        release.add(() -> persisted.unpersist(false));
        return persisted;
    }

    /** A block's partial sums, one piece at a time as the shuffle takes them. */
    private static Iterator<Tuple2<Long, Partial>> push(
            Iterator<RowChunk> own, Iterator<TargetPiece> pieces, int chunkRows, LongAccumulator sent) {
        BlockRows h = BlockRows.of(own, chunkRows);
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return pieces.hasNext();
            }

            @Override
            public Tuple2<Long, Partial> next() {
                TargetPiece piece = pieces.next();
                sent.add(piece.targetCount());
                return new Tuple2<>(piece.key(), piece.push(h));
            }
        };
    }

    private static Iterator<Partial> values(Iterator<Tuple2<Long, Partial>> keyed) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return keyed.hasNext();
            }

            @Override
            public Partial next() {
                if (!keyed.hasNext()) {
                    throw new NoSuchElementException();
                }
                return keyed.next()._2();
            }
        };
    }

    private static long[] concat(List<long[]> parts) {
        long[] out = new long[parts.stream().mapToInt(p -> p.length).sum()];
        int at = 0;
        for (long[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }

    private static double[] concatDoubles(List<double[]> parts) {
        double[] out = new double[parts.stream().mapToInt(p -> p.length).sum()];
        int at = 0;
        for (double[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }

    private static Iterator<Row> rows(RowChunk z) {
        int w = z.width();
        long[] ids = z.ids();
        List<Row> out = new ArrayList<>(ids.length);
        for (int i = 0; i < ids.length; i++) {
            double[] row = new double[w];
            System.arraycopy(z.rows(), i * w, row, 0, w);
            out.add(RowFactory.create(ids[i], row));
        }
        return out.iterator();
    }

    /** Steps [from, to) (all row-local) on every chunk's rows. */
    private static JavaRDD<RowChunk> rowLocal(JavaRDD<RowChunk> states, ExecutorModel model, int from, int to) {
        if (from == to) {
            return states;
        }
        return states.map(h -> apply(h, model.steps(), from, to));
    }

    /** Row-local steps [from, to) on a chunk's rows, in pieces of at most {@link LayerwiseInference#DEFAULT_CHUNK_ROWS} rows. */
    static RowChunk apply(RowChunk h, List<Step> steps, int from, int to) {
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
        return h.withRows(outWidth, out);
    }
}
