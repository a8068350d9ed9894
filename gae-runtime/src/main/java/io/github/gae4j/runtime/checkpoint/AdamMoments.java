// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.runtime.checkpoint;

import io.github.gae4j.core.optim.Adam;
import io.github.gae4j.core.optim.StateTensors;
import io.github.gae4j.core.tensor.Matrix;
import io.github.gae4j.runtime.train.OptimizerState;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Adam's moments as format versions 1 to 3 hold them (two tensors per parameter, named after it, and an update
 * count per parameter), as the named state {@code Adam.state()} gives and takes: files of those versions resume as
 * optimizer {@code adam}.
 */
final class AdamMoments {

    private AdamMoments() {}

    /** Adam's named state from the old layout, parameters in order. */
    static OptimizerState state(
            List<String> parameters, Map<String, Matrix> m, Map<String, Matrix> v, List<Long> steps) {
        Map<String, Matrix> tensors = new LinkedHashMap<>();
        for (int k = 0; k < parameters.size(); k++) {
            String p = parameters.get(k);
            tensors.put(StateTensors.key(p, Adam.EXP_AVG), m.get(p));
            tensors.put(StateTensors.key(p, Adam.EXP_AVG_SQ), v.get(p));
            tensors.put(StateTensors.key(p, Adam.STEP), Matrix.scalar(steps.get(k)));
        }
        return new OptimizerState("adam", tensors);
    }
}
