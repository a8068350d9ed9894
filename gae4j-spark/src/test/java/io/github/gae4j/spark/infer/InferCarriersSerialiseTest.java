// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.spark.infer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.List;
import org.apache.spark.SparkConf;
import org.apache.spark.serializer.JavaSerializer;
import org.apache.spark.serializer.KryoSerializer;
import org.apache.spark.serializer.Serializer;
import org.apache.spark.serializer.SerializerInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import scala.Tuple2;
import scala.reflect.ClassTag$;

/** What inference shuffles (node and edge combiners, row chunks, edge keys, structure pieces, partial sums) survives Java's and Kryo's serialisers. */
class InferCarriersSerialiseTest {

    @ParameterizedTest
    @ValueSource(strings = {"java", "kryo"})
    void shuffledValuesRoundTrip(String which) {
        SparkConf conf = new SparkConf().set("spark.kryo.registrationRequired", "false");
        Serializer serializer = "kryo".equals(which) ? new KryoSerializer(conf) : new JavaSerializer(conf);
        SerializerInstance instance = serializer.newInstance();

        NodeRows nodes = new NodeRows(2).add(30, 1.0, 0, List.of(3.0, 4.0)).add(10, 2.0, 1, List.of(1.0, 2.0));
        NodeRows back = roundTrip(instance, nodes, NodeRows.class).sorted();
        assertThat(back.ids()).containsExactly(10, 30);
        assertThat(back.rows()).containsExactly(1, 2, 3, 4);
        assertThat(back.tag(0)).isEqualTo(1);

        EdgeRows edges = roundTrip(instance, new EdgeRows().add(10, 30, 0.5).add(30, 10, 0.5), EdgeRows.class);
        assertThat(edges.size()).isEqualTo(2);
        assertThat(edges.weight(1)).isEqualTo(0.5);

        // One block holding nodes 10 and 30 (degrees 2 and 1 as given), the edge 10 - 30 (weight 0.5) both ways,
        // sorted as the structure sorts them: by target, then source.
        long[] ids = {10, 30};
        double[] inv = {1 / Math.sqrt(3.0), 1 / Math.sqrt(2.0)};
        RowChunk state = roundTrip(instance, new RowChunk(0, ids, inv, 2, new double[] {1, 2, 3, 4}), RowChunk.class);
        assertThat(state.rowCount()).isEqualTo(2);
        List<Tuple2<EdgeKey, Double>> sorted = List.of(
                new Tuple2<>(roundTrip(instance, new EdgeKey(0, 10, 30), EdgeKey.class), 0.5),
                new Tuple2<>(new EdgeKey(0, 30, 10), 0.5));
        TargetPiece piece =
                roundTrip(instance, new PieceCutter(sorted.iterator(), 0, ids, inv, 16, 16).next(), TargetPiece.class);
        assertThat(piece.targetCount()).isEqualTo(2);
        Partial partial =
                roundTrip(instance, piece.push(BlockRows.of(List.of(state).iterator(), 2)), Partial.class);
        assertThat(partial.targets()).containsExactly(10, 30);
        // Â of the edge: self 1/(d+1), neighbour w / sqrt((d_u + 1)(d_v + 1)).
        RowChunk out = BlockRows.of(List.of(state).iterator(), 2)
                .combine(List.of(partial).iterator())
                .next();
        double a = 0.5 / Math.sqrt(3.0 * 2.0);
        assertThat(out.rows()[0]).isCloseTo(1.0 / 3 + a * 3, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(out.rows()[2]).isCloseTo(3.0 / 2 + a * 1, org.assertj.core.data.Offset.offset(1e-12));
    }

    private static <T> T roundTrip(SerializerInstance instance, T value, Class<T> type) {
        ByteBuffer bytes = instance.serialize(value, ClassTag$.MODULE$.apply(type));
        return instance.deserialize(bytes, ClassTag$.MODULE$.apply(type));
    }
}
