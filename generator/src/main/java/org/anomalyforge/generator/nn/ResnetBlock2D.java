package org.anomalyforge.generator.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * diffusers' {@code ResnetBlock2D} (seas.md §3.3), dropout 0, output scale 1:
 * <pre>
 * h = conv1(SiLU(norm1(x)))
 * h += time_emb_proj(SiLU(temb))[:, :, None, None]      (only with a time embedding; absent in the VAE)
 * h = conv2(SiLU(norm2(h)))
 * out = shortcut(x) + h                                 (conv_shortcut 1×1 when cin ≠ cout, else identity)
 * </pre>
 */
public final class ResnetBlock2D extends ModuleBlock {

    private final int inChannels;
    private final int outChannels;
    private final GroupNorm norm1;
    private final Conv2dLayer conv1;
    private final LinearLayer timeEmbProj;
    private final GroupNorm norm2;
    private final Conv2dLayer conv2;
    private final Conv2dLayer convShortcut;

    /**
     * @param inChannels  cin
     * @param outChannels cout
     * @param tembChannels time-embedding width, or 0 for none (VAE)
     * @param groups      GroupNorm groups (must divide cin and cout)
     * @param eps         GroupNorm eps (U-Net 1e-5, VAE 1e-6)
     */
    public ResnetBlock2D(int inChannels, int outChannels, int tembChannels, int groups, float eps) {
        if (tembChannels < 0) {
            throw new IllegalArgumentException("ResnetBlock2D tembChannels must be >= 0, got " + tembChannels);
        }
        this.inChannels = inChannels;
        this.outChannels = outChannels;
        this.norm1 = child("norm1", GroupNorm.of(groups, inChannels, eps));
        this.conv1 = child("conv1", Conv2dLayer.conv3x3(inChannels, outChannels));
        this.timeEmbProj = tembChannels > 0 ? child("time_emb_proj", new LinearLayer(tembChannels, outChannels, true))
                : null;
        this.norm2 = child("norm2", GroupNorm.of(groups, outChannels, eps));
        this.conv2 = child("conv2", Conv2dLayer.conv3x3(outChannels, outChannels));
        this.convShortcut = inChannels != outChannels
                ? child("conv_shortcut", Conv2dLayer.conv1x1(inChannels, outChannels)) : null;
    }

    /** Output channels. */
    public int outChannels() {
        return outChannels;
    }

    /**
     * @param x    [B, cin, H, W]
     * @param temb [B, temb] or null (must be null exactly when the block has no time projection)
     * @return [B, cout, H, W]
     */
    public NDArray forward(ParameterStore ps, NDArray x, NDArray temb, boolean training) {
        requireDim(x, 1, inChannels, "input");
        if ((temb == null) != (timeEmbProj == null)) {
            throw new IllegalArgumentException("ResnetBlock2D: temb must be given exactly when the block has a"
                    + " time_emb_proj (" + (timeEmbProj != null) + "), got " + (temb == null ? "none" : temb.getShape()));
        }
        NDArray h = conv1.forward(ps, Activations.silu(norm1.forward(ps, x, training)), training);
        if (temb != null) {
            NDArray t = timeEmbProj.forward(ps, Activations.silu(temb), training);
            h = h.add(t.reshape(t.getShape().get(0), outChannels, 1, 1));
        }
        h = conv2.forward(ps, Activations.silu(norm2.forward(ps, h, training)), training);
        NDArray skip = convShortcut == null ? x : convShortcut.forward(ps, x, training);
        return skip.add(h);
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> p) {
        return new NDList(forward(ps, inputs.get(0), inputs.size() > 1 ? inputs.get(1) : null, training));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        return new Shape[] {new Shape(in.get(0), outChannels, in.get(2), in.get(3))};
    }
}
