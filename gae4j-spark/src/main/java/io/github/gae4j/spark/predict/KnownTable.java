// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.spark.predict;

import io.github.gae4j.core.error.GaeException;
import io.github.gae4j.spark.io.GraphTables;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * A table of undirected pairs ({@code src}, {@code dst}, any further columns ignored): the known links a search
 * leaves out, or the graph whose 2-hop neighbourhoods give candidates. Either order of a pair means the same pair;
 * self pairs are dropped (a node is never its own candidate anyway).
 */
final class KnownTable {

    private KnownTable() {}

    /** The pairs, self pairs dropped, each as {src, dst}; a null id fails naming the table. */
    static JavaRDD<long[]> pairs(Dataset<Row> table) {
        EmbeddingTable.requireColumns(table, "known links", GraphTables.SRC, GraphTables.DST);
        return table.select(GraphTables.SRC, GraphTables.DST).javaRDD().flatMap(row -> {
            if (row.isNullAt(0) || row.isNullAt(1)) {
                throw new GaeException("The known links table has a null "
                        + (row.isNullAt(0) ? GraphTables.SRC : GraphTables.DST) + " id");
            }
            long a = row.getLong(0);
            long b = row.getLong(1);
            return (a == b ? java.util.List.<long[]>of() : java.util.List.of(new long[] {a, b})).iterator();
        });
    }

    /**
     * Both directions of every pair of {@code table} (named {@code name} in messages) as columns {@code (a, b)}, self
     * pairs dropped; a pair given twice (or in both orders) appears twice.
     */
    static Dataset<Row> bothDirections(Dataset<Row> table, String name, String a, String b) {
        EmbeddingTable.requireColumns(table, name, GraphTables.SRC, GraphTables.DST);
        Column src = functions.col(GraphTables.SRC).cast("long");
        Column dst = functions.col(GraphTables.DST).cast("long");
        Dataset<Row> forward = table.select(src.as(a), dst.as(b));
        Dataset<Row> backward = table.select(dst.as(a), src.as(b));
        return forward.union(backward)
                .where(functions
                        .col(a)
                        .isNotNull()
                        .and(functions.col(b).isNotNull())
                        .and(functions.col(a).notEqual(functions.col(b))));
    }
}
