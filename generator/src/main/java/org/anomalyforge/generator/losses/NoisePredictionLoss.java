package org.anomalyforge.generator.losses;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;

/**
 * ε-MSE over every element (seas.md §7.3 step 6): L_anom on the anomaly half [0, b) of a micro-batch and
 * L_NA (Normal-image Alignment) on the normal half [b, 2b).
 */
public final class NoisePredictionLoss {

    private NoisePredictionLoss() {
    }

    /** mean((ε̂ − ε)²) over all elements; shapes must match. */
    public static NDArray mse(NDArray prediction, NDArray target) {
        if (!prediction.getShape().equals(target.getShape())) {
            throw new IllegalArgumentException("ε-MSE needs equal shapes, got prediction " + prediction.getShape()
                    + " and target " + target.getShape());
        }
        return prediction.sub(target).square().mean();
    }

    /** L_anom = mse over samples [0, b) of ε̂, ε [2b, C, r, r]. */
    public static NDArray anomaly(NDArray prediction, NDArray target, int b) {
        return mse(half(prediction, b, 0), half(target, b, 0));
    }

    /** L_NA = mse over samples [b, 2b) of ε̂, ε [2b, C, r, r]. */
    public static NDArray normal(NDArray prediction, NDArray target, int b) {
        return mse(half(prediction, b, b), half(target, b, b));
    }

    /** Samples [from, from + b) of a micro-batch that must hold exactly 2b samples. */
    private static NDArray half(NDArray x, int b, int from) {
        if (b < 1 || x.getShape().get(0) != 2L * b) {
            throw new IllegalArgumentException("micro-batch must hold 2b = " + 2 * b + " samples, got " + x.getShape());
        }
        return x.get(new NDIndex("{}:{}", from, from + b));
    }
}
