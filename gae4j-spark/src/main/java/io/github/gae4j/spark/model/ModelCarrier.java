// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.spark.model;

import io.github.gae4j.core.autodiff.Weights;
import io.github.gae4j.core.spi.CreationContext;
import io.github.gae4j.core.tensor.Matrix;
import io.github.gae4j.runtime.files.ModelDescription;
import io.github.gae4j.runtime.files.ModelDescriptionFile;
import io.github.gae4j.runtime.model.GraphAutoencoder;
import io.github.gae4j.runtime.model.ModelAssembler;
import io.github.gae4j.runtime.plugin.PluginRegistry;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A model as Spark ships it to executors: its description as gae4j's JSON (gae-core's types are not serialisable
 * and Spark's Kryo cannot serialise records) and the context it was assembled in. Weights travel apart, as
 * {@code double[][]} in the model's weight order ({@link #values}), broadcast once per step. An executor
 * {@linkplain #assemble assembles} the model from the plugins on its own class path, once per task set, and copies
 * the step's values in.
 *
 * <p>What it holds:
 * <ul>
 *   <li>{@code descriptionJson}: the model description ({@link ModelDescriptionFile#write})
 *   <li>{@code inputDim}: the encoder's input width (the feature width)
 *   <li>{@code nodeCount}: the whole graph's node count (the VGAE KL's β = 1/N is of the whole graph)
 *   <li>{@code seed}: the creation seed (initial weights; overwritten by the shipped values)
 * </ul>
 */
public final class ModelCarrier implements Serializable {

    private static final long serialVersionUID = 1L;

    // A plain class, not a record: Spark's Kryo (when a cluster configures it) cannot rebuild records.
    private final String descriptionJson;
    private final int inputDim;
    private final int nodeCount;
    private final long seed;

    public ModelCarrier(String descriptionJson, int inputDim, int nodeCount, long seed) {
        this.descriptionJson = Objects.requireNonNull(descriptionJson, "descriptionJson is null");
        this.inputDim = inputDim;
        this.nodeCount = nodeCount;
        this.seed = seed;
    }

    public String descriptionJson() {
        return descriptionJson;
    }

    public int inputDim() {
        return inputDim;
    }

    public int nodeCount() {
        return nodeCount;
    }

    public long seed() {
        return seed;
    }

    public static ModelCarrier of(ModelDescription description, int inputDim, int nodeCount, long seed) {
        return new ModelCarrier(ModelDescriptionFile.write(description), inputDim, nodeCount, seed);
    }

    public ModelDescription description() {
        return ModelDescriptionFile.parse(descriptionJson, "the shipped model description");
    }

    /** The model, from the plugins ServiceLoader finds on this class loader, with freshly initialised weights. */
    public GraphAutoencoder assemble() {
        PluginRegistry plugins = PluginRegistry.discover(ModelCarrier.class.getClassLoader());
        return new ModelAssembler(plugins)
                .assemble(description().model(), new CreationContext(inputDim, nodeCount, seed));
    }

    /** The model's current weight values, in its weight order, as plain arrays (row-major). */
    public static double[][] values(GraphAutoencoder model) {
        List<Weights> weights = model.weights();
        double[][] out = new double[weights.size()][];
        for (int k = 0; k < out.length; k++) {
            out[k] = weights.get(k).data().data().clone();
        }
        return out;
    }

    /** The values as matrices shaped like {@code model}'s weights, failing clearly when they do not fit. */
    public static List<Matrix> matrices(GraphAutoencoder model, double[][] values) {
        List<Weights> weights = model.weights();
        if (weights.size() != values.length) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT,
                    "%d weight values shipped for a model with %d weights",
                    values.length,
                    weights.size()));
        }
        List<Matrix> out = new ArrayList<>(values.length);
        for (int k = 0; k < values.length; k++) {
            Matrix shape = weights.get(k).data();
            if (values[k].length != shape.rows() * shape.cols()) {
                throw new IllegalArgumentException(String.format(
                        Locale.ROOT,
                        "Weight %s is %s but %d values were shipped",
                        weights.get(k).name(),
                        shape.shape(),
                        values[k].length));
            }
            out.add(Matrix.wrapRowMajor(shape.rows(), shape.cols(), values[k]));
        }
        return out;
    }
}
