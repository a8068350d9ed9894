// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.spark.train;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gae4j.core.graph.Graph;
import io.github.gae4j.core.graph.LinkSplit;
import io.github.gae4j.core.parallel.Parallelism;
import io.github.gae4j.runtime.files.ModelDescription;
import io.github.gae4j.runtime.minibatch.FanOut;
import io.github.gae4j.runtime.minibatch.MiniBatchSettings;
import io.github.gae4j.runtime.model.ModelSpec;
import io.github.gae4j.runtime.train.Trainer;
import io.github.gae4j.runtime.train.TrainerConfig;
import io.github.gae4j.spark.SharedSpark;
import io.github.gae4j.spark.TestTables;
import io.github.gae4j.spark.model.ModelCarrier;
import io.github.gae4j.spark.split.SplitTables;
import java.util.Locale;
import java.util.Optional;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Sampling on (fan-out 10,10, 4 blocks): the test AUC of distributed training is within 0.01 of single-machine
 * mini-batch training with the same settings, averaged over 3 seeds. Long: run with
 * {@code -Dgae4j.spark.accuracy=true}; {@code .datasets=cora,pubmed}, {@code .epochs=N} and {@code .batch=B} narrow
 * or change the run. PubMed's shared copy has no features, so its runs use a seeded sketch of each node's training
 * neighbourhood as features ({@link TrainingFixtures#withAdjacencySketch}).
 */
@ExtendWith(SharedSpark.class)
class SparkTrainingAccuracyTest {

    private static final String PROPERTY = "gae4j.spark.accuracy";

    @BeforeEach
    void onlyOnRequest() {
        Assumptions.assumeTrue(
                Boolean.getBoolean(PROPERTY), "Long accuracy comparison (minutes): run with -D" + PROPERTY + "=true");
    }

    @ParameterizedTest
    @ValueSource(strings = {"cora", "citeseer", "pubmed"})
    void testAucIsWithinAHundredthOfTheSingleMachine(String dataset, SparkSession spark) {
        String only = System.getProperty(PROPERTY + ".datasets", "cora,citeseer,pubmed");
        Assumptions.assumeTrue(
                java.util.Arrays.asList(only.split(",")).contains(dataset),
                dataset + " not in -D" + PROPERTY + ".datasets");
        boolean sketched = dataset.equals("pubmed");
        Optional<Graph> graph = sketched ? TrainingFixtures.pubmed() : TrainingFixtures.linqs(dataset);
        Assumptions.assumeTrue(
                graph.isPresent() && (sketched || graph.get().features().isPresent()),
                dataset + " not found under the shared datasets (linqs/" + dataset
                        + "/<name>.content, planetoid/pubmed.cites)");
        int epochs = Integer.getInteger(PROPERTY + ".epochs", 40);
        int batch = Integer.getInteger(PROPERTY + ".batch", 512);
        double singleSum = 0;
        double sparkSum = 0;
        StringBuilder table = new StringBuilder(String.format(
                Locale.ROOT,
                "%n%s, %d epochs, batch %d, fan-out 10,10, 4 blocks%nseed  single  spark   delta%n",
                dataset,
                epochs,
                batch));
        for (long seed = 1; seed <= 3; seed++) {
            LinkSplit split = LinkSplit.of(graph.get(), seed);
            if (sketched) {
                split = TrainingFixtures.withAdjacencySketch(split, seed);
            }
            TrainerConfig config = TrainerConfig.builder()
                    .seed(seed)
                    .epochs(epochs)
                    .learningRate(0.01)
                    .evalEvery(10)
                    .miniBatch(MiniBatchSettings.of(batch, FanOut.of(10, 10)))
                    .build();
            ModelDescription description = new ModelDescription(ModelSpec.gae().withNegativeSampling(), config);
            int width = split.trainGraph().features().orElseThrow().dim();
            ModelCarrier carrier =
                    ModelCarrier.of(description, width, split.trainGraph().nodeCount(), seed);
            double single;
            try (Parallelism threads = Parallelism.of(2)) {
                single = new Trainer(config, threads)
                        .fit(carrier.assemble(), split)
                        .test()
                        .auc();
            }
            SplitTables tables = TestTables.of(spark, split);
            double distributed = new SparkTrainer(spark, DistributedSettings.of(4))
                    .fit(carrier.assemble(), description, tables)
                    .test()
                    .auc();
            singleSum += single;
            sparkSum += distributed;
            table.append(String.format(
                    Locale.ROOT, "%4d  %.4f  %.4f  %+.4f%n", seed, single, distributed, distributed - single));
        }
        table.append(String.format(
                Locale.ROOT, "mean  %.4f  %.4f  %+.4f%n", singleSum / 3, sparkSum / 3, (sparkSum - singleSum) / 3));
        System.out.print(table);
        assertThat(Math.abs(sparkSum - singleSum) / 3).as(table.toString()).isLessThan(0.01);
    }
}
