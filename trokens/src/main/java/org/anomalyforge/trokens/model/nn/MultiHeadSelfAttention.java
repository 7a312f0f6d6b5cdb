package org.anomalyforge.trokens.model.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.anomalyforge.ingest.tensor.ScalarOps;

/**
 * Multi-head self-attention with a fused {@code qkv} projection (rows q, k, v in that order, as in timm and
 * the original DINOv2 layout) and an output projection {@code proj}; softmax attention written out because
 * DJL has no SDPA binding (DJL-COOKBOOK §3).
 *
 * <p>Inputs: {@code x [N, L, d]} and optionally an additive mask {@code [N, L, L]} (query row, key column;
 * 0 or −1e9, see {@link AttentionMasks}). Output {@code [N, L, d]}.
 */
public final class MultiHeadSelfAttention extends AbstractBlock {

    private final int width;
    private final int heads;
    private final Linear qkv;
    private final Linear proj;

    /**
     * @param width model width {@code d}, divisible by {@code heads}
     * @param heads number of heads, ≥ 1
     */
    public MultiHeadSelfAttention(int width, int heads) {
        if (heads < 1 || width < 1 || width % heads != 0) {
            throw new IllegalArgumentException("attention width must be a positive multiple of heads, got width "
                    + width + ", heads " + heads);
        }
        this.width = width;
        this.heads = heads;
        this.qkv = addChildBlock("qkv", Linear.builder().setUnits(3L * width).build());
        this.proj = addChildBlock("proj", Linear.builder().setUnits(width).build());
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape x = inputShapes[0];
        qkv.initialize(manager, dataType, x);
        proj.initialize(manager, dataType, x);
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray x = inputs.get(0);
        long n = x.getShape().get(0);
        long len = x.getShape().get(1);
        long headDim = width / heads;
        // [N, L, 3d] -> [N, L, 3, H, hd] -> [3, N, H, L, hd]
        NDArray fused = qkv.forward(ps, new NDList(x), training).singletonOrThrow()
                .reshape(n, len, 3, heads, headDim).transpose(2, 0, 3, 1, 4);
        NDArray q = fused.get(0);
        NDArray k = fused.get(1);
        NDArray v = fused.get(2);
        // scores [N, H, L, L]
        NDArray scores = ScalarOps.mul(q.matMul(k.swapAxes(-1, -2)), 1.0 / Math.sqrt(headDim));
        if (inputs.size() > 1) {
            scores = scores.add(inputs.get(1).expandDims(1));
        }
        NDArray attended = scores.softmax(-1).matMul(v); // [N, H, L, hd]
        NDArray merged = attended.transpose(0, 2, 1, 3).reshape(n, len, width);
        return proj.forward(ps, new NDList(merged), training);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }
}
