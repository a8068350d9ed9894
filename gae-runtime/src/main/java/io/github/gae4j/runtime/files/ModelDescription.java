package io.github.gae4j.runtime.files;

import io.github.gae4j.runtime.model.ModelSpec;
import io.github.gae4j.runtime.train.TrainerConfig;
import java.util.Objects;

/**
 * A whole run described as data: the model's components and the training settings. What a model
 * description file ({@link ModelDescriptionFile}) holds, and what a saved model records; it lives here, above
 * both {@code runtime.model} and {@code runtime.train}, so that neither needs the other's types.
 */
public record ModelDescription(ModelSpec model, TrainerConfig training) {

    public ModelDescription {
        Objects.requireNonNull(model, "model is null");
        Objects.requireNonNull(training, "training is null");
    }
}
