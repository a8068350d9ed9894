// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.core.autodiff.functions;

import java.util.Locale;

/**
 * The kernel shared by {@link LayerNorm} (groups are rows) and {@link BatchNorm} (groups are
 * columns): y = (x − mean) / sqrt(var + ε) within each group of a row-major matrix, with the biased
 * variance (divided by the group size), and its backward pass
 * dx = (dy − mean(dy) − y · mean(dy ⊙ y)) / sqrt(var + ε).
 */
final class Standardization {

    private Standardization() {}

    static void requireEpsilon(String op, double epsilon) {
        if (!(epsilon > 0) || !Double.isFinite(epsilon)) {
            throw new IllegalArgumentException(
                    String.format(Locale.ROOT, "%s needs a positive finite epsilon, got %s", op, epsilon));
        }
    }

    /**
     * Standardises {@code groups} groups of {@code size} entries; entry k of group g sits at
     * {@code g * groupStride + k * entryStride}. Returns 1 / sqrt(var + ε) per group.
     */
    static double[] forward(
            double[] x, double[] y, int groups, int size, int groupStride, int entryStride, double epsilon) {
        double[] invStd = new double[groups];
        for (int g = 0; g < groups; g++) {
            int base = g * groupStride;
            double sum = 0;
            for (int k = 0, p = base; k < size; k++, p += entryStride) {
                sum += x[p];
            }
            double mean = sum / size;
            double sq = 0;
            for (int k = 0, p = base; k < size; k++, p += entryStride) {
                double d = x[p] - mean;
                sq += d * d;
            }
            double inv = 1.0 / Math.sqrt(sq / size + epsilon);
            invStd[g] = inv;
            for (int k = 0, p = base; k < size; k++, p += entryStride) {
                y[p] = (x[p] - mean) * inv;
            }
        }
        return invStd;
    }

    /** dx from dy, the forward output y and the per-group 1 / sqrt(var + ε), laid out as in forward. */
    static void backward(
            double[] dy,
            double[] y,
            double[] invStd,
            double[] dx,
            int groups,
            int size,
            int groupStride,
            int entryStride) {
        for (int g = 0; g < groups; g++) {
            int base = g * groupStride;
            double sumDy = 0;
            double sumDyY = 0;
            for (int k = 0, p = base; k < size; k++, p += entryStride) {
                sumDy += dy[p];
                sumDyY += dy[p] * y[p];
            }
            double meanDy = sumDy / size;
            double meanDyY = sumDyY / size;
            double inv = invStd[g];
            for (int k = 0, p = base; k < size; k++, p += entryStride) {
                dx[p] = (dy[p] - meanDy - y[p] * meanDyY) * inv;
            }
        }
    }
}
