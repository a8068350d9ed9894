package io.github.gae4j.examples.linkprediction;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** All seeds of one model, with mean and (sample) standard deviation of test AUC and AP. */
public record ModelResult(String model, List<RunResult> runs) {

    public ModelResult {
        runs = List.copyOf(runs);
    }

    public double meanAuc() {
        return mean(runs.stream().mapToDouble(RunResult::testAuc).toArray());
    }

    public double meanAp() {
        return mean(runs.stream().mapToDouble(RunResult::testAp).toArray());
    }

    public double stdAuc() {
        return std(runs.stream().mapToDouble(RunResult::testAuc).toArray());
    }

    public double stdAp() {
        return std(runs.stream().mapToDouble(RunResult::testAp).toArray());
    }

    /** Median over runs of each run's median epoch time. */
    public double medianEpochMillis() {
        double[] t = runs.stream().mapToDouble(RunResult::medianEpochMillis).sorted().toArray();
        return t.length % 2 == 1 ? t[t.length / 2] : (t[t.length / 2 - 1] + t[t.length / 2]) / 2.0;
    }

    static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    static double std(double[] v) {
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

    Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("model", model);
        m.put("mean_test_auc", meanAuc());
        m.put("std_test_auc", stdAuc());
        m.put("mean_test_ap", meanAp());
        m.put("std_test_ap", stdAp());
        m.put("median_epoch_ms", medianEpochMillis());
        m.put("runs", runs.stream().map(RunResult::toJson).toList());
        return m;
    }
}
