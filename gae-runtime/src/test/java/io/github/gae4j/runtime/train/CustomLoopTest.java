// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.runtime.train;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gae4j.core.graph.Graph;
import io.github.gae4j.core.graph.LinkSplit;
import io.github.gae4j.core.graph.TrainingGraph;
import io.github.gae4j.core.optim.Optimizer;
import io.github.gae4j.core.parallel.Parallelism;
import io.github.gae4j.core.spi.GraphInput;
import io.github.gae4j.runtime.backend.ExecutionBackend;
import io.github.gae4j.runtime.backend.LocalBackend;
import io.github.gae4j.runtime.backend.LossAndGradients;
import io.github.gae4j.runtime.backend.ModelObjective;
import io.github.gae4j.runtime.backend.WorkBatch;
import io.github.gae4j.runtime.metrics.LinkScores;
import io.github.gae4j.runtime.model.GraphAutoencoder;
import io.github.gae4j.runtime.optim.DefaultOptimizers;
import io.github.gae4j.testkit.TestGraphs;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A loop of one's own, composed of the trainer's pieces: the objective, a backend, the optimiser by name, the step
 * and the validator. Ten epochs of it give the numbers {@link Trainer#fit} gives, bit for bit.
 */
final class CustomLoopTest {

    @Test
    void tenStepsOfTheStepAndTheValidatorAreTheTrainersTenEpochs() {
        Graph graph = TestGraphs.twoCommunities(40, 8, 3);
        LinkSplit split = LinkSplit.of(graph, 4);
        TrainerConfig config = TrainerConfig.builder()
                .epochs(10)
                .seed(5)
                .restoreBest(true)
                .optimizer("adamw")
                .build();

        GraphAutoencoder fitted = TrainerTest.model(1);
        TrainingResult fit = new Trainer(config, Parallelism.singleThreaded()).fit(fitted, split);

        GraphAutoencoder model = TrainerTest.model(1);
        List<List<Double>> numbers = new ArrayList<>();
        try (Parallelism parallelism = Parallelism.singleThreaded();
                ExecutionBackend backend = new LocalBackend(parallelism)) {
            GraphInput input = GraphInput.of(split.trainGraph());
            ModelObjective objective = new ModelObjective(model, input, new TrainingGraph(split.trainGraph()));
            Optimizer optimizer = Trainer.createOptimizer(
                    config, new DefaultOptimizers(getClass().getClassLoader()), graph.nodeCount());
            TrainingStep step = new TrainingStep(objective, backend, optimizer, config.gradientClipNorm());
            Validator validator = new Validator(model, input, split, config, parallelism);
            for (int epoch = 1; epoch <= 10; epoch++) {
                LossAndGradients result = step.run(
                        WorkBatch.wholeGraph(),
                        TrainingLoop.epochSeed(config.seed(), epoch),
                        config.learningRate(),
                        epoch);
                assertThat(result.terms()).containsOnlyKeys("reconstruction");
                assertThat(result.terms().get("reconstruction")).isEqualTo(result.loss());
                LinkScores val = validator.validate(epoch).orElseThrow();
                numbers.add(List.of((double) epoch, result.loss(), val.auc(), val.ap()));
            }
            validator.restoreBestWeights();
            LinkScores test = validator.test(10);
            numbers.add(List.of(test.auc(), test.ap(), (double) validator.bestEpoch()));
        }
        assertThat(numbers).isEqualTo(TrainerTest.numbers(fit));
        for (int k = 0; k < model.weights().size(); k++) {
            assertThat(model.weights().get(k).data().data())
                    .isEqualTo(fitted.weights().get(k).data().data());
        }
    }
}
