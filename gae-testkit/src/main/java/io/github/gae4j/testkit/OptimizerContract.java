// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.gae4j.core.autodiff.Weights;
import io.github.gae4j.core.optim.Optimizer;
import io.github.gae4j.core.spi.ComponentConfig;
import io.github.gae4j.core.spi.CreationContext;
import io.github.gae4j.core.spi.OptimizerFactory;
import io.github.gae4j.core.tensor.Matrix;
import io.github.gae4j.runtime.plugin.ComponentKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The contract of an {@link OptimizerFactory} and its {@link Optimizer}s. Supply {@link #factory()}:
 *
 * <pre>{@code
 * final class MyOptimizerContractTest implements OptimizerContract {
 *     public OptimizerFactory factory() { return new MyOptimizerFactory(); }
 * }
 * }</pre>
 *
 * <p>The optimiser minimises a seeded convex quadratic f(w) = ½ Σ a ⊙ (w − c)² of two parameters (gradient
 * a ⊙ (w − c), computed exactly), the second of which gets no gradient in the first steps. Checks: the name is
 * kebab-case; declared options and their defaults are accepted and an unknown option is rejected listing them; steps
 * decrease f; a parameter without a gradient is left alone; {@code state()} is a snapshot with stable, distinct
 * names, and {@code restoreState(state())} in a new optimiser (on copies of the weights) continues bit for bit as the
 * original; an unknown tensor is refused by name.
 */
public interface OptimizerContract {

    /** The factory under test. */
    OptimizerFactory factory();

    /** Options of the optimiser; empty by default. */
    default ComponentConfig config() {
        return ComponentConfig.empty();
    }

    /** The rate of every step; small enough that the quadratic decreases. */
    default double learningRate() {
        return 0.01;
    }

    /** Steps taken on the quadratic: enough for momentum and moments to matter. */
    default int steps() {
        return 20;
    }

    default long seed() {
        return 42;
    }

    /** Creates an optimiser, checking {@link #config()} as the trainer does. */
    default Optimizer createOptimizer() {
        return Contracts.create(ComponentKind.OPTIMIZER, factory(), config(), new CreationContext(0, 0, seed()));
    }

    /** Two parameters, 3 × 2 and 1 × 4, seeded; fresh each call. */
    default List<Weights> parameters() {
        return List.of(
                new Weights("layer.weight", TestGraphs.randomMatrix(3, 2, seed())),
                new Weights("layer.bias", TestGraphs.randomMatrix(1, 4, seed() + 1)));
    }

    /** The curvatures a of f, positive, one matrix per parameter. */
    private List<Matrix> curvatures(List<Weights> weights) {
        List<Matrix> out = new ArrayList<>();
        for (int k = 0; k < weights.size(); k++) {
            out.add(TestGraphs.randomMatrix(
                            weights.get(k).rows(), weights.get(k).cols(), seed() + 10 + k)
                    .map(x -> 0.5 + Math.abs(x)));
        }
        return out;
    }

    /** The minimum c of f. */
    private List<Matrix> centres(List<Weights> weights) {
        List<Matrix> out = new ArrayList<>();
        for (int k = 0; k < weights.size(); k++) {
            out.add(TestGraphs.randomMatrix(
                    weights.get(k).rows(), weights.get(k).cols(), seed() + 20 + k));
        }
        return out;
    }

    private double quadratic(List<Weights> weights) {
        List<Matrix> a = curvatures(weights);
        List<Matrix> c = centres(weights);
        double f = 0;
        for (int k = 0; k < weights.size(); k++) {
            double[] w = weights.get(k).data().data();
            for (int i = 0; i < w.length; i++) {
                double d = w[i] - c.get(k).data()[i];
                f += 0.5 * a.get(k).data()[i] * d * d;
            }
        }
        return f;
    }

    /** The gradient of f, null for the parameters not in {@code active}. */
    private List<Matrix> gradients(List<Weights> weights, boolean[] active) {
        List<Matrix> a = curvatures(weights);
        List<Matrix> c = centres(weights);
        List<Matrix> out = new ArrayList<>();
        for (int k = 0; k < weights.size(); k++) {
            if (!active[k]) {
                out.add(null);
                continue;
            }
            Matrix w = weights.get(k).data();
            Matrix g = Matrix.zeros(w.rows(), w.cols());
            for (int i = 0; i < g.data().length; i++) {
                g.data()[i] = a.get(k).data()[i] * (w.data()[i] - c.get(k).data()[i]);
            }
            out.add(g);
        }
        return out;
    }

    /** Step {@code s} (from 0): the second parameter joins at the third step. */
    private boolean[] active(int s) {
        return new boolean[] {true, s >= 2};
    }

    private static List<Weights> copies(List<Weights> weights) {
        return weights.stream().map(w -> new Weights(w.name(), w.data().copy())).toList();
    }

    @Test
    default void nameIsNonBlankKebabCase() {
        assertThat(factory().name()).as("optimizer name").isNotBlank().matches(Contracts.KEBAB_CASE);
    }

    /**
     * Every option {@code parameters()} declares passes the option check, and every declared non-empty default,
     * given explicitly, is accepted by {@code create}.
     */
    @Test
    default void declaredParametersAndTheirDefaultsAreAccepted() {
        Contracts.assertDeclaredParametersAreAccepted(
                ComponentKind.OPTIMIZER, factory(), config(), new CreationContext(0, 0, seed()));
    }

    @Test
    default void unknownOptionIsRejectedListingParameterNames() {
        Contracts.assertRejectsUnknownOption(
                ComponentKind.OPTIMIZER, factory(), config(), new CreationContext(0, 0, seed()));
    }

    @Test
    default void stepsDecreaseAConvexQuadratic() {
        Optimizer optimizer = createOptimizer();
        List<Weights> weights = parameters();
        double start = quadratic(weights);
        optimizer.step(weights, gradients(weights, new boolean[] {true, true}), learningRate());
        double first = quadratic(weights);
        assertThat(first)
                .as("f after one step at rate %s, from %s", learningRate(), start)
                .isLessThan(start);
        for (int s = 1; s < steps(); s++) {
            optimizer.step(weights, gradients(weights, new boolean[] {true, true}), learningRate());
        }
        double last = quadratic(weights);
        assertThat(last).as("f after %d steps, from %s", steps(), start).isLessThan(first);
        for (Weights w : weights) {
            Contracts.assertFinite(w.data(), w.name());
        }
    }

    @Test
    default void aParameterWithoutGradientIsLeftAlone() {
        Optimizer optimizer = createOptimizer();
        List<Weights> weights = parameters();
        double[] before = weights.get(1).data().data().clone();
        for (int s = 0; s < 2; s++) {
            optimizer.step(weights, gradients(weights, active(s)), learningRate());
        }
        assertThat(weights.get(1).data().data())
                .as("%s, which had no gradient", weights.get(1).name())
                .containsExactly(before);
    }

    /**
     * After some steps, a new optimiser given {@code state()} by {@code restoreState}, on copies of the weights,
     * reports the same state and takes the same further steps bit for bit; the snapshot is not changed by later
     * steps and is the same when asked twice; an unknown tensor is refused with an
     * {@link IllegalArgumentException} naming it.
     */
    @Test
    default void stateRoundTripGivesABitIdenticalContinuation() {
        Optimizer original = createOptimizer();
        List<Weights> weights = parameters();
        int half = steps() / 2;
        for (int s = 0; s < half; s++) {
            original.step(weights, gradients(weights, active(s)), learningRate());
        }
        Map<String, Matrix> saved = original.state(weights);
        assertThat(saved).as("state()").isNotNull().doesNotContainValue(null);
        assertThat(original.state(weights).keySet())
                .as("state() asked twice: names in a stable order")
                .containsExactlyElementsOf(saved.keySet());
        Map<String, double[]> snapshot = new LinkedHashMap<>();
        saved.forEach((name, value) -> snapshot.put(name, value.data().clone()));

        List<Weights> restoredWeights = copies(weights);
        Optimizer restored = createOptimizer();
        restored.restoreState(restoredWeights, saved);
        Map<String, Matrix> again = restored.state(restoredWeights);
        assertThat(again.keySet()).as("state() after restoreState(state())").containsExactlyElementsOf(saved.keySet());
        saved.forEach((name, value) -> assertThat(again.get(name).data())
                .as("state tensor '%s' restored", name)
                .containsExactly(value.data()));

        for (int s = half; s < steps(); s++) {
            original.step(weights, gradients(weights, active(s)), learningRate());
            restored.step(restoredWeights, gradients(restoredWeights, active(s)), learningRate());
        }
        for (int k = 0; k < weights.size(); k++) {
            assertThat(restoredWeights.get(k).data().data())
                    .as(
                            "%s after steps from a restored state, against the original's",
                            weights.get(k).name())
                    .containsExactly(weights.get(k).data().data());
        }
        snapshot.forEach((name, data) -> assertThat(saved.get(name).data())
                .as("state tensor '%s' is a snapshot, not changed by later steps", name)
                .containsExactly(data));

        Map<String, Matrix> extra = new LinkedHashMap<>(original.state(weights));
        extra.put("layer.weight.no-such-slot", Matrix.scalar(1));
        assertThatThrownBy(() -> createOptimizer().restoreState(copies(weights), extra))
                .as("restoreState with an unknown tensor")
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("layer.weight.no-such-slot");
    }

    /** The arguments of a step are checked: as many gradients as parameters, of their shapes. */
    @Test
    default void mismatchedGradientsAreRefused() {
        List<Weights> weights = parameters();
        assertThatThrownBy(() -> createOptimizer().step(weights, Arrays.asList(Matrix.zeros(3, 2)), learningRate()))
                .as("one gradient for two parameters")
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> createOptimizer()
                        .step(weights, Arrays.asList(Matrix.zeros(2, 3), Matrix.zeros(1, 4)), learningRate()))
                .as("a gradient of the wrong shape")
                .isInstanceOf(IllegalArgumentException.class);
    }
}
