package io.github.gae4j.core.spi;

import io.github.gae4j.core.autodiff.Variable;
import io.github.gae4j.core.autodiff.Weights;
import java.util.List;

/** One term of the training objective, a scalar variable; terms are summed with weights. */
public interface Loss {

    Variable loss(LossInput input);

    /**
     * Parameters this term owns that the model's optimiser trains with the encoder (e.g. a feature
     * decoder); they are saved with the model. Parameters trained by the term itself (an
     * adversarial discriminator) are not listed here.
     */
    default List<Weights> weights() {
        return List.of();
    }
}
