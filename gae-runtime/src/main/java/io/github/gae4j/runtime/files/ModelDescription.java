// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.runtime.files;

import io.github.gae4j.runtime.model.GraphAutoencoder;
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

    /**
     * The description of {@code model} (its recorded {@link GraphAutoencoder#spec()}) trained with {@code training}:
     * what saving a model built in code needs, e.g. {@code SavedModel.of(ModelDescription.of(model, config), ...)}.
     *
     * @throws IllegalStateException for a model composed from component instances, which records no spec
     */
    public static ModelDescription of(GraphAutoencoder model, TrainerConfig training) {
        Objects.requireNonNull(model, "model is null");
        ModelSpec spec = model.spec()
                .orElseThrow(() -> new IllegalStateException("This model cannot be saved: it was"
                        + " composed from component instances, so it records no ModelSpec (a saved model names each component"
                        + " to assemble it again). Give every part by name instead, new ModelAssembler(plugins).builder(context)"
                        + ".encoder(ComponentSpec.of(\"gcn\"))... or new ModelAssembler(plugins).assemble(modelSpec, context),"
                        + " or pass the ModelSpec the instances match to GraphAutoencoder.Builder.spec(...)"));
        return new ModelDescription(spec, training);
    }
}
