package org.anomalyforge.generator.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * diffusers' {@code Downsample2D} with a convolution named {@code conv} (seas.md §3.3):
 * U-Net: 3×3, stride 2, padding 1; VAE encoder: zero-pad right and bottom by 1, then 3×3, stride 2, padding 0.
 */
public final class Downsample2D extends ModuleBlock {

    /** Where the one-pixel border comes from. */
    public enum Padding {
        /** Symmetric padding 1 inside the convolution (U-Net). */
        SYMMETRIC,
        /** Zero pad (left 0, right 1, top 0, bottom 1) before an unpadded convolution (VAE encoder). */
        RIGHT_BOTTOM
    }

    private final Padding padding;
    private final Conv2dLayer conv;

    /** @param channels in = out channels */
    public Downsample2D(int channels, Padding padding) {
        this.padding = padding;
        this.conv = child("conv", Conv2dLayer.of(channels, channels, 3, 2, padding == Padding.SYMMETRIC ? 1 : 0));
    }

    /** x [B, C, H, W] → [B, C, ⌈H/2⌉, ⌈W/2⌉] (H, W even in SD: exactly H/2, W/2). */
    public NDArray forward(ParameterStore ps, NDArray x, boolean training) {
        requireRank(x, 4, "input");
        // pad() takes PyTorch F.pad order: last axis first → (left, right, top, bottom).
        NDArray in = padding == Padding.RIGHT_BOTTOM ? x.pad(new Shape(0, 1, 0, 1), 0) : x;
        return conv.forward(ps, in, training);
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> p) {
        return new NDList(forward(ps, inputs.singletonOrThrow(), training));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        return new Shape[] {new Shape(in.get(0), in.get(1), (in.get(2) + 1) / 2, (in.get(3) + 1) / 2)};
    }
}
