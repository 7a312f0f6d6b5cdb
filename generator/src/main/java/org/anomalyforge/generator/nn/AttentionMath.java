package org.anomalyforge.generator.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import java.util.function.Consumer;
import org.anomalyforge.ingest.tensor.ScalarOps;

/**
 * softmax(q·kᵀ·scale + mask)·v over heads, without SDPA (DJL 0.36 has no binding; cookbook §3), chunked over
 * queries so that at most {@code maxScoreElements} attention scores exist at once (identical result; only
 * memory changes: SD-1.4 self-attention at 64² holds 4096² scores per head).
 */
public final class AttentionMath {

    /** Default bound on scores held at once: 2^26 floats = 256 MB. */
    public static final long DEFAULT_MAX_SCORE_ELEMENTS = 1L << 26;

    private AttentionMath() {
    }

    /** [B, N, H·d] → [B, H, N, d]. */
    public static NDArray splitHeads(NDArray x, int heads) {
        long b = x.getShape().get(0);
        long n = x.getShape().get(1);
        long c = x.getShape().get(2);
        if (c % heads != 0) {
            throw new IllegalArgumentException("width " + c + " is not divisible by heads " + heads);
        }
        return x.reshape(b, n, heads, c / heads).transpose(0, 2, 1, 3);
    }

    /** [B, H, N, d] → [B, N, H·d]. */
    public static NDArray mergeHeads(NDArray x) {
        long b = x.getShape().get(0);
        long h = x.getShape().get(1);
        long n = x.getShape().get(2);
        long d = x.getShape().get(3);
        return x.transpose(0, 2, 1, 3).reshape(b, n, h * d);
    }

    /**
     * Multi-head attention on split heads.
     *
     * @param q                 [B, H, N, d]
     * @param k                 [B, H, M, d]
     * @param v                 [B, H, M, d]
     * @param scale             usually 1/√d
     * @param additiveMask      [N, M] added to the scores (e.g. −1e9 above the diagonal), or null
     * @param maxScoreElements  bound on B·H·rows·M scores per chunk
     * @param probabilitySink   receives each chunk's probabilities [B, H, rows, M] in query order, or null
     * @return [B, H, N, d]
     */
    public static NDArray attend(NDArray q, NDArray k, NDArray v, float scale, NDArray additiveMask,
            long maxScoreElements, Consumer<NDArray> probabilitySink) {
        long b = q.getShape().get(0);
        long h = q.getShape().get(1);
        long n = q.getShape().get(2);
        long m = k.getShape().get(2);
        if (maxScoreElements <= 0) {
            throw new IllegalArgumentException("maxScoreElements must be > 0, got " + maxScoreElements);
        }
        long rows = Math.max(1, maxScoreElements / Math.max(1, b * h * m));
        NDArray kt = k.swapAxes(2, 3);
        if (rows >= n) {
            return chunk(q, kt, v, scale, additiveMask, probabilitySink);
        }
        NDList outs = new NDList();
        for (long start = 0; start < n; start += rows) {
            long end = Math.min(n, start + rows);
            NDArray qc = q.get(new NDIndex(":, :, {}:{}", start, end));
            NDArray mc = additiveMask == null ? null : additiveMask.get(new NDIndex("{}:{}", start, end));
            outs.add(chunk(qc, kt, v, scale, mc, probabilitySink));
        }
        return NDArrays.concat(outs, 2);
    }

    private static NDArray chunk(NDArray q, NDArray kt, NDArray v, float scale, NDArray mask,
            Consumer<NDArray> sink) {
        NDArray scores = ScalarOps.mul(q.matMul(kt), scale);
        if (mask != null) {
            scores = scores.add(mask);
        }
        NDArray probs = scores.softmax(3);
        if (sink != null) {
            sink.accept(probs);
        }
        return probs.matMul(v);
    }
}
