package org.anomalyforge.generator.unet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import org.anomalyforge.generator.nn.Downsample2D;
import org.anomalyforge.generator.nn.ModuleBlock;
import org.anomalyforge.generator.nn.ResnetBlock2D;
import org.anomalyforge.generator.nn.Transformer2DModel;

/**
 * diffusers' {@code CrossAttnDownBlock2D} (with transformers) or {@code DownBlock2D} (without): per layer
 * h = resnet(h, temb), then h = attention(h, c) if present, each result pushed as a skip; then the optional
 * {@code downsamplers.0} (3×3, stride 2, padding 1), whose output is pushed too.
 */
final class UNetDownBlock extends ModuleBlock {

    private final List<Transformer2DModel> attentions = new ArrayList<>();
    private final List<ResnetBlock2D> resnets = new ArrayList<>();
    private final Downsample2D downsampler;
    private final int outChannels;

    UNetDownBlock(int inChannels, int outChannels, int tembDim, int layers, CrossAttentionSpec cross,
            boolean addDownsample, int groups, float eps) {
        this.outChannels = outChannels;
        if (cross != null) {
            for (int j = 0; j < layers; j++) {
                attentions.add(child("attentions." + j, new Transformer2DModel(outChannels, cross.heads(),
                        outChannels / cross.heads(), cross.contextDim(), cross.layers(), cross.groups(), cross.normEps())));
            }
        }
        for (int j = 0; j < layers; j++) {
            resnets.add(child("resnets." + j, new ResnetBlock2D(j == 0 ? inChannels : outChannels, outChannels, tembDim,
                    groups, eps)));
        }
        this.downsampler = addDownsample
                ? child("downsamplers.0", new Downsample2D(outChannels, Downsample2D.Padding.SYMMETRIC)) : null;
    }

    /** The transformers (empty for a DownBlock2D). */
    List<Transformer2DModel> attentions() {
        return Collections.unmodifiableList(attentions);
    }

    /** Runs the block, pushing every skip onto {@code skips}; returns the block output. */
    NDArray forward(ParameterStore ps, NDArray x, NDArray temb, NDArray context, Deque<NDArray> skips,
            boolean training) {
        NDArray h = x;
        for (int j = 0; j < resnets.size(); j++) {
            h = resnets.get(j).forward(ps, h, temb, training);
            if (!attentions.isEmpty()) {
                h = attentions.get(j).forward(ps, h, context, training);
            }
            skips.push(h);
        }
        if (downsampler != null) {
            h = downsampler.forward(ps, h, training);
            skips.push(h);
        }
        return h;
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList in, boolean training, PairList<String, Object> p) {
        Deque<NDArray> skips = new ArrayDeque<>();
        NDArray out = forward(ps, in.get(0), in.get(1), in.size() > 2 ? in.get(2) : null, skips, training);
        NDList result = new NDList(out);
        skips.descendingIterator().forEachRemaining(result::add);
        return result;
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        long side = downsampler == null ? in.get(2) : (in.get(2) + 1) / 2;
        return new Shape[] {new Shape(in.get(0), outChannels, side, side)};
    }
}
