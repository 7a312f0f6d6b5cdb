package org.anomalyforge.generator.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * {@code torch.nn.Conv2d} with a square kernel, symmetric zero padding, groups 1 and (unless built
 * {@link #withoutBias}) a bias: weight [out, in, k, k], bias [out], PyTorch default init U(±1/√(in·k·k)) for both.
 */
public final class Conv2dLayer extends ModuleBlock {

    private final int inChannels;
    private final int outChannels;
    private final int kernel;
    private final int stride;
    private final int padding;
    private final Parameter weight;
    private final Parameter bias;

    private Conv2dLayer(int inChannels, int outChannels, int kernel, int stride, int padding, boolean withBias) {
        if (inChannels <= 0 || outChannels <= 0) {
            throw new IllegalArgumentException("Conv2dLayer channels must be > 0, got " + inChannels + " -> " + outChannels);
        }
        if (kernel <= 0 || stride <= 0 || padding < 0) {
            throw new IllegalArgumentException("Conv2dLayer needs kernel > 0, stride > 0, padding >= 0, got kernel "
                    + kernel + ", stride " + stride + ", padding " + padding);
        }
        this.inChannels = inChannels;
        this.outChannels = outChannels;
        this.kernel = kernel;
        this.stride = stride;
        this.padding = padding;
        TorchInit init = TorchInit.fanInUniform((long) inChannels * kernel * kernel);
        this.weight = parameter("weight", Parameter.Type.WEIGHT, new Shape(outChannels, inChannels, kernel, kernel), init);
        this.bias = withBias ? parameter("bias", Parameter.Type.BIAS, new Shape(outChannels), init) : null;
    }

    /** 3×3, stride 1, padding 1 (shape-preserving). */
    public static Conv2dLayer conv3x3(int in, int out) {
        return new Conv2dLayer(in, out, 3, 1, 1, true);
    }

    /** 1×1, stride 1, no padding. */
    public static Conv2dLayer conv1x1(int in, int out) {
        return new Conv2dLayer(in, out, 1, 1, 0, true);
    }

    /** Any square kernel. */
    public static Conv2dLayer of(int in, int out, int kernel, int stride, int padding) {
        return new Conv2dLayer(in, out, kernel, stride, padding, true);
    }

    /** k×k, stride 1, padding k/2, without a bias (the RMP's convolutions, followed by BatchNorm). */
    public static Conv2dLayer withoutBias(int in, int out, int kernel) {
        return new Conv2dLayer(in, out, kernel, 1, kernel / 2, false);
    }

    /** Output channels. */
    public int outChannels() {
        return outChannels;
    }

    /** x [B, in, H, W] → [B, out, H', W']. */
    public NDArray forward(ParameterStore ps, NDArray x, boolean training) {
        requireRank(x, 4, "input");
        requireDim(x, 1, inChannels, "input");
        NDArray w = value(ps, weight, x, training);
        NDArray b = bias == null ? null : value(ps, bias, x, training);
        return Conv2d.conv2d(x, w, b, new Shape(stride, stride), new Shape(padding, padding), new Shape(1, 1))
                .singletonOrThrow();
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> p) {
        return new NDList(forward(ps, inputs.singletonOrThrow(), training));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        long h = (in.get(2) + 2L * padding - kernel) / stride + 1;
        long w = (in.get(3) + 2L * padding - kernel) / stride + 1;
        return new Shape[] {new Shape(in.get(0), outChannels, h, w)};
    }
}
