package org.anomalyforge.generator.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * diffusers' {@code Transformer2DModel} in the SD-1 form ({@code use_linear_projection = false}; seas.md §3.3):
 * <pre>
 * h = proj_in(GN(x, eps 1e-6 in SD))           1×1 conv, C → heads·headDim
 * h → tokens [B, H·W, inner], row-major (n = y·W + x); no positional embedding
 * h = transformer_blocks.i(h, context) for each block
 * out = proj_out(h as [B, inner, H, W]) + x     1×1 conv back to C
 * </pre>
 */
public final class Transformer2DModel extends ModuleBlock {

    private final int channels;
    private final int inner;
    private final GroupNorm norm;
    private final Conv2dLayer projIn;
    private final List<BasicTransformerBlock> blocks = new ArrayList<>();
    private final Conv2dLayer projOut;

    /**
     * @param channels   C
     * @param heads      heads
     * @param headDim    width per head
     * @param contextDim cross-attention width, or 0 for none
     * @param layers     number of transformer blocks (1 in SD)
     * @param groups     GroupNorm groups
     * @param normEps    GroupNorm eps (1e-6 in SD)
     */
    public Transformer2DModel(int channels, int heads, int headDim, int contextDim, int layers, int groups,
            float normEps) {
        if (layers <= 0) {
            throw new IllegalArgumentException("Transformer2DModel layers must be > 0, got " + layers);
        }
        this.channels = channels;
        this.inner = heads * headDim;
        this.norm = child("norm", GroupNorm.of(groups, channels, normEps));
        this.projIn = child("proj_in", Conv2dLayer.conv1x1(channels, inner));
        for (int i = 0; i < layers; i++) {
            blocks.add(child("transformer_blocks." + i, new BasicTransformerBlock(inner, heads, headDim, contextDim)));
        }
        this.projOut = child("proj_out", Conv2dLayer.conv1x1(inner, channels));
    }

    /** The transformer blocks, in order. */
    public List<BasicTransformerBlock> blocks() {
        return Collections.unmodifiableList(blocks);
    }

    /**
     * @param x       [B, C, H, W]
     * @param context [B, M, Dc] or null (blocks without cross-attention)
     * @return [B, C, H, W]
     */
    public NDArray forward(ParameterStore ps, NDArray x, NDArray context, boolean training) {
        requireRank(x, 4, "input");
        requireDim(x, 1, channels, "input");
        Shape s = x.getShape();
        long b = s.get(0);
        long hgt = s.get(2);
        long wid = s.get(3);
        NDArray h = projIn.forward(ps, norm.forward(ps, x, training), training);
        h = h.reshape(b, inner, hgt * wid).transpose(0, 2, 1);
        for (BasicTransformerBlock block : blocks) {
            h = block.forward(ps, h, context, training);
        }
        h = h.transpose(0, 2, 1).reshape(b, inner, hgt, wid);
        return projOut.forward(ps, h, training).add(x);
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
