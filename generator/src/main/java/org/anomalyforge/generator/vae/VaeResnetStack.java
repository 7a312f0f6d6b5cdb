package org.anomalyforge.generator.vae;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;
import org.anomalyforge.generator.nn.Downsample2D;
import org.anomalyforge.generator.nn.ModuleBlock;
import org.anomalyforge.generator.nn.ResnetBlock2D;
import org.anomalyforge.generator.nn.Upsample2D;

/**
 * diffusers' {@code DownEncoderBlock2D} / {@code UpDecoderBlock2D}: resnets (cin → cout, then cout → cout) followed
 * by an optional {@code downsamplers.0} (right/bottom zero pad + stride-2 conv) or {@code upsamplers.0}
 * (nearest ×2 + conv).
 */
final class VaeResnetStack extends ModuleBlock {

    /** The optional resampler at the end of the block. */
    enum Resample { NONE, DOWN, UP }

    private final List<ResnetBlock2D> resnets = new ArrayList<>();
    private final Downsample2D downsampler;
    private final Upsample2D upsampler;
    private final int outChannels;

    VaeResnetStack(int inChannels, int outChannels, int layers, Resample resample, int groups, float eps) {
        this.outChannels = outChannels;
        for (int j = 0; j < layers; j++) {
            resnets.add(child("resnets." + j, new ResnetBlock2D(j == 0 ? inChannels : outChannels, outChannels, 0,
                    groups, eps)));
        }
        this.downsampler = resample == Resample.DOWN
                ? child("downsamplers.0", new Downsample2D(outChannels, Downsample2D.Padding.RIGHT_BOTTOM)) : null;
        this.upsampler = resample == Resample.UP ? child("upsamplers.0", new Upsample2D(outChannels)) : null;
    }

    NDArray forward(ParameterStore ps, NDArray x, boolean training) {
        NDArray h = x;
        for (ResnetBlock2D r : resnets) {
            h = r.forward(ps, h, null, training);
        }
        if (downsampler != null) {
            h = downsampler.forward(ps, h, training);
        }
        if (upsampler != null) {
            h = upsampler.forward(ps, h, training);
        }
        return h;
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList in, boolean training, PairList<String, Object> p) {
        return new NDList(forward(ps, in.singletonOrThrow(), training));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        long side = downsampler != null ? (in.get(2) + 1) / 2 : upsampler != null ? 2 * in.get(2) : in.get(2);
        return new Shape[] {new Shape(in.get(0), outChannels, side, side)};
    }
}
