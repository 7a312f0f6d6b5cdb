package org.anomalyforge.generator.losses;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The DA targets of seas.md §7.4, computed in Java on the (gradient-free) masks:
 * G_{r₀} = bilinear(mask_S → r₀×r₀, align_corners = false, no antialias) and G_r = maxpool_{2×2, stride 2}^k(G_{r₀})
 * with k = log₂(r₀/r). Values stay fractional.
 */
public final class SoftMaskTargets {

    private SoftMaskTargets() {
    }

    /**
     * @param masks       b masks of S×S floats in [0, 1], concatenated
     * @param b           number of masks
     * @param side        S
     * @param latentSide  r₀
     * @param resolutions the DA resolutions r (each r₀ / 2^k)
     * @return r → G_r as b·r·r floats, in {@code resolutions} order
     */
    public static Map<Integer, float[]> targets(float[] masks, int b, int side, int latentSide,
            List<Integer> resolutions) {
        float[] base = bilinear(masks, b, side, latentSide);
        Map<Integer, float[]> out = new LinkedHashMap<>();
        for (int r : resolutions) {
            if (r < 1 || r > latentSide || latentSide % r != 0 || Integer.bitCount(latentSide / r) != 1) {
                throw new IllegalArgumentException("DA resolution must be r0 / 2^k with r0 = " + latentSide + ", got "
                        + r);
            }
            float[] g = base;
            for (int cur = latentSide; cur > r; cur /= 2) {
                g = maxPool2(g, b, cur);
            }
            out.put(r, g);
        }
        return out;
    }

    /** torch bilinear interpolation (align_corners = false, antialias = false) of b planes in×in → out×out. */
    public static float[] bilinear(float[] planes, int b, int in, int out) {
        if (planes.length != b * in * in) {
            throw new IllegalArgumentException("expected " + b + "·" + in + "² = " + b * in * in + " mask values, got "
                    + planes.length);
        }
        double scale = (double) in / out;
        int[] i0 = new int[out];
        int[] i1 = new int[out];
        float[] w1 = new float[out];
        for (int o = 0; o < out; o++) {
            double src = Math.max((o + 0.5) * scale - 0.5, 0.0);
            int lo = Math.min((int) Math.floor(src), in - 1);
            i0[o] = lo;
            i1[o] = Math.min(lo + 1, in - 1);
            w1[o] = (float) (src - lo);
        }
        float[] result = new float[b * out * out];
        for (int n = 0; n < b; n++) {
            int p = n * in * in;
            for (int y = 0; y < out; y++) {
                for (int x = 0; x < out; x++) {
                    float top = planes[p + i0[y] * in + i0[x]] * (1 - w1[x]) + planes[p + i0[y] * in + i1[x]] * w1[x];
                    float bottom = planes[p + i1[y] * in + i0[x]] * (1 - w1[x]) + planes[p + i1[y] * in + i1[x]] * w1[x];
                    result[(n * out + y) * out + x] = top * (1 - w1[y]) + bottom * w1[y];
                }
            }
        }
        return result;
    }

    /** 2×2 max pooling with stride 2 of b planes side×side. */
    public static float[] maxPool2(float[] planes, int b, int side) {
        if (side % 2 != 0 || planes.length != b * side * side) {
            throw new IllegalArgumentException("maxPool2 needs b·side² values with an even side, got side " + side
                    + " and " + planes.length + " values for b = " + b);
        }
        int half = side / 2;
        float[] out = new float[b * half * half];
        for (int n = 0; n < b; n++) {
            for (int y = 0; y < half; y++) {
                for (int x = 0; x < half; x++) {
                    int p = n * side * side + 2 * y * side + 2 * x;
                    out[(n * half + y) * half + x] = Math.max(Math.max(planes[p], planes[p + 1]),
                            Math.max(planes[p + side], planes[p + side + 1]));
                }
            }
        }
        return out;
    }
}
