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

    private LinkTable() {}

    /** A source's ranked targets as rows: score = σ(logit), the decoder's probability; rank from 1. */
    static List<Row> rows(long source, BestTargets.Ranked ranked) {
        List<Row> out = new ArrayList<>(ranked.size());
        for (int r = 0; r < ranked.size(); r++) {
            out.add(RowFactory.create(source, ranked.targets()[r], ScoredPair.probability(ranked.logits()[r]), r + 1));
        }
        return out;
    }

    /** The rows as a table in {@code gae predict --per-node}'s order: by source, then rank. */
    static Dataset<Row> ordered(SparkSession spark, JavaRDD<Row> rows) {
        return spark.createDataFrame(rows, SCHEMA).orderBy(functions.col(TopLinks.SRC), functions.col(TopLinks.RANK));
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
