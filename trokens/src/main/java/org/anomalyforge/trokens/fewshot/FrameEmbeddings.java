package org.anomalyforge.trokens.fewshot;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;
import org.anomalyforge.ingest.tensor.ScalarOps;

/**
 * Clip frame embeddings (spec §12): {@code e_t = mean over non-padding points m of ReLU(z[t, m])}.
 * Negative point tokens are zeroed before the mean.
 */
public final class FrameEmbeddings {

    private FrameEmbeddings() {}

    /**
     * @param points  point tokens {@code [B, T, M, d]}
     * @param padding {@code [B, M]}, 1 for padding duplicates (excluded from the mean)
     * @return {@code [B, T, d]}
     */
    public static NDArray of(NDArray points, NDArray padding) {
        long b = points.getShape().get(0);
        long m = points.getShape().get(2);
        NDArray keep = padding.neg().add(1f).reshape(b, 1, m, 1); // [B, 1, M, 1]
        NDArray count = ScalarOps.maximum(keep.sum(new int[] {2}), 1); // [B, 1, 1]; every clip has ≥ 1 real point
        return Activation.relu(points).mul(keep).sum(new int[] {2}).div(count);
    }
}
