package org.anomalyforge.generator.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * diffusers' {@code Upsample2D}: nearest ×2 (pure repetition, {@code repeat} = {@code repeat_interleave}, exact),
 * then a 3×3 convolution {@code conv} with padding 1.
 */
public final class Upsample2D extends ModuleBlock {

    private final Conv2dLayer conv;

    /** @param channels in = out channels */
    public Upsample2D(int channels) {
        this.conv = child("conv", Conv2dLayer.conv3x3(channels, channels));
    }

    /** x [B, C, H, W] → [B, C, 2H, 2W]. */
    public NDArray forward(ParameterStore ps, NDArray x, boolean training) {
        requireRank(x, 4, "input");
        return conv.forward(ps, x.repeat(2, 2).repeat(3, 2), training);
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> p) {
        return new NDList(forward(ps, inputs.singletonOrThrow(), training));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        return new Shape[] {new Shape(in.get(0), in.get(1), 2 * in.get(2), 2 * in.get(3))};
    }
}
