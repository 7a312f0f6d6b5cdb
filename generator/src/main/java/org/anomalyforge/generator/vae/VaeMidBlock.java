package org.anomalyforge.generator.vae;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.anomalyforge.generator.nn.Attention;
import org.anomalyforge.generator.nn.ModuleBlock;
import org.anomalyforge.generator.nn.ResnetBlock2D;

/**
 * diffusers' {@code UNetMidBlock2D} of the VAE: resnets.0 → attentions.0 → resnets.1, no time embedding. The
 * attention is single-head of width C (scale 1/√C), with a GroupNorm before it, q/k/v/out biases and a residual.
 */
final class VaeMidBlock extends ModuleBlock {

    private final Attention attention;
    private final ResnetBlock2D resnet0;
    private final ResnetBlock2D resnet1;

    VaeMidBlock(int channels, int groups, float eps) {
        this.attention = child("attentions.0", Attention.builder().setQueryDim(channels).setHeads(1)
                .setHeadDim(channels).optQkvBias(true).optGroupNorm(groups, eps).optResidualConnection(true).build());
        this.resnet0 = child("resnets.0", new ResnetBlock2D(channels, channels, 0, groups, eps));
        this.resnet1 = child("resnets.1", new ResnetBlock2D(channels, channels, 0, groups, eps));
    }

    NDArray forward(ParameterStore ps, NDArray x, boolean training) {
        NDArray h = resnet0.forward(ps, x, null, training);
        h = attention.forward(ps, h, null, training);
        return resnet1.forward(ps, h, null, training);
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList in, boolean training, PairList<String, Object> p) {
        return new NDList(forward(ps, in.singletonOrThrow(), training));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }
}
