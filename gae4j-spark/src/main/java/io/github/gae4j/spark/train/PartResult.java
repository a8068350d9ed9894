// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.spark.train;

import io.github.gae4j.core.tensor.Matrix;
import io.github.gae4j.runtime.backend.LossAndGradients;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One part's {@link LossAndGradients} as Spark ships it back: plain numbers and arrays (gradients row-major in the
 * model's weight order, null where the batch does not reach a weight); the driver gives them their shapes.
 */
final class PartResult implements Serializable {

    private static final long serialVersionUID = 1L;

    final int part;
    final double loss;
    final double weight;
    final String[] termKeys;
    final double[] termValues;
    final double[][] gradients;

    private PartResult(
            int part, double loss, double weight, String[] termKeys, double[] termValues, double[][] gradients) {
        this.part = part;
        this.loss = loss;
        this.weight = weight;
        this.termKeys = termKeys;
        this.termValues = termValues;
        this.gradients = gradients;
    }

    static PartResult of(int part, LossAndGradients result) {
        String[] keys = result.terms().keySet().toArray(new String[0]);
        double[] values = new double[keys.length];
        for (int k = 0; k < keys.length; k++) {
            values[k] = result.terms().get(keys[k]);
        }
        double[][] gradients = new double[result.gradients().size()][];
        for (int k = 0; k < gradients.length; k++) {
            Matrix g = result.gradients().get(k);
            gradients[k] = g == null ? null : g.data().clone();
        }
        return new PartResult(part, result.loss(), result.weight(), keys, values, gradients);
    }

    /** Back to a {@link LossAndGradients}, with gradients shaped like {@code shapes}. */
    LossAndGradients toLossAndGradients(List<Matrix> shapes) {
        Map<String, Double> terms = new LinkedHashMap<>();
        for (int k = 0; k < termKeys.length; k++) {
            terms.put(termKeys[k], termValues[k]);
        }
        if (gradients.length != shapes.size()) {
            throw new IllegalStateException(String.format(
                    java.util.Locale.ROOT,
                    "Part %d returned %d gradients for a model of %d weights",
                    part,
                    gradients.length,
                    shapes.size()));
        }
        List<Matrix> out = new ArrayList<>(gradients.length);
        for (int k = 0; k < gradients.length; k++) {
            Matrix shape = Objects.requireNonNull(shapes.get(k));
            out.add(gradients[k] == null ? null : Matrix.wrapRowMajor(shape.rows(), shape.cols(), gradients[k]));
        }
        return new LossAndGradients(loss, terms, out, weight);
    }
}
