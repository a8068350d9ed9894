package io.github.gae4j.runtime.checkpoint;

import io.github.gae4j.core.optim.Adam;
import io.github.gae4j.core.optim.StateTensors;
import io.github.gae4j.core.tensor.Matrix;
import io.github.gae4j.runtime.train.OptimizerState;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Adam's optimiser state in the layout of format versions 1 and 2 (two moment tensors per parameter, named after
 * it, and an update count per parameter), translated to and from {@code Adam.state()}'s named tensors.
 */
final class AdamMoments {

    private AdamMoments() {
    }

    /**
     * Whether {@code state} is {@code adam}'s with exactly the moments and count of every named parameter, in
     * order: then the old layout holds it without loss.
     */
    static boolean isAdamState(OptimizerState state, List<String> parameters) {
        if (!"adam".equals(state.name()) || state.tensors().size() != 3 * parameters.size()) {
            return false;
        }
        for (String p : parameters) {
            Matrix m = state.tensors().get(StateTensors.key(p, Adam.EXP_AVG));
            Matrix v = state.tensors().get(StateTensors.key(p, Adam.EXP_AVG_SQ));
            Matrix step = state.tensors().get(StateTensors.key(p, Adam.STEP));
            if (m == null || v == null || step == null || !m.sameShape(v) || step.rows() != 1 || step.cols() != 1
                    || step.scalarValue() != (double) (long) step.scalarValue() || step.scalarValue() < 0) {
                return false;
            }
        }
        return true;
    }

    static Matrix m(OptimizerState state, String parameter) {
        return state.tensors().get(StateTensors.key(parameter, Adam.EXP_AVG));
    }

    static Matrix v(OptimizerState state, String parameter) {
        return state.tensors().get(StateTensors.key(parameter, Adam.EXP_AVG_SQ));
    }

    static long step(OptimizerState state, String parameter) {
        return (long) state.tensors().get(StateTensors.key(parameter, Adam.STEP)).scalarValue();
    }

    /** Adam's named state from the old layout. */
    static OptimizerState state(List<String> parameters, Map<String, Matrix> m, Map<String, Matrix> v,
                                List<Long> steps) {
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
