// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.spark.infer;

import io.github.gae4j.core.autodiff.Weights;
import io.github.gae4j.core.spi.StepwiseEncoder;
import io.github.gae4j.core.spi.StepwiseEncoder.Step;
import io.github.gae4j.core.tensor.Matrix;
import io.github.gae4j.runtime.model.GraphAutoencoder;
import io.github.gae4j.spark.model.ModelCarrier;
import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * A trained model as a task carries it: the {@link ModelCarrier} and the weight values. The task assembles the
 * model once, on first use, and keeps it in a transient field (each task deserialises its own copy).
 */
final class ExecutorModel implements Serializable {

    private static final long serialVersionUID = 1L;

    private final ModelCarrier carrier;
    private final double[][] values;
    private transient GraphAutoencoder model;
    private transient List<Step> steps;

    ExecutorModel(ModelCarrier carrier, double[][] values) {
        this.carrier = Objects.requireNonNull(carrier, "carrier is null");
        this.values = Objects.requireNonNull(values, "values is null");
    }

    ModelCarrier carrier() {
        return carrier;
    }

    /** The model with the trained values. */
    GraphAutoencoder model() {
        if (model == null) {
            GraphAutoencoder assembled = carrier.assemble();
            List<Matrix> trained = ModelCarrier.matrices(assembled, values);
            List<Weights> weights = assembled.weights();
            for (int k = 0; k < weights.size(); k++) {
                double[] into = weights.get(k).data().data();
                System.arraycopy(trained.get(k).data(), 0, into, 0, into.length);
            }
            model = assembled;
        }
        return model;
    }

    /** The encoder's evaluation steps (the caller checked the encoder offers them). */
    List<Step> steps() {
        if (steps == null) {
            steps = ((StepwiseEncoder) model().encoder())
                    .evaluationSteps()
                    .orElseThrow(() -> new IllegalStateException("The encoder offers no evaluation steps"));
        }
        return steps;
    }
}
