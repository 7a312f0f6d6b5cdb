package org.anomalyforge.generator.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;

/** The activations of SD and CLIP (seas.md §3.3), each exact against PyTorch (cookbook §3). */
public final class Activations {

    private Activations() {
    }

    /** SiLU(x) = x·σ(x). */
    public static NDArray silu(NDArray x) {
        return Activation.swish(x, 1f);
    }

    /** quick-GELU(x) = x·σ(1.702·x), OpenAI CLIP's MLP activation. */
    public static NDArray quickGelu(NDArray x) {
        return Activation.swish(x, 1.702f);
    }

    /** GELU in the exact erf form, as diffusers' GEGLU uses. */
    public static NDArray gelu(NDArray x) {
        return Activation.gelu(x);
    }
}
