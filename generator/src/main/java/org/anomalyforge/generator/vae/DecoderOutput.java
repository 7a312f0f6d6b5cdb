package org.anomalyforge.generator.vae;

import ai.djl.ndarray.NDArray;
import java.util.List;

/**
 * What one decoder call returns.
 *
 * @param image          [B, 3, S, S], roughly in [−1, 1]
 * @param upBlockOutputs V_0..V_{n−1}: output of decoder up block j after its upsampler, [B, reversed(C)[j], r_j, r_j]
 *                       (the RMP VAE taps are the first log₂ f of them; seas.md §3.7)
 */
public record DecoderOutput(NDArray image, List<NDArray> upBlockOutputs) {

    public DecoderOutput {
        upBlockOutputs = List.copyOf(upBlockOutputs);
    }
}
