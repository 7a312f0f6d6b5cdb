package org.anomalyforge.generator.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.training.ParameterStore;

/**
 * Computes one attention layer from the weights held by an {@link Attention} block (diffusers'
 * {@code AttnProcessor}): q = to_q(h), k = to_k(c), v = to_v(c), heads split, softmax(q·kᵀ·scale)·v, heads
 * merged, then to_out.0. Swapping the processor changes how (or what else) is computed, never the weights.
 */
public interface AttentionProcessor {

    /**
     * @param layer    the layer whose weights to use
     * @param ps       parameter store of the current forward pass
     * @param hidden   queries' source [B, N, Dq]
     * @param context  keys' and values' source [B, M, Dc], or null for self-attention (then hidden is used)
     * @param training whether this is a training pass
     * @return [B, N, Dq], after to_out.0
     */
    NDArray process(Attention layer, ParameterStore ps, NDArray hidden, NDArray context, boolean training);
}
