package org.anomalyforge.generator.rmp;

import ai.djl.ndarray.NDArray;

/**
 * The two outputs of the RMP in training routing (seas.md §8.1): softmax probabilities over {normal, defect}.
 *
 * @param full   Y_S [2b, 2, S, S]: refined for the b anomaly images, upsampled coarse features for the b normal ones
 * @param coarse Y_r₀ [2b, 2, r₀, r₀]: the head applied to the fused coarse features of all images
 */
public record RmpPrediction(NDArray full, NDArray coarse) {
}
