package org.anomalyforge.trokens.model.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;
import org.anomalyforge.ingest.tensor.ScalarOps;

/** Activations the spec names that DJL lacks under that name (DJL-COOKBOOK §3). */
public final class Activations {

    private Activations() {}

    /** QuickGELU {@code x·σ(1.702x)} (spec §9.1 token MLPs); QuickGELU(1) = 0.845796. */
    public static NDArray quickGelu(NDArray x) {
        // not Activation.swish: its β·x uses mul(Number), whose scalar autograd may read after GC freed it (ScalarOps)
        return x.mul(Activation.sigmoid(ScalarOps.mul(x, 1.702)));
    }

    /** GELU in the exact erf form (spec §6.2, §11); GELU(1) = 0.841345 (the tanh form gives 0.841192). */
    public static NDArray gelu(NDArray x) {
        return Activation.gelu(x);
    }
}
