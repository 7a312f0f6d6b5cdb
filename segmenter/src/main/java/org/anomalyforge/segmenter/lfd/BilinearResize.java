package org.anomalyforge.segmenter.lfd;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.anomalyforge.ingest.tensor.ScalarOps;

/**
 * PyTorch-exact bilinear resize of NCHW tensors: {@code F.interpolate(x, size, mode="bilinear",
 * align_corners=False, antialias=False)} (LFD spec §2.5).
 *
 * <p>Per axis with input length n and output length m: output i reads c = max(0, (i + ½)·n/m − ½),
 * i0 = ⌊c⌋, i1 = min(i0 + 1, n − 1), λ = c − i0, out[i] = (1 − λ)·in[i0] + λ·in[i1]. The 2-D resize is
 * separable, out = A_h · X · A_wᵀ, broadcast over B and C. An even integer down-factor f gives λ = ½ and
 * i0 = f·i + f/2 − 1, so it is computed in closed form as the mean of the two centre rows/columns of each
 * group of f (÷2: rows {2i, 2i+1}; ÷4: columns {4j+1, 4j+2}). Every other ratio (the ×4 and ×8 upsamples
 * of LFD) uses the interpolation matrices. Both paths are differentiable with respect to x.
 *
 * <p>DJL's own resizes are not used: {@code NDImageUtils.resize} expects HWC, and the PyTorch engine's
 * bilinear interpolation always antialiases, which changes the ÷2/÷4 input resize.
 *
 * <p>Thread-safety: the matrices are created once per (n, m) in a sub-manager of the owner manager (the
 * model's manager) and kept in a {@link ConcurrentHashMap}; they are read-only tensors, which libtorch
 * reads safely from several threads. Every result is attached to the input's manager, so per-request
 * arrays never accumulate in the model's manager. One instance may therefore serve several predictors
 * of one model concurrently.
 */
public final class BilinearResize implements AutoCloseable {

    /** Key of one cached matrix: (input length, output length), stored as A (m×n) or Aᵀ (n×m). */
    private record MatrixKey(long inLength, long outLength, boolean transposed) {}

    private final NDManager cacheManager;
    private final ConcurrentMap<MatrixKey, NDArray> matrices = new ConcurrentHashMap<>();

    /**
     * @param owner the manager whose lifetime bounds the cached matrices (normally the model's manager)
     */
    public BilinearResize(NDManager owner) {
        Objects.requireNonNull(owner, "owner");
        this.cacheManager = owner.newSubManager();
    }

    /**
     * Resizes the two trailing axes.
     *
     * @param x         float32 tensor B×C×h×w (any leading dimensions, rank ≥ 2 in general, 4 here)
     * @param outHeight output height ≥ 1
     * @param outWidth  output width ≥ 1
     * @return B×C×outHeight×outWidth in x's manager
     */
    public NDArray resize(NDArray x, long outHeight, long outWidth) {
        Shape shape = x.getShape();
        if (shape.dimension() != 4) {
            throw new IllegalArgumentException("resize input must be rank 4 (B×C×H×W), got shape " + shape);
        }
        if (x.getDataType() != DataType.FLOAT32) {
            throw new IllegalArgumentException("resize input must be float32, got " + x.getDataType());
        }
        if (outHeight < 1 || outWidth < 1) {
            throw new IllegalArgumentException("resize output size must be ≥ 1, got " + outHeight + "×" + outWidth);
        }
        NDArray rows = resizeHeight(x, outHeight);        // B×C×outH×w
        return resizeWidth(rows, outWidth);               // B×C×outH×outW
    }

    private NDArray resizeHeight(NDArray x, long out) {
        Shape s = x.getShape();
        long b = s.get(0);
        long c = s.get(1);
        long n = s.get(2);
        long w = s.get(3);
        if (n == out) {
            return x;
        }
        long factor = n / out;
        if (n % out == 0 && factor % 2 == 0) {
            long first = factor / 2 - 1;                  // λ = ½ between rows f·i + f/2 − 1 and f·i + f/2
            return ScalarOps.mul(x.reshape(b, c, out, factor, w)
                    .get(":, :, :, " + first + ":" + (first + 2) + ", :")
                    .sum(new int[] {3}), 0.5);
        }
        NDArray a = matrix(n, out, false);                // out×n
        NDArray y = a.matMul(x);                          // (out×n)·(B×C×n×w) → B×C×out×w
        y.attach(x.getManager());                         // the result of an op lands in a's (cache) manager
        return y;
    }

    private NDArray resizeWidth(NDArray x, long out) {
        Shape s = x.getShape();
        long b = s.get(0);
        long c = s.get(1);
        long h = s.get(2);
        long n = s.get(3);
        if (n == out) {
            return x;
        }
        long factor = n / out;
        if (n % out == 0 && factor % 2 == 0) {
            long first = factor / 2 - 1;
            return ScalarOps.mul(x.reshape(b, c, h, out, factor)
                    .get(":, :, :, :, " + first + ":" + (first + 2))
                    .sum(new int[] {4}), 0.5);
        }
        return x.matMul(matrix(n, out, true));            // (B×C×h×n)·(n×out) → B×C×h×out, in x's manager
    }

    private NDArray matrix(long in, long out, boolean transposed) {
        return matrices.computeIfAbsent(new MatrixKey(in, out, transposed), key -> {
            int n = Math.toIntExact(in);
            int m = Math.toIntExact(out);
            float[] a = interpolationMatrix(n, m);
            if (!transposed) {
                return cacheManager.create(a, new Shape(m, n));
            }
            float[] t = new float[a.length];              // contiguous Aᵀ (n×m) for the width GEMM
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    t[j * m + i] = a[i * n + j];
                }
            }
            return cacheManager.create(t, new Shape(n, m));
        });
    }

    /**
     * The 1-D interpolation matrix A (row-major, outLength × inLength) of §2.5: row i holds 1 − λ at i0
     * and λ at i1 (summed when i0 = i1 at the border), so every row sums to 1.
     *
     * @param inLength  n ≥ 1
     * @param outLength m ≥ 1
     * @return the m·n entries, row-major
     */
    public static float[] interpolationMatrix(int inLength, int outLength) {
        if (inLength < 1 || outLength < 1) {
            throw new IllegalArgumentException("interpolation lengths must be ≥ 1, got in=" + inLength
                    + ", out=" + outLength);
        }
        float[] a = new float[Math.multiplyExact(outLength, inLength)];
        double scale = (double) inLength / outLength;
        for (int i = 0; i < outLength; i++) {
            double c = Math.max(0.0, (i + 0.5) * scale - 0.5);
            int i0 = Math.min((int) Math.floor(c), inLength - 1);
            int i1 = Math.min(i0 + 1, inLength - 1);
            double lambda = c - i0;
            a[i * inLength + i0] += (float) (1.0 - lambda);
            a[i * inLength + i1] += (float) lambda;
        }
        return a;
    }

    /** Closes the cached matrices. */
    @Override
    public void close() {
        matrices.clear();
        cacheManager.close();
    }
}
