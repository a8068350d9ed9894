// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.runtime.backend;

import io.github.gae4j.core.autodiff.ComputationContext;
import io.github.gae4j.core.autodiff.Weights;
import io.github.gae4j.core.parallel.Parallelism;
import io.github.gae4j.core.tensor.Matrix;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Computes on this machine: one forward and one backward pass of the objective's batch loss, with the kernels
 * using {@code parallelism}'s threads (borrowed: {@link #close()} leaves it open). Numbers do not depend on the
 * thread count; training through it is bit for bit the training of the trainer before backends existed. Whatever
 * the objective can compute it computes; the objective refuses what it cannot.
 */
public final class LocalBackend implements ExecutionBackend {

    private final Parallelism parallelism;

    public LocalBackend(Parallelism parallelism) {
        this.parallelism = Objects.requireNonNull(parallelism, "parallelism is null");
    }

    public Parallelism parallelism() {
        return parallelism;
    }

    @Override
    public LossAndGradients lossAndGradients(
            TrainingObjective objective, List<Matrix> weights, WorkBatch batch, long stepSeed) {
        List<Weights> params = objective.weights();
        WeightValues.copyInto(weights, params, "The weight values handed to the backend", "the objective");
        ComputationContext ctx = new ComputationContext(parallelism);
        TrainingObjective.BatchLoss batchLoss = objective.loss(batch, new SplittableRandom(stepSeed), ctx);
        double loss = ctx.forward(batchLoss.total()).scalarValue();
        Map<String, Double> terms = new LinkedHashMap<>();
        batchLoss
                .terms()
                .forEach((key, term) -> terms.put(key, ctx.forward(term).scalarValue()));
        if (!Double.isFinite(loss)) {
            // Nothing to step on: the training step refuses a non-finite loss, so skip the backward pass.
            return new LossAndGradients(loss, terms, Collections.nCopies(params.size(), null), batchLoss.weight());
        }
        ctx.backward(batchLoss.total());
        List<Matrix> gradients = new ArrayList<>(params.size());
        for (Weights w : params) {
            gradients.add(ctx.gradient(w));
        }
        return new LossAndGradients(loss, terms, gradients, batchLoss.weight());
    }

    @Override
    public String toString() {
        return "LocalBackend[" + parallelism.threads() + " threads]";
    }
}
