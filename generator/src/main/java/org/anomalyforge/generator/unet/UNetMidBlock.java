package org.anomalyforge.generator.unet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.anomalyforge.generator.nn.ModuleBlock;
import org.anomalyforge.generator.nn.ResnetBlock2D;
import org.anomalyforge.generator.nn.Transformer2DModel;

/** diffusers' {@code UNetMidBlock2DCrossAttn}: resnets.0 → attentions.0 → resnets.1 at constant width C. */
final class UNetMidBlock extends ModuleBlock {

    private final Transformer2DModel attention;
    private final ResnetBlock2D resnet0;
    private final ResnetBlock2D resnet1;

    UNetMidBlock(int channels, int tembDim, CrossAttentionSpec cross, int groups, float eps) {
        this.attention = child("attentions.0", new Transformer2DModel(channels, cross.heads(), channels / cross.heads(),
                cross.contextDim(), cross.layers(), cross.groups(), cross.normEps()));
        this.resnet0 = child("resnets.0", new ResnetBlock2D(channels, channels, tembDim, groups, eps));
        this.resnet1 = child("resnets.1", new ResnetBlock2D(channels, channels, tembDim, groups, eps));
    }

    NDArray forward(ParameterStore ps, NDArray x, NDArray temb, NDArray context, boolean training) {
        NDArray h = resnet0.forward(ps, x, temb, training);
        h = attention.forward(ps, h, context, training);
        return resnet1.forward(ps, h, temb, training);
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList in, boolean training, PairList<String, Object> p) {
        return new NDList(forward(ps, in.get(0), in.get(1), in.get(2), training));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }
}
