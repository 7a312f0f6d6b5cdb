package org.anomalyforge.generator.unet;

import ai.djl.ndarray.NDArray;
import java.util.List;
import java.util.Map;

/**
 * Everything one U-Net call returns (seas.md §3.7). Arrays live in the manager of the input sample and stay on
 * the autograd graph.
 *
 * @param noisePrediction ε̂ [B, 4, r₀, r₀]
 * @param upBlockOutputs  F_0..F_{n−1}, up block u's output after its upsampler: [B, reversed(C)[u], r_u, r_u]
 *                        (RMP "up-2" / "up-3" are entries {@code SeasModelConfig.rmpUp2Block()} / {@code rmpUp3Block()})
 * @param daMaps          resolution r → A_r [B, T, r, r] (layer- and head-averaged spatial-softmax maps for the
 *                        requested tokens, in request order); empty unless requested
 */
public record UNetOutput(NDArray noisePrediction, List<NDArray> upBlockOutputs, Map<Integer, NDArray> daMaps) {

    public UNetOutput {
        upBlockOutputs = List.copyOf(upBlockOutputs);
        daMaps = Map.copyOf(daMaps);
    }
}
