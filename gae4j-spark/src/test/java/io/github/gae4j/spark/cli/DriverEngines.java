// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.spark.cli;

import io.github.gae4j.core.graph.Graph;
import io.github.gae4j.core.graph.HashedLinkSplit;
import io.github.gae4j.core.graph.LinkSplit;
import io.github.gae4j.core.parallel.Parallelism;
import io.github.gae4j.core.spi.GraphInput;
import io.github.gae4j.core.spi.PairScorer;
import io.github.gae4j.core.tensor.Matrix;
import io.github.gae4j.runtime.files.ModelDescription;
import io.github.gae4j.runtime.model.GraphAutoencoder;
import io.github.gae4j.runtime.train.Trainer;
import io.github.gae4j.runtime.train.TrainingResult;
import io.github.gae4j.spark.TestTables;
import io.github.gae4j.spark.io.GraphTables;
import io.github.gae4j.spark.split.SplitTables;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Stand-in engines for the command tests, on the driver: the single-machine graph the tables were written from is
 * split, trained, embedded and searched by gae4j itself. They let the commands be tested (options, model file,
 * Parquet outputs) before and independently of the distributed engines.
 */
final class DriverEngines implements SparkEngines {

    static final StructType EMBEDDINGS = new StructType()
            .add("node_id", DataTypes.LongType, false)
            .add("z", DataTypes.createArrayType(DataTypes.DoubleType, false), false);
    static final StructType LINKS = new StructType()
            .add("src", DataTypes.LongType, false)
            .add("dst", DataTypes.LongType, false)
            .add("score", DataTypes.DoubleType, false)
            .add("rank", DataTypes.IntegerType, false);

    private final Graph graph;
    private SparkSession spark;
    private LinkSplit split;

    DriverEngines(Graph graph) {
        this.graph = graph;
    }

    /** The session the stand-ins create their tables in, when read is not called first. */
    DriverEngines withSession(SparkSession session) {
        this.spark = session;
        return this;
    }

    @Override
    public GraphTables read(SparkSession session, TableSource edges, TableSource features) {
        this.spark = session;
        Dataset<Row> e = session.read().parquet(edges.path());
        Dataset<Row> x = session.read().parquet(features.path());
        return new GraphTables(e, x, x.first().<Double>getList(1).size());
    }

    @Override
    public SplitTables split(GraphTables tables, double valFraction, double testFraction, long seed) {
        // gae-spark's rule (SparkLinkSplit's, on one machine), as the model file then records it.
        split = HashedLinkSplit.of(graph, valFraction, testFraction, seed);
        return TestTables.of(spark, split);
    }

    @Override
    public TrainingResult fit(
            GraphAutoencoder model, ModelDescription description, SplitTables tables, ClusterSettings settings) {
        try (Parallelism p = Parallelism.of(1)) {
            return new Trainer(description.training(), p).fit(model, split);
        }
    }

    @Override
    public Dataset<Row> embed(
            ModelDescription description, GraphAutoencoder model, GraphTables tables, ClusterSettings settings) {
        Matrix z = embeddings(model);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < z.rows(); i++) {
            double[] row = new double[z.cols()];
            for (int j = 0; j < row.length; j++) {
                row[j] = z.get(i, j);
            }
            rows.add(RowFactory.create((long) i, row));
        }
        return spark.createDataFrame(rows, EMBEDDINGS);
    }

    /** Each node's top k, or the graph's (each pair once, u < v), by brute force over all pairs. */
    @Override
    public Dataset<Row> predict(
            ModelDescription description,
            GraphAutoencoder model,
            GraphTables tables,
            int k,
            boolean graphTop,
            Candidates candidates,
            ClusterSettings settings) {
        PairScorer scorer = model.decoder().scorer(embeddings(model));
        List<Row> rows = new ArrayList<>();
        List<double[]> all = new ArrayList<>();
        int n = graph.nodeCount();
        for (int u = 0; u < n; u++) {
            List<double[]> found = new ArrayList<>();
            for (int v = 0; v < n; v++) {
                if (v != u && graph.adjacency().get(u, v) == 0.0) {
                    found.add(new double[] {u, v, 1.0 / (1.0 + Math.exp(-scorer.logit(u, v)))});
                }
            }
            found.forEach(f -> {
                if (f[0] < f[1]) {
                    all.add(f);
                }
            });
            if (!graphTop) {
                addRanked(rows, found, k);
            }
        }
        if (graphTop) {
            addRanked(rows, all, k);
        }
        return spark.createDataFrame(rows, LINKS);
    }

    private static void addRanked(List<Row> rows, List<double[]> links, int k) {
        links.sort((a, b) -> a[2] != b[2] ? Double.compare(b[2], a[2]) : Double.compare(a[1], b[1]));
        for (int r = 0; r < Math.min(k, links.size()); r++) {
            double[] l = links.get(r);
            rows.add(RowFactory.create((long) l[0], (long) l[1], l[2], r + 1));
        }
    }

    Matrix embeddings(GraphAutoencoder model) {
        try (Parallelism p = Parallelism.of(1)) {
            return model.embed(GraphInput.of(graph), p);
        }
    }
}
