// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.core.nn;

import io.github.gae4j.core.autodiff.Weights;
import io.github.gae4j.core.tensor.Matrix;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The one list of a component's trainable weights, in creation order: every helper of this package
 * creates its weights here, so a weight cannot be used but left out of {@code weights()}, and two
 * weights cannot share a name (the optimiser state and model files key them by name).
 */
public final class WeightRegistry {

    private final List<Weights> weights = new ArrayList<>();
    private final Set<String> names = new HashSet<>();

    /** Creates a weight named {@code name} holding {@code initial} (not copied) and registers it. */
    public Weights create(String name, Matrix initial) {
        return add(new Weights(name, initial));
    }

    /** Registers a weight made elsewhere; fails on a name already registered. */
    public Weights add(Weights w) {
        Objects.requireNonNull(w, "w is null");
        if (!names.add(w.name())) {
            throw new IllegalArgumentException("Duplicate weight name '" + w.name() + "'; registered: " + names());
        }
        weights.add(w);
        return w;
    }

    /** The registered weights, in creation order (an immutable copy: return it from {@code weights()}). */
    public List<Weights> weights() {
        return List.copyOf(weights);
    }

    private List<String> names() {
        return weights.stream().map(Weights::name).toList();
    }
}
