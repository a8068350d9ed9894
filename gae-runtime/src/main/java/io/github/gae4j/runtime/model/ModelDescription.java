package io.github.gae4j.runtime.model;

import io.github.gae4j.runtime.train.TrainerConfig;
import java.util.Objects;

/** A whole run described as data: the model's components and the training settings. */
public record ModelDescription(ModelSpec model, TrainerConfig training) {

    public ModelDescription {
        Objects.requireNonNull(model, "model is null");
        Objects.requireNonNull(training, "training is null");
    }
}
