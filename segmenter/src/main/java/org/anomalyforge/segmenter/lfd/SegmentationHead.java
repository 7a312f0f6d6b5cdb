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
 * LFD segmentation head (spec §2.1): conv1×1 128→128 (bias) → BN → ReLU → conv1×1 128→2 (bias). Maps
 * B×128×h×w to raw logits B×2×h×w (class 1 = anomaly). Original keys {@code cls_head.*}.
 */
public final class SegmentationHead extends AbstractBlock {

    /** Input channels. */
    public static final int CHANNELS = 128;
    /** Output classes (background, anomaly). */
    public static final int CLASSES = 2;
    private static final byte VERSION = 1;

    private final Conv2d hiddenConv;
    private final BatchNorm bn;
    private final Conv2d classConv;

    /** A head with unset weights. */
    public SegmentationHead() {
        super(VERSION);
        hiddenConv = addChildBlock("hiddenConv", LfdLayers.pointConv(CHANNELS));
        bn = addChildBlock("bn", LfdLayers.batchNorm());
        classConv = addChildBlock("classConv", LfdLayers.pointConv(CLASSES));
    }

    /**
     * Registers {@code 0.*}, {@code 1.0.*} (BN) and {@code 2.*}.
     *
     * @param prefix original key prefix ending in '.', normally {@code cls_head.}
     * @param weights the registry under construction
     */
    public void registerWeights(String prefix, LfdWeights.Builder weights) {
        weights.lfdConv(prefix + "0", hiddenConv, CHANNELS)
                .batchNorm(prefix + "1.0", bn)
                .lfdConv(prefix + "2", classConv, CHANNELS);
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();                              // B×128×h×w
        NDArray y = LfdLayers.apply(hiddenConv, ps, x, training);
        y = Activation.relu(LfdLayers.apply(bn, ps, y, training));
        return new NDList(LfdLayers.apply(classConv, ps, y, training));     // B×2×h×w
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape s = LfdLayers.initialize(hiddenConv, manager, dataType, inputShapes[0]);
        LfdLayers.initialize(bn, manager, dataType, s);
        LfdLayers.initialize(classConv, manager, dataType, s);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape s = inputShapes[0];
        return new Shape[] {new Shape(s.get(0), CLASSES, s.get(2), s.get(3))};
    }
}
