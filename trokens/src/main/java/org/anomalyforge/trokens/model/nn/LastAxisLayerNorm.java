package org.anomalyforge.trokens.model.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * LayerNorm over the last axis of an input of any rank, with PyTorch parameter names {@code weight}
 * (γ, initialised to 1) and {@code bias} (β, initialised to 0). DJL's own {@code LayerNorm} block fixes the
 * input rank at initialisation and names its parameters gamma/beta; this one serves {@code [B, N, d]} and
 * {@code [B, T, M, d]} inputs alike (DJL-COOKBOOK §1).
 */
public final class LastAxisLayerNorm extends AbstractBlock {

    private final int width;
    private final float epsilon;
    private final Parameter weight;
    private final Parameter bias;

    /**
     * @param width   size {@code d} of the normalised last axis, ≥ 1
     * @param epsilon variance epsilon, &gt; 0 (1e-6 for ViT and the space-time block, 1e-5 for token MLPs)
     */
    public LastAxisLayerNorm(int width, float epsilon) {
        if (width < 1) {
            throw new IllegalArgumentException("layer norm width must be >= 1, got " + width);
        }
        if (!(epsilon > 0)) {
            throw new IllegalArgumentException("layer norm epsilon must be > 0, got " + epsilon);
        }
        this.width = width;
        this.epsilon = epsilon;
        this.weight = addParameter(Parameter.builder().setName("weight").setType(Parameter.Type.GAMMA)
                .optShape(new Shape(width)).build());
        this.bias = addParameter(Parameter.builder().setName("bias").setType(Parameter.Type.BETA)
                .optShape(new Shape(width)).build());
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        long last = x.getShape().getLastDimension();
        if (last != width) {
            throw new IllegalArgumentException("layer norm expects last axis " + width + ", got shape " + x.getShape());
        }
        NDArray g = ps.getValue(weight, x.getDevice(), training);
        NDArray b = ps.getValue(bias, x.getDevice(), training);
        return ai.djl.nn.norm.LayerNorm.layerNorm(x, new Shape(width), g, b, epsilon);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }
}
