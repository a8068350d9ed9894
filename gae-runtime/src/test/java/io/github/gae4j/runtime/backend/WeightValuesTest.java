// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.runtime.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.gae4j.core.autodiff.Weights;
import io.github.gae4j.core.tensor.Matrix;
import java.util.List;
import org.junit.jupiter.api.Test;

final class WeightValuesTest {

    private static List<Weights> params() {
        return List.of(new Weights("a", Matrix.zeros(2, 3)), new Weights("b", Matrix.zeros(1, 2)));
    }

    @Test
    void copiesTheValuesInOrder() {
        List<Weights> params = params();
        Matrix a = Matrix.zeros(2, 3);
        a.set(1, 2, 5);
        Matrix b = Matrix.zeros(1, 2);
        b.set(0, 0, -1);
        WeightValues.copyInto(List.of(a, b), params, "The saved state", "the model");
        assertThat(params.get(0).data().get(1, 2)).isEqualTo(5.0);
        assertThat(params.get(1).data().get(0, 0)).isEqualTo(-1.0);
        a.set(1, 2, 7);
        assertThat(params.get(0).data().get(1, 2))
                .as("a copy, not the given matrix")
                .isEqualTo(5.0);
    }

    @Test
    void theParametersOwnMatricesAreLeftAlone() {
        List<Weights> params = params();
        params.get(0).data().set(0, 0, 3);
        WeightValues.copyInto(params.stream().map(Weights::data).toList(), params, "values", "the objective");
        assertThat(params.get(0).data().get(0, 0)).isEqualTo(3.0);
    }

    @Test
    void anotherCountIsRefusedNamingBoth() {
        assertThatThrownBy(() ->
                        WeightValues.copyInto(List.of(Matrix.zeros(2, 3)), params(), "The saved state", "the model"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The saved state holds 1 parameters, but the model has 2");
    }

    @Test
    void anotherShapeIsRefusedNamingTheParameterAndChangesNothing() {
        List<Weights> params = params();
        Matrix a = Matrix.zeros(2, 3);
        a.set(0, 0, 9);
        assertThatThrownBy(() ->
                        WeightValues.copyInto(List.of(a, Matrix.zeros(2, 2)), params, "The saved state", "the model"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The saved state: the value of b has shape (2, 2), but the model expects (1, 2)");
        assertThat(params.get(0).data().get(0, 0))
                .as("checked before anything is copied")
                .isZero();
    }
}
