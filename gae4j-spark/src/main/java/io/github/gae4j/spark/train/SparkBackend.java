// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.spark.train;

import io.github.gae4j.core.autodiff.Weights;
import io.github.gae4j.core.tensor.Matrix;
import io.github.gae4j.runtime.backend.ExecutionBackend;
import io.github.gae4j.runtime.backend.LossAndGradients;
import io.github.gae4j.runtime.backend.TrainingObjective;
import io.github.gae4j.runtime.backend.WorkBatch;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.TreeMap;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;

/**
 * Computes a step on Spark: the weights are broadcast as plain arrays, one job runs over the persisted parts (each
 * computes its share of the step with the single-machine mini-batch machinery, {@link StepRunner}), and
 * {@code treeAggregate} brings the parts' results to the driver keyed by part id, where they are summed in part
 * order ({@link LossAndGradients#sum}), so the bits do not depend on the order results arrive in. Only
 * {@link WorkBatch.Step} batches: the data stays on the parts.
 */
public final class SparkBackend implements ExecutionBackend {

    private final JavaSparkContext context;
    private final PartSet parts;
    private final StepRunner runner;
    private final SparkPlan plan;

    SparkBackend(JavaSparkContext context, PartSet parts, StepRunner runner, SparkPlan plan) {
        this.context = Objects.requireNonNull(context, "context is null");
        this.parts = Objects.requireNonNull(parts, "parts is null");
        this.runner = Objects.requireNonNull(runner, "runner is null");
        this.plan = Objects.requireNonNull(plan, "plan is null");
    }

    @Override
    public LossAndGradients lossAndGradients(
            TrainingObjective objective, List<Matrix> weights, WorkBatch batch, long stepSeed) {
        if (!(batch instanceof WorkBatch.Step step)) {
            throw new UnsupportedOperationException(String.format(
                    Locale.ROOT,
                    "gae-spark computes steps whose data stays on the parts (WorkBatch.Step), not %s",
                    batch));
        }
        StepShape shape = plan.shape(step.epoch(), step.index());
        double[][] values = new double[weights.size()][];
        for (int k = 0; k < values.length; k++) {
            values[k] = weights.get(k).data().clone();
        }
        Broadcast<double[][]> shipped = context.broadcast(values);
        StepRunner r = runner;
        TreeMap<Integer, PartResult> results;
        try {
            results = parts.parts()
                    .flatMap(part -> r.run(part, shipped.value(), shape, stepSeed))
                    .treeAggregate(
                            new TreeMap<Integer, PartResult>(),
                            (map, result) -> {
                                map.put(result.part, result);
                                return map;
                            },
                            (a, b) -> {
                                a.putAll(b);
                                return a;
                            },
                            2);
        } finally {
            shipped.destroy();
        }
        if (results.isEmpty()) {
            throw new IllegalStateException(
                    String.format(Locale.ROOT, "No part computed step %d of epoch %d", step.index(), step.epoch()));
        }
        List<Matrix> shapes = new ArrayList<>(objective.weights().size());
        for (Weights w : objective.weights()) {
            shapes.add(w.data());
        }
        List<LossAndGradients> ordered = new ArrayList<>(results.size());
        results.values().forEach(p -> ordered.add(p.toLossAndGradients(shapes)));
        return LossAndGradients.sum(ordered);
    }

    @Override
    public String toString() {
        return "SparkBackend[" + parts.ids().count() + " parts]";
    }
}
