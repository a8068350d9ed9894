// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.spark.predict;

import io.github.gae4j.core.error.ConfigException;
import io.github.gae4j.core.error.GaeException;
import io.github.gae4j.runtime.predict.ScoredPair;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** The predicted links table: its schema, its rows, its order, and writing it as Parquet. */
final class LinkTable {

    static final StructType SCHEMA = new StructType()
            .add(TopLinks.SRC, DataTypes.LongType, false)
            .add(TopLinks.DST, DataTypes.LongType, false)
            .add(TopLinks.SCORE, DataTypes.DoubleType, false)
            .add(TopLinks.RANK, DataTypes.IntegerType, false);

    private static final String LOGIT = "logit";

    private LinkTable() {}

    /** A source's ranked targets as rows: score = σ(logit), the decoder's probability; rank from 1. */
    static List<Row> rows(long source, BestTargets.Ranked ranked) {
        List<Row> out = new ArrayList<>(ranked.size());
        for (int r = 0; r < ranked.size(); r++) {
            out.add(RowFactory.create(source, ranked.targets()[r], ScoredPair.probability(ranked.logits()[r]), r + 1));
        }
        return out;
    }

    /** Each node's ranked targets as a table in {@code gae predict --per-node}'s order: by source, then rank. */
    static Dataset<Row> perNode(SparkSession spark, JavaPairRDD<Long, BestTargets.Ranked> ranked) {
        JavaRDD<Row> rows = ranked.flatMap(node -> rows(node._1(), node._2()).iterator());
        return spark.createDataFrame(rows, SCHEMA).orderBy(functions.col(TopLinks.SRC), functions.col(TopLinks.RANK));
    }

    /**
     * The k best links of the whole graph from each node's k best ({@code gae predict --top}): a link among the
     * graph's k best is among its source's k best, since every pair of that source ranking before it ranks before it
     * in the graph too. Ranked by logit descending, then source, then target, as single-machine search ranks; for an
     * undirected decoder each pair once, as (smaller id, larger id). The k links are gathered on the driver (a
     * distributed top-k, then k rows), so k should be moderate.
     */
    static Dataset<Row> graphTop(
            SparkSession spark, JavaPairRDD<Long, BestTargets.Ranked> ranked, int k, boolean directed) {
        JavaRDD<Row> pairs = ranked.flatMap(node -> {
            List<Row> out = new ArrayList<>(node._2().size());
            long u = node._1();
            for (int r = 0; r < node._2().size(); r++) {
                long v = node._2().targets()[r];
                double logit = node._2().logits()[r];
                out.add(directed || u < v ? RowFactory.create(u, v, logit) : RowFactory.create(v, u, logit));
            }
            return out.iterator();
        });
        StructType scored = new StructType()
                .add(TopLinks.SRC, DataTypes.LongType, false)
                .add(TopLinks.DST, DataTypes.LongType, false)
                .add(LOGIT, DataTypes.DoubleType, false);
        List<Row> top = spark.createDataFrame(pairs, scored)
                .groupBy(TopLinks.SRC, TopLinks.DST)
                .agg(functions.max(LOGIT).as(LOGIT))
                .orderBy(functions.col(LOGIT).desc(), functions.col(TopLinks.SRC), functions.col(TopLinks.DST))
                .limit(k)
                .collectAsList();
        List<Row> rows = new ArrayList<>(top.size());
        for (int r = 0; r < top.size(); r++) {
            Row p = top.get(r);
            rows.add(RowFactory.create(p.getLong(0), p.getLong(1), ScoredPair.probability(p.getDouble(2)), r + 1));
        }
        return spark.createDataFrame(rows, SCHEMA);
    }

    /** Writes {@code links} as Parquet at {@code path}; an existing path is replaced only with {@code force}. */
    static void write(Dataset<Row> links, String path, boolean force) {
        SparkSession spark = links.sparkSession();
        Path target = new Path(path);
        boolean exists;
        try {
            FileSystem fs = target.getFileSystem(spark.sparkContext().hadoopConfiguration());
            exists = fs.exists(target);
        } catch (IOException e) {
            throw new GaeException(path + ": cannot check whether the output exists: " + e.getMessage(), e);
        }
        if (exists && !force) {
            throw new ConfigException(path + ": exists; pass --force to replace it (--out)");
        }
        links.write().mode(force ? SaveMode.Overwrite : SaveMode.ErrorIfExists).parquet(path);
    }
}
