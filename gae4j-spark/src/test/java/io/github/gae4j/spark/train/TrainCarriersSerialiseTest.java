// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.spark.train;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gae4j.core.tensor.Matrix;
import io.github.gae4j.runtime.backend.LossAndGradients;
import io.github.gae4j.runtime.minibatch.NegativeSampling;
import io.github.gae4j.spark.graph.LocalGraph;
import io.github.gae4j.spark.model.ModelCarrier;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.serializer.JavaSerializer;
import org.apache.spark.serializer.KryoSerializer;
import org.apache.spark.serializer.Serializer;
import org.apache.spark.serializer.SerializerInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import scala.reflect.ClassTag$;

/** What training tasks ship (parts, step shapes, runners, results, scores) survives Java's and Kryo's serialisers. */
class TrainCarriersSerialiseTest {

    @ParameterizedTest
    @ValueSource(strings = {"java", "kryo"})
    void trainingCarriersRoundTrip(String which) {
        SparkConf conf = new SparkConf().set("spark.kryo.registrationRequired", "false");
        Serializer serializer = "kryo".equals(which) ? new KryoSerializer(conf) : new JavaSerializer(conf);
        SerializerInstance instance = serializer.newInstance();

        LocalGraph graph = new LocalGraph(
                new long[] {10, 20, 30},
                new int[] {0, 1, 3, 4},
                new int[] {1, 0, 2, 1},
                null,
                new double[] {1, 2, 1},
                new double[] {1, 1, 1},
                1,
                new double[] {0.5, 1, 2});
        Part part = new Part(3, graph, new long[] {10, 20}, new long[] {10}, new long[] {20});
        Part partBack = roundTrip(instance, part, Part.class);
        assertThat(partBack.id()).isEqualTo(3);
        assertThat(partBack.owned()).containsExactly(10, 20);
        assertThat(partBack.graph().nodeIds()).containsExactly(10, 20, 30);
        assertThat(partBack.pairDstIds()).containsExactly(20);

        StepShape shape = roundTrip(instance, new StepShape(2, 5, 1, 3, 7, 14, 900, 2708), StepShape.class);
        assertThat(List.of(
                        shape.epoch(), shape.index(), shape.round(), shape.step(), shape.steps(), shape.epochSteps()))
                .containsExactly(2, 5, 1, 3, 7, 14);
        assertThat(shape.positives()).isEqualTo(900);
        assertThat(shape.nodes()).isEqualTo(2708);

        PartIds ids = PartIds.of(DistributedSettings.of(4).withRounds(2), 9);
        PartIds idsBack = roundTrip(instance, ids, PartIds.class);
        assertThat(idsBack.partOf(123456L)).isEqualTo(ids.partOf(123456L));

        StepRunner runner = new StepRunner(
                1, new ModelCarrier("{}", 1, 3, 5), new int[] {-1, -1}, 9, 1.0, NegativeSampling.UNIFORM, true, ids);
        assertThat(roundTrip(instance, runner, StepRunner.class)).isNotNull();

        LossAndGradients result = new LossAndGradients(
                2.5, Map.of("kl", 0.5), Arrays.asList(Matrix.wrapRowMajor(1, 2, new double[] {1, 2}), null), 4);
        PartResult back = roundTrip(instance, PartResult.of(3, result), PartResult.class);
        LossAndGradients restored = back.toLossAndGradients(List.of(Matrix.zeros(1, 2), Matrix.zeros(2, 2)));
        assertThat(restored.loss()).isEqualTo(2.5);
        assertThat(restored.weight()).isEqualTo(4);
        assertThat(restored.terms()).containsEntry("kl", 0.5);
        assertThat(restored.gradients().get(0).data()).containsExactly(1, 2);
        assertThat(restored.gradients().get(1)).isNull();
    }

    private static <T> T roundTrip(SerializerInstance instance, T value, Class<T> type) {
        ByteBuffer bytes = instance.serialize(value, ClassTag$.MODULE$.apply(type));
        return instance.deserialize(bytes, ClassTag$.MODULE$.apply(type));
    }
}
