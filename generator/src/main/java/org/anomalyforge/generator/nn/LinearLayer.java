package org.anomalyforge.generator.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * {@code torch.nn.Linear}: y = x·Wᵀ + b over the last axis of any rank, weight [out, in], bias [out],
 * PyTorch default init U(±1/√in) for both.
 */
public final class LinearLayer extends ModuleBlock {

    private final int inFeatures;
    private final int outFeatures;
    private final Parameter weight;
    private final Parameter bias;

    /**
     * @param inFeatures  input width, &gt; 0
     * @param outFeatures output width, &gt; 0
     * @param withBias    whether a bias [out] exists (diffusers attention q/k/v have none)
     */
    public LinearLayer(int inFeatures, int outFeatures, boolean withBias) {
        if (inFeatures <= 0 || outFeatures <= 0) {
            throw new IllegalArgumentException("LinearLayer in/out features must be > 0, got " + inFeatures + " -> "
                    + outFeatures);
        }
        this.inFeatures = inFeatures;
        this.outFeatures = outFeatures;
        TorchInit init = TorchInit.fanInUniform(inFeatures);
        this.weight = parameter("weight", Parameter.Type.WEIGHT, new Shape(outFeatures, inFeatures), init);
        this.bias = withBias ? parameter("bias", Parameter.Type.BIAS, new Shape(outFeatures), init) : null;
    }

    /** Input width. */
    public int inFeatures() {
        return inFeatures;
    }

    /** Output width. */
    public int outFeatures() {
        return outFeatures;
    }

    /** x [..., in] → [..., out]. */
    public NDArray forward(ParameterStore ps, NDArray x, boolean training) {
        requireDim(x, x.getShape().dimension() - 1, inFeatures, "input");
        NDArray w = value(ps, weight, x, training);
        NDArray b = bias == null ? null : value(ps, bias, x, training);
        return b == null ? Linear.linear(x, w).singletonOrThrow() : Linear.linear(x, w, b).singletonOrThrow();
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> p) {
        return new NDList(forward(ps, inputs.singletonOrThrow(), training));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        return new Shape[] {in.slice(0, in.dimension() - 1).add(outFeatures)};
    }
}
