// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.examples.linkprediction;

import java.util.LinkedHashMap;
import java.util.Map;

/** One seed of one model: test AUC/AP, best validation epoch and training-step times. */
@SuppressWarnings("ArrayRecordComponent") // carries arrays by design and is never compared or used as a key
public record RunResult(
        long seed, double testAuc, double testAp, int bestEpoch, double medianEpochMillis, double[] epochMillis) {

    Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seed", seed);
        m.put("test_auc", testAuc);
        m.put("test_ap", testAp);
        m.put("best_val_epoch", bestEpoch);
        m.put("median_epoch_ms", medianEpochMillis);
        m.put("epoch_ms", epochMillis);
        return m;
    }
}
