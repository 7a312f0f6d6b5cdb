package org.anomalyforge.generator.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * diffusers' {@code BasicTransformerBlock} (seas.md §3.3), LayerNorm eps 1e-5, GEGLU feed-forward of inner
 * width 4·D:
 * <pre>
 * h += attn1(norm1(h))                 self-attention
 * h += attn2(norm2(h), context)        cross-attention (absent when contextDim = 0, as in RMP)
 * h += ff(norm3(h))
 * </pre>
 * Children are registered in diffusers 0.2.2's state-dict order (attn1, ff, attn2, norm1, norm2, norm3).
 */
public final class BasicTransformerBlock extends ModuleBlock {

    private final Attention attn1;
    private final FeedForward ff;
    private final Attention attn2;
    private final LastAxisLayerNorm norm1;
    private final LastAxisLayerNorm norm2;
    private final LastAxisLayerNorm norm3;

    /**
     * @param dim        width D
     * @param heads      heads
     * @param headDim    width per head
     * @param contextDim cross-attention context width, or 0 for a block without cross-attention
     */
    public BasicTransformerBlock(int dim, int heads, int headDim, int contextDim) {
        if (contextDim < 0) {
            throw new IllegalArgumentException("BasicTransformerBlock contextDim must be >= 0, got " + contextDim);
        }
        this.attn1 = child("attn1", Attention.builder().setQueryDim(dim).setHeads(heads).setHeadDim(headDim).build());
        this.ff = child("ff", new FeedForward(dim, 4 * dim));
        this.attn2 = contextDim > 0 ? child("attn2", Attention.builder().setQueryDim(dim).setHeads(heads)
                .setHeadDim(headDim).optContextDim(contextDim).build()) : null;
        this.norm1 = child("norm1", new LastAxisLayerNorm(dim, 1e-5f));
        this.norm2 = contextDim > 0 ? child("norm2", new LastAxisLayerNorm(dim, 1e-5f)) : null;
        this.norm3 = child("norm3", new LastAxisLayerNorm(dim, 1e-5f));
    }

    /** Whether the block has a cross-attention layer. */
    public boolean hasCrossAttention() {
        return attn2 != null;
    }

    /**
     * @param h       tokens [B, N, D]
     * @param context [B, M, Dc]; required exactly when the block has cross-attention
     * @return [B, N, D]
     */
    public NDArray forward(ParameterStore ps, NDArray h, NDArray context, boolean training) {
        if ((context == null) == (attn2 != null)) {
            throw new IllegalArgumentException("BasicTransformerBlock: context must be given exactly when the block"
                    + " has cross-attention (" + (attn2 != null) + ")");
        }
        NDArray x = h.add(attn1.forward(ps, norm1.forward(ps, h, training), null, training));
        if (attn2 != null) {
            x = x.add(attn2.forward(ps, norm2.forward(ps, x, training), context, training));
        }
        return x.add(ff.forward(ps, norm3.forward(ps, x, training), training));
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> p) {
        return new NDList(forward(ps, inputs.get(0), inputs.size() > 1 ? inputs.get(1) : null, training));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }
}
