package org.anomalyforge.segmenter.lfd;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * LFD aggregation module on the context feature (spec §2.2): depthwise conv 1×5 (dilation (1, d), pad
 * (0, 2d), bias) → depthwise conv 5×1 (pad (2, 0), bias) → conv1×1 128→128 (bias) → BN → ReLU. Nothing
 * sits between the depthwise convs. Shape-preserving, B×128×h×w; the caller adds the identity residual
 * with no activation after it. {@code context1} uses d = 2, {@code context2} d = 1.
 */
public final class AggregationModule extends AbstractBlock {

    /** Channels of the context feature. */
    public static final int CHANNELS = 128;
    private static final int TAPS = 5;
    private static final byte VERSION = 1;

    private final Conv2d rowConv;
    private final Conv2d columnConv;
    private final Conv2d pointConv;
    private final BatchNorm bn;

    /**
     * @param dilation horizontal dilation d of the 1×5 conv, ≥ 1 (the original passes it as a scalar,
     *                 (d, d), which equals (1, d) for kernel height 1)
     */
    public AggregationModule(int dilation) {
        super(VERSION);
        if (dilation < 1) {
            throw new IllegalArgumentException("AggregationModule dilation must be ≥ 1, got " + dilation);
        }
        rowConv = addChildBlock("rowConv", Conv2d.builder()
                .setFilters(CHANNELS)
                .setKernelShape(new Shape(1, TAPS))
                .optDilation(new Shape(1, dilation))
                .optPadding(new Shape(0, 2L * dilation))
                .optGroups(CHANNELS)
                .build());
        columnConv = addChildBlock("columnConv", Conv2d.builder()
                .setFilters(CHANNELS)
                .setKernelShape(new Shape(TAPS, 1))
                .optPadding(new Shape(2, 0))
                .optGroups(CHANNELS)
                .build());
        pointConv = addChildBlock("pointConv", LfdLayers.pointConv(CHANNELS));
        bn = addChildBlock("bn", LfdLayers.batchNorm());
    }

    /**
     * Registers {@code 0.*} (1×5), {@code 1.*} (5×1), {@code 2.*} (1×1) and {@code 3.0.*} (BN).
     *
     * @param prefix original key prefix ending in '.', e.g. {@code context1.}
     * @param weights the registry under construction
     */
    public void registerWeights(String prefix, LfdWeights.Builder weights) {
        weights.lfdConv(prefix + "0", rowConv, TAPS)             // depthwise: fan_in = 1·1·5
                .lfdConv(prefix + "1", columnConv, TAPS)
                .lfdConv(prefix + "2", pointConv, CHANNELS)
                .batchNorm(prefix + "3.0", bn);
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();                              // B×128×h×w
        NDArray y = LfdLayers.apply(rowConv, ps, x, training);              // B×128×h×w
        y = LfdLayers.apply(columnConv, ps, y, training);
        y = LfdLayers.apply(pointConv, ps, y, training);
        return new NDList(Activation.relu(LfdLayers.apply(bn, ps, y, training)));
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape s = inputShapes[0];
        if (s.dimension() != 4 || s.get(1) != CHANNELS) {
            throw new IllegalArgumentException("AggregationModule input must be B×128×h×w, got shape " + s);
        }
        LfdLayers.initialize(rowConv, manager, dataType, s);
        LfdLayers.initialize(columnConv, manager, dataType, s);
        LfdLayers.initialize(pointConv, manager, dataType, s);
        LfdLayers.initialize(bn, manager, dataType, s);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }
}
