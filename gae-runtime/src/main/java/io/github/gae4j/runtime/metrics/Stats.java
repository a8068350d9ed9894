// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.runtime.metrics;

/** Mean, sample standard deviation and median of per-seed figures. */
public final class Stats {

    private Stats() {}

    public static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    /** Sample standard deviation (n − 1); 0 for fewer than two values. */
    public static double std(double[] v) {
        if (v.length < 2) {
            return 0.0;
        }
        double m = mean(v);
        double s = 0;
        for (double x : v) {
            s += (x - m) * (x - m);
        }
        return Math.sqrt(s / (v.length - 1));
    }

    public static double median(double[] v) {
        double[] t = v.clone();
        java.util.Arrays.sort(t);
        return t.length % 2 == 1 ? t[t.length / 2] : (t[t.length / 2 - 1] + t[t.length / 2]) / 2.0;
    }
}
