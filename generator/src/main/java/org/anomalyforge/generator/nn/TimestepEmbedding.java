package org.anomalyforge.generator.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/** diffusers' {@code TimestepEmbedding}: temb = linear_2(SiLU(linear_1(φ))), C₀ → 4·C₀ in SD. */
public final class TimestepEmbedding extends ModuleBlock {

    private final LinearLayer linear1;
    private final LinearLayer linear2;
    private final int outDim;

    /**
     * @param inDim  sinusoid width C₀
     * @param outDim embedding width (4·C₀)
     */
    public TimestepEmbedding(int inDim, int outDim) {
        this.outDim = outDim;
        this.linear1 = child("linear_1", new LinearLayer(inDim, outDim, true));
        this.linear2 = child("linear_2", new LinearLayer(outDim, outDim, true));
    }

    /** φ [B, C₀] → temb [B, outDim]. */
    public NDArray forward(ParameterStore ps, NDArray phi, boolean training) {
        return linear2.forward(ps, Activations.silu(linear1.forward(ps, phi, training)), training);
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> p) {
        return new NDList(forward(ps, inputs.singletonOrThrow(), training));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), outDim)};
    }
}
