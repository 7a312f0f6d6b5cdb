package org.anomalyforge.generator.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * PyTorch-exact {@code F.interpolate(x, size, mode="bilinear", align_corners=…, antialias=False)} on NCHW tensors as
 * y = A_h · x · A_wᵀ (DJL-COOKBOOK §2: libtorch's JNI binding always antialiases and ignores align_corners in the
 * NDArray API). Differentiable with respect to x. Per output index o of an axis of length n → m:
 * align_corners = true: c = o·(n − 1)/(m − 1); false: c = max(0, (o + ½)·n/m − ½); then i0 = ⌊c⌋,
 * i1 = min(i0 + 1, n − 1), weights (1 − (c − i0), c − i0).
 */
public final class BilinearInterpolation {

    private BilinearInterpolation() {
    }

    /** x [B, C, h, w] → [B, C, outH, outW], in x's manager. */
    public static NDArray resize(NDArray x, int outH, int outW, boolean alignCorners) {
        Shape s = x.getShape();
        if (s.dimension() != 4) {
            throw new IllegalArgumentException("bilinear resize needs [B, C, H, W], got " + s);
        }
        if (outH < 1 || outW < 1) {
            throw new IllegalArgumentException("bilinear output size must be >= 1, got " + outH + "x" + outW);
        }
        int h = (int) s.get(2);
        int w = (int) s.get(3);
        if (h == outH && w == outW) {
            return x.duplicate();
        }
        NDManager m = x.getManager();
        NDArray ah = m.create(matrix(h, outH, alignCorners), new Shape(outH, h));
        NDArray awT = m.create(matrix(w, outW, alignCorners), new Shape(outW, w)).transpose();
        return ah.matMul(x.matMul(awT));
    }

    /** The m×n interpolation matrix of one axis (row o holds the two weights of output o). */
    public static float[] matrix(int n, int m, boolean alignCorners) {
        float[] a = new float[m * n];
        for (int o = 0; o < m; o++) {
            double c = alignCorners ? (m > 1 ? o * (double) (n - 1) / (m - 1) : 0)
                    : Math.max((o + 0.5) * n / m - 0.5, 0);
            int i0 = Math.min((int) Math.floor(c), n - 1);
            int i1 = Math.min(i0 + 1, n - 1);
            double lambda = c - i0;
            a[o * n + i0] += (float) (1 - lambda);
            a[o * n + i1] += (float) lambda;
        }
        return a;
    }
}
