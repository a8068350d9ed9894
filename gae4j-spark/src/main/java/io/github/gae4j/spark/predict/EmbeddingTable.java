// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.spark.predict;

import io.github.gae4j.core.error.GaeException;
import io.github.gae4j.core.error.NumericalException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import scala.Tuple2;

/**
 * The embeddings table the search reads: {@code node_id} long, {@code z} array&lt;double&gt; (μ for variational
 * models), one row per node, as distributed embedding writes it. Rows are checked as tasks read them: a null id or
 * vector, a vector of another width, or a value that is not finite fails naming the node.
 */
final class EmbeddingTable {

    static final String TABLE = "embeddings";

    private EmbeddingTable() {}

    /** Fails naming the table and the missing columns if {@code table} lacks any of {@code columns}. */
    static void requireColumns(Dataset<Row> table, String name, String... columns) {
        List<String> have = Arrays.asList(table.columns());
        List<String> missing =
                Arrays.stream(columns).filter(c -> !have.contains(c)).toList();
        if (!missing.isEmpty()) {
            throw new GaeException(String.format(
                    Locale.ROOT,
                    "The %s table has no column%s %s (it has %s)",
                    name,
                    missing.size() == 1 ? "" : "s",
                    String.join(", ", missing),
                    String.join(", ", have)));
        }
    }

    /** The width of the vectors: that of the first row; fails if the table is empty. */
    static int width(Dataset<Row> embeddings) {
        requireColumns(embeddings, TABLE, TopLinks.NODE_ID, TopLinks.Z);
        List<Row> first = embeddings.select(TopLinks.Z).takeAsList(1);
        if (first.isEmpty()) {
            throw new GaeException("The " + TABLE + " table has no rows: there are no nodes to predict links for");
        }
        if (first.get(0).isNullAt(0)) {
            throw new GaeException("The " + TABLE + " table has a null " + TopLinks.Z + " vector in its first row");
        }
        return first.get(0).getList(0).size();
    }

    /** (node id, vector) pairs, each checked. */
    static JavaPairRDD<Long, double[]> rows(Dataset<Row> embeddings, int width) {
        return embeddings
                .select(TopLinks.NODE_ID, TopLinks.Z)
                .javaRDD()
                .mapToPair(row -> new Tuple2<>(id(row, 0), vector(row, 1, width, id(row, 0))));
    }

    /** The long id in column {@code index} of {@code row}, failing on null. */
    static long id(Row row, int index) {
        if (row.isNullAt(index)) {
            throw new GaeException(
                    "The " + TABLE + " table has a null " + TopLinks.NODE_ID + " (every row needs a node id)");
        }
        return row.getLong(index);
    }

    /** The vector in column {@code index} of {@code row}, node {@code node}'s, checked for width and finiteness. */
    static double[] vector(Row row, int index, int width, long node) {
        if (row.isNullAt(index)) {
            throw new GaeException(
                    String.format(Locale.ROOT, "The %s table has a null %s for node %d", TABLE, TopLinks.Z, node));
        }
        List<Object> values = row.getList(index);
        if (values.size() != width) {
            throw new GaeException(String.format(
                    Locale.ROOT,
                    "The %s table's %s of node %d has %d values, but the first row's has %d: every vector needs the"
                            + " same width",
                    TABLE,
                    TopLinks.Z,
                    node,
                    values.size(),
                    width));
        }
        double[] out = new double[width];
        for (int c = 0; c < width; c++) {
            Object v = values.get(c);
            double x = v == null ? Double.NaN : ((Number) v).doubleValue();
            if (!Double.isFinite(x)) {
                throw new NumericalException(String.format(
                        Locale.ROOT,
                        "The %s table's %s of node %d is not finite (%s at %d); the model is broken, retrain it",
                        TABLE,
                        TopLinks.Z,
                        node,
                        v,
                        c));
            }
            out[c] = x;
        }
        return out;
    }
}
