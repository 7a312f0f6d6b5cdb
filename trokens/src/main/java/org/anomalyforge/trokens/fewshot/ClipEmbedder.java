package org.anomalyforge.trokens.fewshot;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import org.anomalyforge.trokens.model.ClipBatch;
import org.anomalyforge.trokens.model.ClipTensors;
import org.anomalyforge.trokens.model.TrokensNet;

import java.util.List;

/**
 * Frame embeddings {@code e ∈ R^{T×d}} of clips (spec §12), computed without gradients in batches of
 * {@link #BATCH} clips, each batch in its own sub-manager. Evaluation computes them once per clip, so
 * episodes then cost only the matching.
 */
public final class ClipEmbedder {

    /** Clips per forward pass. */
    public static final int BATCH = 16;

    private ClipEmbedder() {}

    /** @return {@code [clips][T·d]}, frame-major */
    public static float[][] embed(TrokensNet net, NDManager manager, List<ClipTensors> clips) {
        float[][] out = new float[clips.size()][];
        ParameterStore ps = new ParameterStore(manager, false);
        for (int start = 0; start < clips.size(); start += BATCH) {
            List<ClipTensors> chunk = clips.subList(start, Math.min(clips.size(), start + BATCH));
            try (NDManager scope = manager.newSubManager()) {
                NDList in = ClipBatch.of(scope, chunk);
                NDArray points = net.forward(ps, in, false).get(0);
                float[] flat = FrameEmbeddings.of(points, in.get(6)).toFloatArray();
                int per = flat.length / chunk.size();
                for (int i = 0; i < chunk.size(); i++) {
                    out[start + i] = java.util.Arrays.copyOfRange(flat, i * per, (i + 1) * per);
                }
            }
        }
        return out;
    }
}
