package org.anomalyforge.generator.nn;

import ai.djl.ndarray.NDArray;
import java.util.Objects;

/**
 * What a {@link CapturingAttentionProcessor} recorded for one call of one layer. Arrays stay on the autograd
 * graph (nothing is detached), so losses on them train to_q and to_k.
 *
 * @param layer          dotted layer name the processor was installed under
 * @param heads          number of heads H
 * @param probabilities  token-softmax probabilities [B·H, N, M] (each row sums to 1 over the M keys)
 * @param spatialMaps    spatial-softmax maps [B, H, N, T] for the requested key columns (each column sums to 1
 *                       over the N queries; seas.md §7.4), or null when no columns were requested
 */
public record AttentionCapture(String layer, int heads, NDArray probabilities, NDArray spatialMaps) {

    public AttentionCapture {
        Objects.requireNonNull(layer, "layer");
        Objects.requireNonNull(probabilities, "probabilities");
    }
}
