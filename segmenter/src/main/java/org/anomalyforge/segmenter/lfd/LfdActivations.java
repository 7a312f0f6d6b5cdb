package org.anomalyforge.segmenter.lfd;

import ai.djl.ndarray.NDArray;

import java.util.Objects;

/**
 * Intermediate tensors of one LFD forward pass (spec §2.1), for tests, visualisation and the z-only
 * final upsample.
 *
 * @param hi           context feature after both aggregation residuals, B×128×H/16×W/32
 * @param lo           detail feature, B×128×H/4×W/4
 * @param gate         fusion gate a, B×1×H/4×W/4
 * @param coarseLogits head output before the final resize, B×2×H/4×W/4
 */
public record LfdActivations(NDArray hi, NDArray lo, NDArray gate, NDArray coarseLogits) {

    /** Requires all four tensors. */
    public LfdActivations {
        Objects.requireNonNull(hi, "hi");
        Objects.requireNonNull(lo, "lo");
        Objects.requireNonNull(gate, "gate");
        Objects.requireNonNull(coarseLogits, "coarseLogits");
    }
}
