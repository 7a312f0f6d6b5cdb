package org.anomalyforge.generator.losses;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import org.anomalyforge.ingest.tensor.ScalarOps;

/**
 * The RMP's focal loss (seas.md §8.3) on probabilities that are already softmaxed, α = 1, γ = 2, smoothing 1e-5:
 * <pre>
 * o_c = clamp(1[y = c], 1e-5, 1 − 1e-5)
 * p_t = Σ_c o_c·p_c + 1e-5
 * FL  = mean over all N·H·W pixels of −(1 − p_t)^γ · ln p_t
 * </pre>
 * Reference values: p₁ = 0.8 with y = 1 gives 0.00892519, with y = 0 gives 1.02994787.
 */
public final class FocalLoss {

    public static final float GAMMA = 2f;
    public static final float SMOOTH = 1e-5f;

    private FocalLoss() {
    }

    /**
     * @param probabilities p [N, 2, H, W], channel 1 = P(defect)
     * @param target        y [N, H, W] with values in {0, 1}
     * @return the scalar loss
     */
    public static NDArray compute(NDArray probabilities, NDArray target) {
        var p = probabilities.getShape();
        var y = target.getShape();
        if (p.dimension() != 4 || p.get(1) != 2) {
            throw new IllegalArgumentException("focal loss needs probabilities [N, 2, H, W], got " + p);
        }
        if (y.dimension() != 3 || y.get(0) != p.get(0) || y.get(1) != p.get(2) || y.get(2) != p.get(3)) {
            throw new IllegalArgumentException("focal loss target must be [N, H, W] = [" + p.get(0) + ", " + p.get(2)
                    + ", " + p.get(3) + "], got " + y);
        }
        NDArray defect = target.clip(SMOOTH, 1 - SMOOTH);
        NDArray normal = target.neg().add(1f).clip(SMOOTH, 1 - SMOOTH);
        NDArray pt = normal.mul(probabilities.get(new NDIndex(":, 0")))
                .add(defect.mul(probabilities.get(new NDIndex(":, 1")))).add(SMOOTH);
        return ScalarOps.pow(pt.neg().add(1f), GAMMA).mul(pt.log()).neg().mean();
    }
}
