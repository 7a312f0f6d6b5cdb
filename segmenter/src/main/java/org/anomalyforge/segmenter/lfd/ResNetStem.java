package org.anomalyforge.segmenter.lfd;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * ResNet-18 stem (LFD spec §2.2): conv 7×7, 3→64, stride 2, pad 3, no bias → BN(64) → ReLU → max-pool
 * 3×3, stride 2, pad 1. Maps B×3×h×w to B×64×h/4×w/4. Original keys {@code prefix.0.weight} and
 * {@code prefix.1.*} (ReLU is {@code prefix.2}, the pool {@code prefix.3}).
 */
public final class ResNetStem extends AbstractBlock {

    /** Output channels of the stem. */
    public static final int CHANNELS = 64;
    private static final byte VERSION = 1;

    private final Conv2d conv;
    private final BatchNorm bn;
    private final Block pool;

    /** A stem with unset weights (initialised by {@link LfdWeights} registration and DJL initialise). */
    public ResNetStem() {
        super(VERSION);
        conv = addChildBlock("conv", LfdLayers.resNetConv(CHANNELS, 7, 2, 3));
        bn = addChildBlock("bn", LfdLayers.batchNorm());
        pool = addChildBlock("pool", LfdLayers.maxPool());
    }

    /**
     * Registers {@code prefix0.weight} and {@code prefix1.*}.
     *
     * @param prefix original key prefix ending in '.', e.g. {@code semantic.model.prefix.}
     * @param weights the registry under construction
     */
    public void registerWeights(String prefix, LfdWeights.Builder weights) {
        weights.resNetConv(prefix + "0", conv).batchNorm(prefix + "1", bn);
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();                              // B×3×h×w
        NDArray y = LfdLayers.apply(conv, ps, x, training);                 // B×64×h/2×w/2
        y = Activation.relu(LfdLayers.apply(bn, ps, y, training));
        return new NDList(LfdLayers.apply(pool, ps, y, training));          // B×64×h/4×w/4
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape s = LfdLayers.initialize(conv, manager, dataType, inputShapes[0]);
        LfdLayers.initialize(bn, manager, dataType, s);
        LfdLayers.initialize(pool, manager, dataType, s);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape s = conv.getOutputShapes(inputShapes)[0];
        return new Shape[] {LfdLayers.maxPoolOutput(s)};
    }
}
