// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.core.autodiff;

import io.github.gae4j.core.tensor.Matrix;
import java.util.Objects;

/** A trainable parameter: a leaf whose value the optimiser updates in place between passes. */
public final class Weights extends Variable {

    private final String name;
    private final Matrix data;

    public Weights(String name, Matrix data) {
        super(data.rows(), data.cols(), true);
        this.name = Objects.requireNonNull(name, "name is null");
        this.data = data;
    }

    public String name() {
        return name;
    }

    /** The live parameter matrix. */
    public Matrix data() {
        return data;
    }

    @Override
    public Matrix apply(ComputationContext ctx) {
        return data;
    }

    @Override
    public Matrix gradient(Variable parent, ComputationContext ctx) {
        throw new IllegalStateException("Weights are leaves and have no parents");
    }

    @Override
    public String render() {
        return "Weights[" + name + "]" + shape();
    }
}
