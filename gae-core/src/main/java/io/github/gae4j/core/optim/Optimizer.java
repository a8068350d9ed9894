package io.github.gae4j.core.optim;

import io.github.gae4j.core.autodiff.ComputationContext;
import io.github.gae4j.core.autodiff.Weights;
import java.util.List;

/** Updates parameters in place from the gradients of one backward pass. */
public interface Optimizer {

    void step(List<Weights> weights, ComputationContext gradients);
}
