package org.anomalyforge.generator.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import java.util.List;

/** {@code torch.nn.utils.clip_grad_norm_} over all given parameters: scale by maxNorm/(‖g‖ + 1e-6) when below 1. */
public final class GradientClipping {

    private GradientClipping() {
    }

    /**
     * @return the total L2 norm of the gradients before clipping (parameters without a gradient are skipped)
     *         (a non-finite norm leaves the gradients untouched: the caller must skip the update)
     */
    public static double clip(List<Parameter> parameters, double maxNorm, NDManager scratch) {
        double sq = 0;
        try (NDManager tmp = scratch.newSubManager()) {
            for (Parameter p : parameters) {
                PtNDArray g = JniUtils.getGradient((PtNDArray) p.getArray());
                if (g != null) {
                    g.attach(tmp);
                    sq += g.square().sum().getFloat();
                }
            }
            double total = Math.sqrt(sq);
            if (!Double.isFinite(total)) {
                return total;                               // the caller skips the step (torch would write NaN)
            }
            double coef = maxNorm / (total + 1e-6);
            if (coef < 1) {
                for (Parameter p : parameters) {
                    PtNDArray g = JniUtils.getGradient((PtNDArray) p.getArray());
                    if (g != null) {
                        g.attach(tmp);
                        g.muli((float) coef);                       // a view: writes through to .grad
                    }
                }
            }
            return total;
        }
    }

    /** Zeroes every defined gradient (a skipped step). */
    public static void zero(List<Parameter> parameters) {
        for (Parameter p : parameters) {
            PtNDArray w = (PtNDArray) p.getArray();
            if (w.hasGradient()) {
                JniUtils.zeroGrad(w);
            }
        }
    }
}
