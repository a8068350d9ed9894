package io.github.gae4j.core.spi;

import io.github.gae4j.core.autodiff.Variable;

/** One term of the training objective, a scalar variable; terms are summed with weights. */
public interface Loss {

    Variable loss(LossInput input);
}
