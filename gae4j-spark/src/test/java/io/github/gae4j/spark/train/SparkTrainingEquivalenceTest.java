// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.spark.train;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gae4j.core.autodiff.Weights;
import io.github.gae4j.core.graph.EdgeList;
import io.github.gae4j.core.graph.Graph;
import io.github.gae4j.core.graph.LinkSplit;
import io.github.gae4j.core.graph.TrainingGraph;
import io.github.gae4j.core.optim.Optimizer;
import io.github.gae4j.core.parallel.Parallelism;
import io.github.gae4j.core.spi.GraphInput;
import io.github.gae4j.core.tensor.Matrix;
import io.github.gae4j.runtime.backend.ExecutionBackend;
import io.github.gae4j.runtime.backend.LocalBackend;
import io.github.gae4j.runtime.backend.LossAndGradients;
import io.github.gae4j.runtime.backend.TrainingObjective;
import io.github.gae4j.runtime.backend.WorkBatch;
import io.github.gae4j.runtime.files.ModelDescription;
import io.github.gae4j.runtime.minibatch.FanOut;
import io.github.gae4j.runtime.minibatch.MiniBatchObjective;
import io.github.gae4j.runtime.minibatch.MiniBatchSettings;
import io.github.gae4j.runtime.model.GraphAutoencoder;
import io.github.gae4j.runtime.model.ModelSpec;
import io.github.gae4j.runtime.optim.DefaultOptimizers;
import io.github.gae4j.runtime.train.Trainer;
import io.github.gae4j.runtime.train.TrainerConfig;
import io.github.gae4j.runtime.train.TrainingStep;
import io.github.gae4j.spark.SharedSpark;
import io.github.gae4j.spark.TestTables;
import io.github.gae4j.spark.model.ModelCarrier;
import io.github.gae4j.spark.split.SplitTables;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Exact halos (caps off), a distributed step equals the single-machine computation of the same
 * per-part batches on the whole graph: the loss and every gradient entry within 1e-9 (relative), for P = 1 and
 * P = 4, GAE and VGAE, with sampling off (and, since a part's rows are complete, with sampling on); and five Adam
 * steps give the same weights within 1e-9.
 */
@ExtendWith(SharedSpark.class)
class SparkTrainingEquivalenceTest {

    private static final double TOLERANCE = 1e-9;
    private static final long SEED = 11;

    private static final ModelSpec GAE = ModelSpec.gae().withNegativeSampling();
    private static final ModelSpec VGAE = ModelSpec.vgae().withNegativeSampling();

    @Test
    void aStepAndFiveAdamStepsMatchTheSingleMachineOnASmallGraph(SparkSession spark) {
        Graph graph = TrainingFixtures.small(120, 3);
        LinkSplit split = LinkSplit.of(graph, 4);
        SplitTables tables = TestTables.of(spark, split);
        for (ModelSpec spec : List.of(GAE, VGAE)) {
            for (int blocks : new int[] {1, 4}) {
                compare(spark, split, tables, spec, blocks, 64, 5, FanOut.all(2));
            }
        }
    }

    /**
     * With caps off a part's local graph holds the complete rows the sampler reads, so even sampled steps draw the
     * whole-graph sampler's subgraph: the same numbers with fan-out 5,5.
     */
    @Test
    void sampledStepsMatchTooWhenTheHalosAreExact(SparkSession spark) {
        Graph graph = TrainingFixtures.small(120, 3);
        LinkSplit split = LinkSplit.of(graph, 4);
        compare(spark, split, TestTables.of(spark, split), VGAE, 4, 64, 3, FanOut.of(5, 5));
    }

    @Test
    void aStepMatchesTheSingleMachineOnCora(SparkSession spark) {
        Assumptions.assumeTrue(
                Boolean.getBoolean("gae4j.spark.cora"),
                "Cora-sized Spark checks take a minute on 2 cores: run them with -Dgae4j.spark.cora=true");
        Optional<Graph> cora = TrainingFixtures.linqs("cora");
        Assumptions.assumeTrue(
                cora.isPresent(), "Cora not found: set GAE_DATA_DIR or put the shared datasets at ../shared/datasets");
        LinkSplit split = LinkSplit.of(cora.get(), 4);
        SplitTables tables = TestTables.of(spark, split);
        compare(spark, split, tables, VGAE, 4, 512, 2, FanOut.all(2));
    }

    private static void compare(
            SparkSession spark,
            LinkSplit split,
            SplitTables tables,
            ModelSpec spec,
            int blocks,
            int batch,
            int steps,
            FanOut fanOut) {
        int width = split.trainGraph().features().orElseThrow().dim();
        int n = split.trainGraph().nodeCount();
        MiniBatchSettings miniBatch = MiniBatchSettings.of(batch, fanOut);
        TrainerConfig config = TrainerConfig.builder()
                .seed(SEED)
                .learningRate(0.01)
                .miniBatch(miniBatch)
                .build();
        ModelDescription description = new ModelDescription(spec, config);
        ModelCarrier carrier = ModelCarrier.of(description, width, n, SEED);
        PartSet parts = SparkTrainer.trainingParts(tables, DistributedSettings.of(blocks), 2, SEED);
        try {
            SparkPlan plan = SparkPlan.of(parts, miniBatch, SEED);
            assertThat(plan.batches(1)).isGreaterThanOrEqualTo(steps);
            GraphAutoencoder distributed = carrier.assemble();
            GraphAutoencoder single = carrier.assemble();
            List<Part> local = new ArrayList<>(parts.parts().collect());
            local.sort(Comparator.comparingInt(Part::id));
            GraphInput input = GraphInput.of(split.trainGraph());
            MiniBatchObjective reference =
                    new MiniBatchObjective(single, input, new TrainingGraph(split.trainGraph()), miniBatch.fanOut());
            ExecutionBackend referenceBackend = new ReferenceBackend(plan, local, miniBatch, spark);
            try (SparkBackend backend =
                    SparkTrainer.backend(spark, parts, plan, carrier, distributed, miniBatch, config)) {
                DriverObjective driver = new DriverObjective(distributed);
                WorkBatch first = plan.batch(1, 0);
                long seed = plan.stepSeed(1, 0);
                LossAndGradients expected = referenceBackend.lossAndGradients(reference, values(single), first, seed);
                LossAndGradients actual = backend.lossAndGradients(driver, values(distributed), first, seed);
                String what = spec.encoder().name() + ", " + blocks + " blocks";
                assertClose(actual, expected, what);

                Optimizer adamA = Trainer.createOptimizer(config, new DefaultOptimizers(cl()), n);
                Optimizer adamB = Trainer.createOptimizer(config, new DefaultOptimizers(cl()), n);
                TrainingStep a = new TrainingStep(driver, backend, adamA, 0);
                TrainingStep b = new TrainingStep(reference, referenceBackend, adamB, 0);
                for (int s = 0; s < steps; s++) {
                    a.run(plan.batch(1, s), plan.stepSeed(1, s), 0.01, 1);
                    b.run(plan.batch(1, s), plan.stepSeed(1, s), 0.01, 1);
                }
                for (int k = 0; k < single.weights().size(); k++) {
                    assertEntriesClose(
                            distributed.weights().get(k).data(),
                            single.weights().get(k).data(),
                            what + ", weight " + k + " after " + steps + " Adam steps");
                }
            }
        } finally {
            parts.release();
        }
    }

    private static ClassLoader cl() {
        return SparkTrainingEquivalenceTest.class.getClassLoader();
    }

    static List<Matrix> values(GraphAutoencoder model) {
        List<Matrix> out = new ArrayList<>();
        for (Weights w : model.weights()) {
            out.add(w.data());
        }
        return out;
    }

    static void assertClose(LossAndGradients actual, LossAndGradients expected, String what) {
        assertThat(relative(actual.loss(), expected.loss())).as(what + ": loss").isLessThan(TOLERANCE);
        assertThat(actual.weight()).as(what + ": weight").isEqualTo(expected.weight());
        assertThat(actual.terms().keySet()).isEqualTo(expected.terms().keySet());
        expected.terms()
                .forEach((k, v) -> assertThat(relative(actual.terms().get(k), v))
                        .as(what + ": term " + k)
                        .isLessThan(TOLERANCE));
        for (int k = 0; k < expected.gradients().size(); k++) {
            Matrix e = expected.gradients().get(k);
            Matrix a = actual.gradients().get(k);
            assertThat(a == null).as(what + ": gradient " + k + " null").isEqualTo(e == null);
            if (e != null) {
                assertEntriesClose(a, e, what + ": gradient " + k);
            }
        }
    }

    /** Each entry within 1e-9 of the larger magnitude (entries that are rounding noise around 0: 1e-15 absolute). */
    static void assertEntriesClose(Matrix actual, Matrix expected, String what) {
        assertThat(actual.rows()).isEqualTo(expected.rows());
        assertThat(actual.cols()).isEqualTo(expected.cols());
        double worst = 0;
        for (int i = 0; i < expected.data().length; i++) {
            double a = actual.data()[i];
            double e = expected.data()[i];
            double diff = Math.abs(a - e);
            if (diff > 1e-15) {
                worst = Math.max(worst, diff / Math.max(Math.abs(a), Math.abs(e)));
            }
        }
        assertThat(worst).as(what + ": largest relative difference").isLessThan(TOLERANCE);
    }

    private static double relative(double a, double b) {
        double diff = Math.abs(a - b);
        return diff == 0 ? 0 : diff / Math.max(Math.abs(a), Math.abs(b));
    }

    /**
     * The single-machine reference: the same per-part batches (built by {@link PartBatches} from the same parts),
     * each computed by the mini-batch objective on the whole graph through a local backend with the part's seed,
     * summed in part order.
     */
    static final class ReferenceBackend implements ExecutionBackend {
        private final SparkPlan plan;
        private final List<Part> parts;
        private final List<PartBatches> batches = new ArrayList<>();
        private final LocalBackend local = new LocalBackend(Parallelism.singleThreaded());

        ReferenceBackend(SparkPlan plan, List<Part> parts, MiniBatchSettings miniBatch, SparkSession unused) {
            this.plan = plan;
            this.parts = parts;
            for (Part p : parts) {
                batches.add(new PartBatches(p, SEED, miniBatch.negativeRatio(), miniBatch.negatives()));
            }
        }

        @Override
        public LossAndGradients lossAndGradients(
                TrainingObjective objective, List<Matrix> weights, WorkBatch batch, long stepSeed) {
            WorkBatch.Step step = (WorkBatch.Step) batch;
            StepShape shape = plan.shape(step.epoch(), step.index());
            List<LossAndGradients> results = new ArrayList<>();
            for (int k = 0; k < parts.size(); k++) {
                PartBatches.PartBatch b = batches.get(k).batch(shape);
                if (b == null) {
                    continue;
                }
                WorkBatch.Links links = WorkBatch.links(
                        new EdgeList(ints(b.posSrc()), ints(b.posDst())),
                        new EdgeList(ints(b.negSrc()), ints(b.negDst())),
                        ints(b.nodes()),
                        b.nodeScale());
                results.add(local.lossAndGradients(
                        objective,
                        weights,
                        links,
                        PartBatches.mix(stepSeed, parts.get(k).id())));
            }
            return LossAndGradients.sum(results);
        }

        private static int[] ints(long[] ids) {
            int[] out = new int[ids.length];
            for (int k = 0; k < ids.length; k++) {
                out[k] = Math.toIntExact(ids[k]);
            }
            return out;
        }
    }
}
