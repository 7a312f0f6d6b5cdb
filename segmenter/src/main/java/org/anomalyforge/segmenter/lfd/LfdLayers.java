package org.anomalyforge.segmenter.lfd;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;

/** Factories for the DJL layers LFD is made of, configured as spec §2.2–§2.6 prescribe. */
final class LfdLayers {

    /** BN ε of PyTorch. */
    static final float BN_EPSILON = 1e-5f;
    /**
     * DJL's BN momentum is the weight of the <em>old</em> running value (MXNet convention): 0.9 here equals
     * PyTorch's momentum 0.1, running ← 0.9·running + 0.1·batch (the engine passes 1 − 0.9 to libtorch).
     */
    static final float BN_MOMENTUM = 0.9f;

    private LfdLayers() {
    }

    /** Affine BatchNorm over axis 1 with running statistics, ε 1e-5, PyTorch momentum 0.1. */
    static BatchNorm batchNorm() {
        return BatchNorm.builder().optMomentum(BN_MOMENTUM).optEpsilon(BN_EPSILON).build();
    }

    /** A bias-free square ResNet conv (k×k, stride s, padding p). */
    static Conv2d resNetConv(int filters, int kernel, int stride, int padding) {
        return Conv2d.builder()
                .setFilters(filters)
                .setKernelShape(new Shape(kernel, kernel))
                .optStride(new Shape(stride, stride))
                .optPadding(new Shape(padding, padding))
                .optBias(false)
                .build();
    }

    /** A 1×1 conv with bias (the convs LFD adds). */
    static Conv2d pointConv(int filters) {
        return Conv2d.builder().setFilters(filters).setKernelShape(new Shape(1, 1)).build();
    }

    /** ResNet max-pool 3×3, stride 2, padding 1, floor mode. */
    static Block maxPool() {
        return Pool.maxPool2dBlock(new Shape(3, 3), new Shape(2, 2), new Shape(1, 1));
    }

    /** Runs a single-input, single-output child block. */
    static NDArray apply(Block block, ParameterStore ps, NDArray x, boolean training) {
        return block.forward(ps, new NDList(x), training).singletonOrThrow();
    }

    /** Initialises {@code block} for {@code input} and returns its output shape. */
    static Shape initialize(Block block, NDManager manager, DataType dataType, Shape input) {
        block.initialize(manager, dataType, input);
        return block.getOutputShapes(new Shape[] {input})[0];
    }

    /** Output shape of {@link #maxPool()}: ⌊(n + 2·1 − 3)/2⌋ + 1 per spatial axis. */
    static Shape maxPoolOutput(Shape s) {
        return new Shape(s.get(0), s.get(1), (s.get(2) - 1) / 2 + 1, (s.get(3) - 1) / 2 + 1);
    }
}
