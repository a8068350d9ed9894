// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.examples.linkprediction;

import io.github.gae4j.runtime.metrics.Stats;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** All seeds of one model, with mean and (sample) standard deviation of test AUC and AP. */
public record ModelResult(String model, List<RunResult> runs) {

    public ModelResult {
        runs = List.copyOf(runs);
    }

    public double meanAuc() {
        return Stats.mean(runs.stream().mapToDouble(RunResult::testAuc).toArray());
    }

    public double meanAp() {
        return Stats.mean(runs.stream().mapToDouble(RunResult::testAp).toArray());
    }

    public double stdAuc() {
        return Stats.std(runs.stream().mapToDouble(RunResult::testAuc).toArray());
    }

    public double stdAp() {
        return Stats.std(runs.stream().mapToDouble(RunResult::testAp).toArray());
    }

    /** Median over runs of each run's median epoch time. */
    public double medianEpochMillis() {
        return Stats.median(
                runs.stream().mapToDouble(RunResult::medianEpochMillis).toArray());
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
