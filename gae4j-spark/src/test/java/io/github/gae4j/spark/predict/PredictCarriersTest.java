// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.spark.predict;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gae4j.core.spi.PairScorer;
import io.github.gae4j.core.tensor.Matrix;
import io.github.gae4j.runtime.files.ModelDescription;
import io.github.gae4j.runtime.model.GraphAutoencoder;
import io.github.gae4j.runtime.model.ModelSpec;
import io.github.gae4j.runtime.train.TrainerConfig;
import io.github.gae4j.spark.model.ModelCarrier;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.apache.spark.SparkConf;
import org.apache.spark.serializer.JavaSerializer;
import org.apache.spark.serializer.KryoSerializer;
import org.apache.spark.serializer.Serializer;
import org.apache.spark.serializer.SerializerInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import scala.reflect.ClassTag$;

/** What the top-k tasks carry survives both of Spark's serialisers; heaps and merges keep the k best, best first. */
class PredictCarriersTest {

    @ParameterizedTest
    @ValueSource(strings = {"java", "kryo"})
    void theDecoderAndRankedListsRoundTrip(String which) {
        SparkConf conf = new SparkConf().set("spark.kryo.registrationRequired", "false");
        Serializer serializer = "kryo".equals(which) ? new KryoSerializer(conf) : new JavaSerializer(conf);
        SerializerInstance instance = serializer.newInstance();

        ModelCarrier carrier = ModelCarrier.of(
                new ModelDescription(ModelSpec.gae().withDecoder("mlp", "hidden", "4"), TrainerConfig.defaults()),
                5,
                10,
                3L);
        GraphAutoencoder model = carrier.assemble();
        model.weights().forEach(w -> w.data().data()[0] += 0.5); // off the initial values: shipping must carry them
        DecoderCarrier sent = DecoderCarrier.of(carrier, model);
        Matrix z = Matrix.wrapRowMajor(3, 16, new Random(1).doubles(48).toArray());
        sent.scorer(z); // a decoder assembled on the sender is transient: not shipped
        DecoderCarrier back = roundTrip(instance, sent, DecoderCarrier.class);
        PairScorer local = model.decoder().scorer(z);
        PairScorer shipped = back.scorer(z);
        for (int u = 0; u < 3; u++) {
            for (int v = 0; v < 3; v++) {
                assertThat(shipped.logit(u, v)).isEqualTo(local.logit(u, v));
            }
        }

        BestTargets.Ranked ranked = roundTrip(
                instance, new BestTargets.Ranked(new long[] {4, 2}, new double[] {1.5, -1}), BestTargets.Ranked.class);
        assertThat(ranked.targets()).containsExactly(4, 2);
        assertThat(ranked.logits()).containsExactly(1.5, -1);
    }

    @Test
    void heapsAndMergesKeepTheBestKByLogitThenTarget() {
        Random random = new Random(5);
        int k = 7;
        List<double[]> all = new ArrayList<>();
        BestTargets left = new BestTargets(k);
        BestTargets right = new BestTargets(k);
        for (long t = 0; t < 60; t++) {
            double logit = random.nextInt(10) / 4.0; // many exact ties
            all.add(new double[] {logit, t});
            (t % 3 == 0 ? left : right).offer(logit, t);
        }
        all.sort(Comparator.<double[]>comparingDouble(p -> -p[0]).thenComparingDouble(p -> p[1]));
        BestTargets.Ranked merged = BestTargets.merge(left.ranked(), right.ranked(), k);
        assertThat(merged.size()).isEqualTo(k);
        for (int i = 0; i < k; i++) {
            assertThat(merged.logits()[i]).isEqualTo(all.get(i)[0]);
            assertThat(merged.targets()[i]).isEqualTo((long) all.get(i)[1]);
        }
        assertThat(BestTargets.merge(right.ranked(), left.ranked(), k).targets())
                .containsExactly(merged.targets());
    }

    private static <T> T roundTrip(SerializerInstance instance, T value, Class<T> type) {
        ByteBuffer bytes = instance.serialize(value, ClassTag$.MODULE$.apply(type));
        return instance.deserialize(bytes, ClassTag$.MODULE$.apply(type));
    }
}
