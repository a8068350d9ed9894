// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.spark.predict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.gae4j.runtime.files.ModelDescription;
import io.github.gae4j.runtime.model.ModelSpec;
import io.github.gae4j.runtime.train.TrainerConfig;
import io.github.gae4j.spark.SharedSpark;
import io.github.gae4j.spark.io.TableException;
import io.github.gae4j.spark.model.ModelCarrier;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * 2-hop search joins on ids, where a null matches nothing: a null id in any of its three tables (which users pass
 * in through {@link TopLinks}, unchecked by GraphReader) fails naming the table and column with a count, instead of
 * losing the row.
 */
@ExtendWith(SharedSpark.class)
class TwoHopSearchNullIdTest {

    private static final StructType EMBEDDINGS = new StructType()
            .add(TopLinks.NODE_ID, DataTypes.LongType, true)
            .add(TopLinks.Z, DataTypes.createArrayType(DataTypes.DoubleType, false), false);
    private static final StructType PAIRS =
            new StructType().add("src", DataTypes.LongType, true).add("dst", DataTypes.LongType, true);

    /** An untrained GAE's decoder (the inner product): the scores do not matter here, only which rows survive. */
    private static DecoderCarrier decoder() {
        ModelCarrier carrier =
                ModelCarrier.of(new ModelDescription(ModelSpec.gae(), TrainerConfig.defaults()), 4, 6, 3L);
        return DecoderCarrier.of(carrier, carrier.assemble());
    }

    /** Nodes 0..5 with 3-wide vectors, plus a row without an id when {@code withNull}. */
    private static Dataset<Row> embeddings(SparkSession spark, boolean withNull) {
        List<Row> rows = new ArrayList<>();
        for (long v = 0; v < 6; v++) {
            rows.add(RowFactory.create(v, new double[] {v, 1, -v / 2.0}));
        }
        if (withNull) {
            rows.add(RowFactory.create(null, new double[] {9, 9, 9}));
        }
        return spark.createDataFrame(rows, EMBEDDINGS);
    }

    /** The path 0-1-2-3-4-5, plus the given extra rows. */
    private static Dataset<Row> path(SparkSession spark, Row... extra) {
        List<Row> rows = new ArrayList<>();
        for (long v = 0; v < 5; v++) {
            rows.add(RowFactory.create(v, v + 1));
        }
        rows.addAll(List.of(extra));
        return spark.createDataFrame(rows, PAIRS);
    }

    @Test
    void cleanTablesGiveEveryNodeItsTwoHopCandidates(SparkSession spark) {
        Dataset<Row> graph = path(spark);
        List<Row> links = TopLinks.twoHop(embeddings(spark, false), graph, graph, decoder(), 5, HopCaps.off())
                .collectAsList();
        // Each node's candidates are the nodes 2 hops along the path (its neighbours are known links).
        assertThat(links)
                .extracting(r -> r.getLong(0) + "-" + r.getLong(1))
                .containsExactlyInAnyOrder("0-2", "1-3", "2-0", "2-4", "3-1", "3-5", "4-2", "5-3");
    }

    @Test
    void aNullNodeIdInTheEmbeddingsFails(SparkSession spark) {
        Dataset<Row> graph = path(spark);
        assertThatThrownBy(() -> TopLinks.twoHop(embeddings(spark, true), graph, graph, decoder(), 5, HopCaps.off()))
                .isInstanceOf(TableException.class)
                .hasMessage("Table 'embeddings', column 'node_id': 1 of 7 rows have a null id; every row needs one (a"
                        + " null matches no node, so the row would be lost)");
    }

    @Test
    void aNullIdInTheGraphOrTheKnownLinksFails(SparkSession spark) {
        Dataset<Row> clean = path(spark);
        Dataset<Row> nullSrc = path(spark, RowFactory.create(null, 2L), RowFactory.create(null, 4L));
        assertThatThrownBy(() ->
                        TopLinks.twoHopGraphTop(embeddings(spark, false), nullSrc, clean, decoder(), 5, HopCaps.off()))
                .isInstanceOf(TableException.class)
                .hasMessageStartingWith("Table 'graph edges', column 'src': 2 of 7 rows have a null id");
        Dataset<Row> nullDst = path(spark, RowFactory.create(3L, null));
        assertThatThrownBy(() -> TopLinks.twoHop(embeddings(spark, false), clean, nullDst, decoder(), 5, HopCaps.off()))
                .isInstanceOf(TableException.class)
                .hasMessageStartingWith("Table 'known links', column 'dst': 1 of 6 rows have a null id");
    }
}
