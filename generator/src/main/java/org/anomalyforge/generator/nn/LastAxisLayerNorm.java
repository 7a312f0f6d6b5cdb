package org.anomalyforge.generator.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * {@code torch.nn.LayerNorm(D, eps)}: normalises over the last axis only, affine weight [D] = 1, bias [D] = 0.
 *
 * <p>Why not DJL's block: its default normalises over all non-batch axes and {@code axis(-1)} crashes
 * (cookbook §1); the functional {@code LayerNorm.layerNorm} over {@code Shape(D)} is exact.
 */
public final class LastAxisLayerNorm extends ModuleBlock {

    private final int dim;
    private final float eps;
    private final Parameter gamma;
    private final Parameter beta;

    /**
     * @param dim width of the last axis, &gt; 0
     * @param eps variance floor, &gt; 0 (transformers and CLIP: 1e-5)
     */
    public LastAxisLayerNorm(int dim, float eps) {
        if (dim <= 0 || !(eps > 0)) {
            throw new IllegalArgumentException("LayerNorm needs dim > 0 and eps > 0, got dim " + dim + ", eps " + eps);
        }
        this.dim = dim;
        this.eps = eps;
        this.gamma = parameter("weight", Parameter.Type.GAMMA, new Shape(dim), TorchInit.constant(1));
        this.beta = parameter("bias", Parameter.Type.BETA, new Shape(dim), TorchInit.constant(0));
    }

    /** x [..., D] → same shape. */
    public NDArray forward(ParameterStore ps, NDArray x, boolean training) {
        requireDim(x, x.getShape().dimension() - 1, dim, "input");
        return LayerNorm.layerNorm(x, new Shape(dim), value(ps, gamma, x, training), value(ps, beta, x, training), eps)
                .singletonOrThrow();
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> p) {
        return new NDList(forward(ps, inputs.singletonOrThrow(), training));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }
}
