package org.anomalyforge.generator.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * transformers' {@code CLIPAttention}: {@code q_proj}, {@code k_proj}, {@code v_proj}, {@code out_proj} with bias,
 * scale 1/√d, an additive causal mask. Children registered in the transformers state-dict order (k, v, q, out).
 */
public final class ClipAttention extends ModuleBlock {

    private final int width;
    private final int heads;
    private final float scale;
    private final LinearLayer kProj;
    private final LinearLayer vProj;
    private final LinearLayer qProj;
    private final LinearLayer outProj;

    /**
     * @param width model width
     * @param heads number of heads (must divide width)
     */
    public ClipAttention(int width, int heads) {
        if (heads <= 0 || width % heads != 0) {
            throw new IllegalArgumentException("CLIP attention heads must divide width, got width " + width
                    + ", heads " + heads);
        }
        this.width = width;
        this.heads = heads;
        this.scale = (float) (1 / Math.sqrt(width / heads));
        this.kProj = child("k_proj", new LinearLayer(width, width, true));
        this.vProj = child("v_proj", new LinearLayer(width, width, true));
        this.qProj = child("q_proj", new LinearLayer(width, width, true));
        this.outProj = child("out_proj", new LinearLayer(width, width, true));
    }

    /**
     * @param h    [B, N, width]
     * @param mask additive [N, N] mask (e.g. causal), or null
     * @return [B, N, width]
     */
    public NDArray forward(ParameterStore ps, NDArray h, NDArray mask, boolean training) {
        NDArray q = AttentionMath.splitHeads(qProj.forward(ps, h, training), heads);
        NDArray k = AttentionMath.splitHeads(kProj.forward(ps, h, training), heads);
        NDArray v = AttentionMath.splitHeads(vProj.forward(ps, h, training), heads);
        NDArray o = AttentionMath.attend(q, k, v, scale, mask, AttentionMath.DEFAULT_MAX_SCORE_ELEMENTS, null);
        return outProj.forward(ps, AttentionMath.mergeHeads(o), training);
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> p) {
        return new NDList(forward(ps, inputs.get(0), inputs.size() > 1 ? inputs.get(1) : null, training));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }

    /** Model width. */
    public int width() {
        return width;
    }
}
