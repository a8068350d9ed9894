// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.core.optim;

import io.github.gae4j.core.autodiff.ComputationContext;
import io.github.gae4j.core.autodiff.Weights;
import io.github.gae4j.core.tensor.Matrix;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Updates parameters in place from their gradients, one step at a time, at a learning rate given with each step
 * (so a schedule needs no optimiser state). Created by name through an {@code OptimizerFactory} plugin; the trainer
 * calls {@link #step} once per training step with the gradients an execution backend returned.
 *
 * <p>State the optimiser keeps between steps (moments, step counts, momentum buffers) is per parameter and must be
 * all of {@link #state}: the trainer saves it in checkpoints under the optimiser's name and hands it to
 * {@link #restoreState} of a fresh optimiser on resume, which must then continue bit for bit as the original
 * would. {@link StateTensors} has the naming and checking helpers.
 */
public interface Optimizer {

    /**
     * Updates {@code weights.get(k)} in place by {@code gradients.get(k)}, at {@code learningRate}. A null gradient
     * means the parameter had none this step (it took no part in the loss): it is left alone, and so is its state.
     *
     * @throws IllegalArgumentException if the lists differ in length, a gradient's shape differs from its
     *                                  parameter's, or the rate is not positive
     */
    void step(List<Weights> weights, List<Matrix> gradients, double learningRate);

    /** One step with the gradients of a backward pass in {@code gradients} (null for a parameter without one). */
    default void step(List<Weights> weights, ComputationContext gradients, double learningRate) {
        List<Matrix> grads = new ArrayList<>(weights.size());
        for (Weights w : weights) {
            grads.add(gradients.gradient(w));
        }
        step(weights, grads, learningRate);
    }

    /**
     * A snapshot of the state kept for {@code weights}: copied tensors with stable names, unique within this
     * optimiser, in a stable order ({@link StateTensors#key}: the parameter's name, a dot, the slot); counters as
     * 1 × 1 tensors. Empty for an optimiser without state.
     */
    Map<String, Matrix> state(List<Weights> weights);

    /**
     * Sets the state for {@code weights} from a {@link #state} snapshot of an optimiser created with the same
     * options, before the first step; copies the values in. Checks everything before changing anything and refuses
     * an unknown, missing or mis-shaped tensor with an {@link IllegalArgumentException} naming it.
     */
    void restoreState(List<Weights> weights, Map<String, Matrix> state);
}
