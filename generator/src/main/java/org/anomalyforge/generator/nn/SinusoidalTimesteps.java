package org.anomalyforge.generator.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * diffusers' {@code get_timestep_embedding}: with half = dim/2 and f_i = exp(−ln(10⁴)·i/(half − shift)),
 * φ(t) = [sin(t·f), cos(t·f)], or [cos, sin] when {@code flipSinToCos} (SD: flip true, shift 0; seas.md §3.4).
 */
public final class SinusoidalTimesteps {

    private SinusoidalTimesteps() {
    }

    /** The frequencies f_0..f_{half−1}, computed in double and rounded to float. */
    public static float[] frequencies(int dim, double freqShift) {
        if (dim <= 0 || dim % 2 != 0) {
            throw new IllegalArgumentException("timestep embedding dim must be even and > 0, got " + dim);
        }
        int half = dim / 2;
        if (half - freqShift <= 0) {
            throw new IllegalArgumentException("freqShift must be < dim/2 = " + half + ", got " + freqShift);
        }
        float[] f = new float[half];
        for (int i = 0; i < half; i++) {
            f[i] = (float) Math.exp(-Math.log(10000.0) * i / (half - freqShift));
        }
        return f;
    }

    /**
     * @param timesteps [B] (any numeric type; converted to float32)
     * @return [B, dim]
     */
    public static NDArray embed(NDArray timesteps, int dim, boolean flipSinToCos, double freqShift) {
        if (timesteps.getShape().dimension() != 1) {
            throw new IllegalArgumentException("timesteps must be [B], got " + timesteps.getShape());
        }
        float[] f = frequencies(dim, freqShift);
        NDArray t = timesteps.toType(DataType.FLOAT32, false).reshape(-1, 1);
        NDArray args = t.mul(t.getManager().create(f, new Shape(1, f.length)));
        NDArray sin = args.sin();
        NDArray cos = args.cos();
        return flipSinToCos ? cos.concat(sin, 1) : sin.concat(cos, 1);
    }
}
