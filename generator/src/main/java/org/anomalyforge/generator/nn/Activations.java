package org.anomalyforge.generator.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;
import org.anomalyforge.ingest.tensor.ScalarOps;

/** The activations of SD and CLIP (seas.md §3.3), each exact against PyTorch (cookbook §3). */
public final class Activations {

    private Activations() {
    }

    /**
     * SiLU(x) = x·σ(x). Not DJL's {@code Activation.swish}: it computes β·x with {@code mul(Number)}, whose scalar
     * autograd reads after the garbage collector may have freed it (see {@code ScalarOps}).
     */
    public static NDArray silu(NDArray x) {
        return x.mul(Activation.sigmoid(x));
    }

    /** quick-GELU(x) = x·σ(1.702·x), OpenAI CLIP's MLP activation. */
    public static NDArray quickGelu(NDArray x) {
        return x.mul(Activation.sigmoid(ScalarOps.mul(x, 1.702)));
    }

    /** GELU in the exact erf form, as diffusers' GEGLU uses. */
    public static NDArray gelu(NDArray x) {
        return Activation.gelu(x);
    }
}
