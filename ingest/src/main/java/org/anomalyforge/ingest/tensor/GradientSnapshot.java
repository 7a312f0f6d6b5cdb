package org.anomalyforge.ingest.tensor;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import java.util.ArrayList;
import java.util.List;

/** Every gradient of a set of parameters as one flat array, for comparing two backward passes bit for bit. */
public final class GradientSnapshot {

    private GradientSnapshot() {}

    /**
     * The gradients of {@code parameters} that have one, concatenated in iteration order, after which each is reset to
     * zero in place (so the next backward pass starts clean rather than accumulating).
     */
    public static float[] takeAndZero(Iterable<Parameter> parameters) {
        List<float[]> parts = new ArrayList<>();
        int total = 0;
        for (Parameter p : parameters) {
            NDArray w = p.getArray();
            if (!w.hasGradient()) {
                continue;
            }
            try (NDArray g = w.getGradient()) {
                float[] values = g.toFloatArray();
                parts.add(values);
                total += values.length;
                g.subi(g);                         // the gradient view writes through to the parameter's .grad
            }
        }
        float[] out = new float[total];
        int at = 0;
        for (float[] part : parts) {
            System.arraycopy(part, 0, out, at, part.length);
            at += part.length;
        }
        return out;
    }
}
