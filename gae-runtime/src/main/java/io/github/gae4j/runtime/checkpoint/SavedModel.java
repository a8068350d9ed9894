// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.runtime.checkpoint;

import io.github.gae4j.core.autodiff.Weights;
import io.github.gae4j.core.spi.CreationContext;
import io.github.gae4j.core.tensor.Matrix;
import io.github.gae4j.runtime.files.ModelDescription;
import io.github.gae4j.runtime.model.GraphAutoencoder;
import io.github.gae4j.runtime.model.ModelAssembler;
import io.github.gae4j.runtime.plugin.FactoryLookup;
import io.github.gae4j.runtime.provenance.Provenance;
import io.github.gae4j.runtime.train.TrainingState;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A trained model as data: its description (what to assemble), its provenance (what it was trained
 * on and with: absent for a model saved by code that recorded none), its parameters by name, and
 * optionally the resumable training state. {@link SavedModelFile} writes and reads it.
 */
public record SavedModel(
        ModelDescription description,
        Optional<Provenance> provenance,
        List<Parameter> parameters,
        Optional<TrainingState> training) {

    /** One named parameter matrix. */
    public record Parameter(String name, Matrix value) {
        public Parameter {
            Objects.requireNonNull(name, "name is null");
            Objects.requireNonNull(value, "value is null");
        }
    }

    public SavedModel {
        Objects.requireNonNull(description, "description is null");
        Objects.requireNonNull(provenance, "provenance is null");
        parameters = List.copyOf(parameters);
        Objects.requireNonNull(training, "training is null");
        Set<String> names = new HashSet<>();
        for (Parameter p : parameters) {
            if (!names.add(p.name())) {
                throw new IllegalArgumentException(
                        "Two parameters are named '" + p.name() + "'; give every Weights of a model a distinct name");
            }
        }
        if (training.isPresent() && training.get().weights().size() != parameters.size()) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT,
                    "Training state has %d parameters, the model %d",
                    training.get().weights().size(),
                    parameters.size()));
        }
    }

    /** The model's current parameter values (copied), with no training state. */
    public static SavedModel of(ModelDescription description, Optional<Provenance> provenance, GraphAutoencoder model) {
        List<Parameter> params = new ArrayList<>();
        for (Weights w : model.weights()) {
            params.add(new Parameter(w.name(), w.data().copy()));
        }
        return new SavedModel(description, provenance, params, Optional.empty());
    }

    /** A checkpoint: the state's current parameters (named after the model's) and the state itself. */
    public static SavedModel checkpoint(
            ModelDescription description,
            Optional<Provenance> provenance,
            GraphAutoencoder model,
            TrainingState state) {
        List<Weights> weights = model.weights();
        if (weights.size() != state.weights().size()) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT,
                    "Training state has %d parameters, the model %d",
                    state.weights().size(),
                    weights.size()));
        }
        List<Parameter> params = new ArrayList<>();
        for (int k = 0; k < weights.size(); k++) {
            params.add(new Parameter(weights.get(k).name(), state.weights().get(k)));
        }
        return new SavedModel(description, provenance, params, Optional.of(state));
    }

    /** The best-validation parameters of a checkpoint as a plain saved model (the current ones without validation). */
    public SavedModel best() {
        if (training.isEmpty() || training.get().bestWeights().isEmpty()) {
            return new SavedModel(description, provenance, parameters, Optional.empty());
        }
        List<Matrix> best = training.get().bestWeights();
        List<Parameter> params = new ArrayList<>();
        for (int k = 0; k < parameters.size(); k++) {
            params.add(new Parameter(parameters.get(k).name(), best.get(k)));
        }
        return new SavedModel(description, provenance, params, Optional.empty());
    }

    /**
     * The check that {@code lookup} provides every component this model needs with the options it has, naming a
     * missing plugin as this model's provenance recorded it ({@code source} names the file in messages). Run it
     * before loading data, so a missing plugin is the first thing reported.
     */
    public RequiredPlugins requiredPlugins(FactoryLookup lookup, String source) {
        return new RequiredPlugins(lookup, provenance.map(Provenance::plugins).orElse(List.of()), source);
    }

    /**
     * The described model from {@code assembler}'s plugins, with these parameters loaded: what a saved model file
     * turns back into. Checks the components first ({@link #requiredPlugins}), so a model made with a plugin that
     * is not installed fails naming that plugin and how to add its jar.
     */
    public GraphAutoencoder assemble(ModelAssembler assembler, CreationContext context, String source) {
        requiredPlugins(assembler.lookup(), source).check(description.model());
        GraphAutoencoder model = assembler.assemble(description.model(), context);
        loadInto(model, source);
        return model;
    }

    /**
     * Copies the parameters into a model assembled from {@link #description()}, checking that names,
     * count and shapes agree.
     *
     * @throws SavedModelException naming the first parameter that does not fit, and {@code source}
     */
    public void loadInto(GraphAutoencoder model, String source) {
        List<Weights> weights = model.weights();
        if (weights.size() != parameters.size()) {
            throw new SavedModelException(String.format(
                    Locale.ROOT,
                    "%s: holds %d parameters %s but the model has %d %s",
                    source,
                    parameters.size(),
                    parameters.stream().map(Parameter::name).toList(),
                    weights.size(),
                    weights.stream().map(Weights::name).toList()));
        }
        for (int k = 0; k < weights.size(); k++) {
            Weights w = weights.get(k);
            Parameter p = parameters.get(k);
            if (!w.name().equals(p.name())) {
                throw new SavedModelException(String.format(
                        Locale.ROOT,
                        "%s: parameter %d is '%s' but the model's is '%s'",
                        source,
                        k + 1,
                        p.name(),
                        w.name()));
            }
            if (!w.data().sameShape(p.value())) {
                throw new SavedModelException(String.format(
                        Locale.ROOT,
                        "%s: parameter '%s' has shape %s but the model expects %s (different input features or"
                                + " options?)",
                        source,
                        p.name(),
                        p.value().shape(),
                        w.data().shape()));
            }
        }
        for (int k = 0; k < weights.size(); k++) {
            double[] src = parameters.get(k).value().data();
            System.arraycopy(src, 0, weights.get(k).data().data(), 0, src.length);
        }
    }
}
