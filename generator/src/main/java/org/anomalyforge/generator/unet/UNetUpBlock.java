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
import org.anomalyforge.generator.nn.ModuleBlock;
import org.anomalyforge.generator.nn.ResnetBlock2D;
import org.anomalyforge.generator.nn.Transformer2DModel;
import org.anomalyforge.generator.nn.Upsample2D;

/**
 * diffusers' {@code CrossAttnUpBlock2D} / {@code UpBlock2D} with layersPerBlock + 1 resnets: per layer
 * h = resnet(concat[h, skips.pop()] along C, temb), then attention(h, c) if present; then the optional
 * {@code upsamplers.0} (nearest ×2 + 3×3 conv). Resnet j reads prevOutput (j = 0) or out channels plus the popped
 * skip's channels: out for all but the last layer, which pops the block's input-channel skip.
 */
final class UNetUpBlock extends ModuleBlock {

    private final List<Transformer2DModel> attentions = new ArrayList<>();
    private final List<ResnetBlock2D> resnets = new ArrayList<>();
    private final Upsample2D upsampler;
    private final int outChannels;

    UNetUpBlock(int inChannels, int prevOutputChannels, int outChannels, int tembDim, int layers,
            CrossAttentionSpec cross, boolean addUpsample, int groups, float eps) {
        this.outChannels = outChannels;
        if (cross != null) {
            for (int j = 0; j < layers; j++) {
                attentions.add(child("attentions." + j, new Transformer2DModel(outChannels, cross.heads(),
                        outChannels / cross.heads(), cross.contextDim(), cross.layers(), cross.groups(), cross.normEps())));
            }
        }
        for (int j = 0; j < layers; j++) {
            int skipChannels = j == layers - 1 ? inChannels : outChannels;
            int resnetIn = j == 0 ? prevOutputChannels : outChannels;
            resnets.add(child("resnets." + j, new ResnetBlock2D(resnetIn + skipChannels, outChannels, tembDim, groups,
                    eps)));
        }
        this.upsampler = addUpsample ? child("upsamplers.0", new Upsample2D(outChannels)) : null;
    }

    /** The transformers (empty for an UpBlock2D). */
    List<Transformer2DModel> attentions() {
        return Collections.unmodifiableList(attentions);
    }

    /** Number of skips this block pops. */
    int layers() {
        return resnets.size();
    }

    /** Runs the block, popping one skip per resnet; returns the output after the upsampler. */
    NDArray forward(ParameterStore ps, NDArray x, NDArray temb, NDArray context, Deque<NDArray> skips,
            boolean training) {
        NDArray h = x;
        for (int j = 0; j < resnets.size(); j++) {
            NDArray skip = skips.pop();
            h = resnets.get(j).forward(ps, h.concat(skip, 1), temb, training);
            if (!attentions.isEmpty()) {
                h = attentions.get(j).forward(ps, h, context, training);
            }
        }
        return upsampler == null ? h : upsampler.forward(ps, h, training);
    }

    /** Inputs: h, temb, context, then the skips in pop order. */
    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList in, boolean training, PairList<String, Object> p) {
        Deque<NDArray> skips = new ArrayDeque<>(in.subList(3, in.size()));
        return new NDList(forward(ps, in.get(0), in.get(1), in.get(2), skips, training));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        long side = upsampler == null ? in.get(2) : 2 * in.get(2);
        return new Shape[] {new Shape(in.get(0), outChannels, side, side)};
    }
}
