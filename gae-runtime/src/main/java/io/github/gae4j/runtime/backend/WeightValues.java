// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.runtime.backend;

import io.github.gae4j.core.autodiff.Weights;
import io.github.gae4j.core.tensor.Matrix;
import java.util.List;
import java.util.Locale;

/** Values written into live parameters: a backend setting a batch's weights, a resumed run its saved ones. */
public final class WeightValues {

    private WeightValues() {}

    /**
     * Copies {@code values} into {@code params}, in order, after checking all of them: the counts match and each value
     * has its parameter's shape, so values of another model fail clearly and change nothing. A value that is its
     * parameter's own matrix (the usual case on a local backend) is left alone.
     *
     * @param source what the values are, for messages ("The saved state")
     * @param target what the parameters belong to ("the model")
     * @throws IllegalArgumentException naming the source, the parameter and both shapes
     */
    @SuppressWarnings("ReferenceEquality") // identity on purpose: skip copying a matrix onto itself
    public static void copyInto(List<Matrix> values, List<Weights> params, String source, String target) {
        if (values.size() != params.size()) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT,
                    "%s holds %d parameters, but %s has %d",
                    source,
                    values.size(),
                    target,
                    params.size()));
        }
        for (int k = 0; k < params.size(); k++) {
            Matrix into = params.get(k).data();
            Matrix value = values.get(k);
            if (!into.sameShape(value)) {
                throw new IllegalArgumentException(String.format(
                        Locale.ROOT,
                        "%s: the value of %s has shape %s, but %s expects %s",
                        source,
                        params.get(k).name(),
                        value.shape(),
                        target,
                        into.shape()));
            }
        }
        for (int k = 0; k < params.size(); k++) {
            Matrix into = params.get(k).data();
            Matrix value = values.get(k);
            if (value != into) {
                System.arraycopy(value.data(), 0, into.data(), 0, value.data().length);
            }
        }
    }
}
