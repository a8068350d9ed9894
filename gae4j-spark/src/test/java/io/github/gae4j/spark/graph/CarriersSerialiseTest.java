// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.spark.graph;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gae4j.core.graph.Graph;
import io.github.gae4j.core.graph.NormalizedAdjacency;
import io.github.gae4j.core.spi.GraphInput;
import io.github.gae4j.core.tensor.SparseMatrix;
import io.github.gae4j.spark.model.ModelCarrier;
import java.nio.ByteBuffer;
import org.apache.spark.SparkConf;
import org.apache.spark.serializer.JavaSerializer;
import org.apache.spark.serializer.KryoSerializer;
import org.apache.spark.serializer.Serializer;
import org.apache.spark.serializer.SerializerInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import scala.reflect.ClassTag$;

/** What tasks carry survives both of Spark's serialisers: Java's (the default) and Kryo (which clusters often set). */
class CarriersSerialiseTest {

    /** A 4-node path 0-1-2-3 as a complete local graph: Â must be the whole graph's. */
    private static LocalGraph path() {
        long[] ids = {10, 20, 30, 40};
        int[] ptr = {0, 1, 3, 5, 6};
        int[] cols = {1, 0, 2, 1, 3, 2};
        double[] degrees = {1, 2, 2, 1};
        double[] scale = {1, 1, 1, 1};
        double[] x = {1, 0, 0, 1, 1, 1, 0.5, 2};
        return new LocalGraph(ids, ptr, cols, null, degrees, scale, 2, x);
    }

    @ParameterizedTest
    @ValueSource(strings = {"java", "kryo"})
    void localGraphAndModelCarrierRoundTrip(String which) {
        SparkConf conf = new SparkConf().set("spark.kryo.registrationRequired", "false");
        Serializer serializer = "kryo".equals(which) ? new KryoSerializer(conf) : new JavaSerializer(conf);
        SerializerInstance instance = serializer.newInstance();

        LocalGraph back = roundTrip(instance, path(), LocalGraph.class);
        assertThat(back.nodeIds()).containsExactly(10, 20, 30, 40);
        assertThat(back.features().toDense().data()).containsExactly(1, 0, 0, 1, 1, 1, 0.5, 2);

        NodeBlocks blocks = roundTrip(instance, new NodeBlocks(7, 42), NodeBlocks.class);
        assertThat(blocks.blockOf(123456789L)).isEqualTo(new NodeBlocks(7, 42).blockOf(123456789L));

        ModelCarrier carrier = roundTrip(instance, new ModelCarrier("{}", 3, 100, 5), ModelCarrier.class);
        assertThat(carrier.descriptionJson()).isEqualTo("{}");
        assertThat(carrier.nodeCount()).isEqualTo(100);
    }

    @org.junit.jupiter.api.Test
    void aCompleteLocalGraphHasTheWholeGraphsNormalisedAdjacency() {
        GraphInput local = path().toGraphInput();
        Graph whole =
                Graph.builder(4).edges(new int[] {0, 1, 2}, new int[] {1, 2, 3}).build();
        SparseMatrix expected = NormalizedAdjacency.of(whole);
        SparseMatrix actual = local.normalizedAdjacency();
        assertThat(actual.nnz()).isEqualTo(expected.nnz());
        for (int p = 0; p < expected.nnz(); p++) {
            assertThat(actual.colAt(p)).isEqualTo(expected.colAt(p));
            assertThat(actual.valueAt(p)).isCloseTo(expected.valueAt(p), org.assertj.core.data.Offset.offset(1e-15));
        }
        assertThat(local.graph().nodeIds()).containsExactly("10", "20", "30", "40");
    }

    private static <T> T roundTrip(SerializerInstance instance, T value, Class<T> type) {
        ByteBuffer bytes = instance.serialize(value, ClassTag$.MODULE$.apply(type));
        return instance.deserialize(bytes, ClassTag$.MODULE$.apply(type));
    }
}
