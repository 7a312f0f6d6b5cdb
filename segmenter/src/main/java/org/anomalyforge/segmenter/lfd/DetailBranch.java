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
 * LFD spatial detail branch (spec §2.1): ResNet-18 stem and layer1 (2 × BasicBlock(64→64)) at full input
 * resolution, then channel_adjust = conv1×1 64→128 (bias) → BN → ReLU. Maps B×3×H×W to lo =
 * B×128×H/4×W/4. Original keys {@code detail.model.*} and {@code detail.channel_adjust.*}.
 */
public final class DetailBranch extends AbstractBlock {

    /** Output channels (lo). */
    public static final int CHANNELS = 128;
    private static final byte VERSION = 1;

    private final ResNetStem stem;
    private final BasicBlock layer10;
    private final BasicBlock layer11;
    private final Conv2d adjustConv;
    private final BatchNorm adjustBn;

    /** A branch with unset weights. */
    public DetailBranch() {
        super(VERSION);
        stem = addChildBlock("stem", new ResNetStem());
        layer10 = addChildBlock("layer1_0", new BasicBlock(ResNetStem.CHANNELS, ResNetStem.CHANNELS, 1));
        layer11 = addChildBlock("layer1_1", new BasicBlock(ResNetStem.CHANNELS, ResNetStem.CHANNELS, 1));
        adjustConv = addChildBlock("adjustConv", LfdLayers.pointConv(CHANNELS));
        adjustBn = addChildBlock("adjustBn", LfdLayers.batchNorm());
    }

    /**
     * Registers {@code model.prefix.*}, {@code model.layer1.{0,1}.*}, {@code channel_adjust.0.*} and
     * {@code channel_adjust.1.0.*}.
     *
     * @param prefix original key prefix ending in '.', normally {@code detail.}
     * @param weights the registry under construction
     */
    public void registerWeights(String prefix, LfdWeights.Builder weights) {
        stem.registerWeights(prefix + "model.prefix.", weights);
        layer10.registerWeights(prefix + "model.layer1.0.", weights);
        layer11.registerWeights(prefix + "model.layer1.1.", weights);
        weights.lfdConv(prefix + "channel_adjust.0", adjustConv, ResNetStem.CHANNELS)
                .batchNorm(prefix + "channel_adjust.1.0", adjustBn);
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();                              // B×3×H×W
        NDArray y = LfdLayers.apply(stem, ps, x, training);                 // B×64×H/4×W/4
        y = LfdLayers.apply(layer10, ps, y, training);
        y = LfdLayers.apply(layer11, ps, y, training);
        y = LfdLayers.apply(adjustConv, ps, y, training);                   // B×128×H/4×W/4
        return new NDList(Activation.relu(LfdLayers.apply(adjustBn, ps, y, training)));
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape s = LfdLayers.initialize(stem, manager, dataType, inputShapes[0]);
        s = LfdLayers.initialize(layer10, manager, dataType, s);
        s = LfdLayers.initialize(layer11, manager, dataType, s);
        s = LfdLayers.initialize(adjustConv, manager, dataType, s);
        LfdLayers.initialize(adjustBn, manager, dataType, s);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape s = inputShapes[0];
        return new Shape[] {new Shape(s.get(0), CHANNELS, s.get(2) / 4, s.get(3) / 4)};
    }
}
