// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.runtime.backend;

import io.github.gae4j.core.tensor.Matrix;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What a backend returns for a batch: the loss, each loss term's value, the gradient of the loss with respect to
 * each of the objective's weights (in their order; null for a weight the batch does not reach), and the batch's
 * weight (its example count, 1 for the whole graph). The objective defines a batch's loss as a sum over its
 * examples, so the results of disjoint parts {@linkplain #sum sum} to the result of their union; {@link #mean()}
 * divides by the weight, which is what the optimiser steps on.
 *
 * <p>A non-finite loss comes without gradients (every entry null): the backend does not back-propagate it, and the
 * training step refuses it.
 *
 * @param loss      the batch's total loss
 * @param terms     each loss term's (unweighted) total, by term key, in term order
 * @param gradients d loss / d weight, in the objective's weight order, null where there is none
 * @param weight    the batch's example count (or summed example weights), > 0
 */
public record LossAndGradients(double loss, Map<String, Double> terms, List<Matrix> gradients, double weight) {

    public LossAndGradients {
        terms = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(terms, "terms is null")));
        gradients =
                Collections.unmodifiableList(new ArrayList<>(Objects.requireNonNull(gradients, "gradients is null")));
        if (!(weight > 0) || !Double.isFinite(weight)) {
            throw new IllegalArgumentException("A batch's weight must be positive and finite, got " + weight);
        }
    }

    /**
     * The sum of {@code parts} in list order (so the same parts always give the same bits): losses, term values,
     * gradients and weights add up; a gradient is null only where it is null in every part. The parts must come
     * from one objective: the same weights and terms. The parts' matrices are not changed.
     */
    public static LossAndGradients sum(List<LossAndGradients> parts) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("Nothing to sum: no parts");
        }
        LossAndGradients first = parts.get(0);
        if (parts.size() == 1) {
            return first;
        }
        double loss = 0;
        double weight = 0;
        Map<String, Double> terms = new LinkedHashMap<>();
        first.terms.keySet().forEach(k -> terms.put(k, 0.0));
        List<Matrix> gradients = new ArrayList<>(Collections.nCopies(first.gradients.size(), null));
        for (LossAndGradients part : parts) {
            if (part.gradients.size() != gradients.size()
                    || !part.terms.keySet().equals(terms.keySet())) {
                throw new IllegalArgumentException(String.format(
                        Locale.ROOT,
                        "Parts of different objectives: %d gradients and terms %s, against %d and %s",
                        part.gradients.size(),
                        part.terms.keySet(),
                        gradients.size(),
                        terms.keySet()));
            }
            loss += part.loss;
            weight += part.weight;
            part.terms.forEach((k, v) -> terms.merge(k, v, Double::sum));
            for (int k = 0; k < gradients.size(); k++) {
                Matrix g = part.gradients.get(k);
                if (g == null) {
                    continue;
                }
                Matrix acc = gradients.get(k);
                if (acc == null) {
                    gradients.set(k, g.copy());
                } else if (!acc.sameShape(g)) {
                    throw new IllegalArgumentException(String.format(
                            Locale.ROOT,
                            "Gradient %d has shape %s in one part and %s in another",
                            k,
                            acc.shape(),
                            g.shape()));
                } else {
                    acc.addInPlace(g);
                }
            }
        }
        return new LossAndGradients(loss, terms, gradients, weight);
    }

    /** Loss, terms and gradients divided by the weight: the batch's mean, this itself when the weight is 1. */
    public LossAndGradients mean() {
        if (weight == 1.0) {
            return this;
        }
        double inverse = 1.0 / weight;
        Map<String, Double> meanTerms = new LinkedHashMap<>();
        terms.forEach((k, v) -> meanTerms.put(k, v / weight));
        List<Matrix> meanGradients = new ArrayList<>(gradients.size());
        for (Matrix g : gradients) {
            meanGradients.add(g == null ? null : g.scale(inverse));
        }
        return new LossAndGradients(loss / weight, meanTerms, meanGradients, 1.0);
    }

    /** Whether the loss is finite (only then are there gradients). */
    public boolean isFinite() {
        return Double.isFinite(loss);
    }
}
