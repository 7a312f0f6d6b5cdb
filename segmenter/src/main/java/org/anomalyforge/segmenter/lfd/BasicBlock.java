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
 * ResNet BasicBlock (LFD spec §2.2): conv3×3 (stride s, pad 1, no bias) → BN → ReLU → conv3×3 (pad 1, no
 * bias) → BN → + shortcut → ReLU. The shortcut is the identity, or conv1×1 (stride s, no bias) + BN when
 * s ≠ 1 or c_in ≠ c_out. Maps B×c_in×h×w to B×c_out×h/s×w/s.
 */
public final class BasicBlock extends AbstractBlock {

    private static final byte VERSION = 1;

    private final Conv2d conv1;
    private final BatchNorm bn1;
    private final Conv2d conv2;
    private final BatchNorm bn2;
    private final Conv2d downsampleConv;
    private final BatchNorm downsampleBn;

    /**
     * @param inChannels  c_in ≥ 1
     * @param outChannels c_out ≥ 1
     * @param stride      1 or 2
     */
    public BasicBlock(int inChannels, int outChannels, int stride) {
        super(VERSION);
        if (inChannels < 1 || outChannels < 1) {
            throw new IllegalArgumentException("BasicBlock channels must be ≥ 1, got " + inChannels + "→"
                    + outChannels);
        }
        if (stride != 1 && stride != 2) {
            throw new IllegalArgumentException("BasicBlock stride must be 1 or 2, got " + stride);
        }
        conv1 = addChildBlock("conv1", LfdLayers.resNetConv(outChannels, 3, stride, 1));
        bn1 = addChildBlock("bn1", LfdLayers.batchNorm());
        conv2 = addChildBlock("conv2", LfdLayers.resNetConv(outChannels, 3, 1, 1));
        bn2 = addChildBlock("bn2", LfdLayers.batchNorm());
        if (stride != 1 || inChannels != outChannels) {
            downsampleConv = addChildBlock("downsampleConv", LfdLayers.resNetConv(outChannels, 1, stride, 0));
            downsampleBn = addChildBlock("downsampleBn", LfdLayers.batchNorm());
        } else {
            downsampleConv = null;
            downsampleBn = null;
        }
    }

    /** Whether the shortcut is a projection (conv1×1 + BN) rather than the identity. */
    public boolean hasDownsample() {
        return downsampleConv != null;
    }

    /**
     * Registers {@code conv1.weight}, {@code bn1.*}, {@code conv2.weight}, {@code bn2.*} and, with a
     * projection shortcut, {@code downsample.0.weight} and {@code downsample.1.*}.
     *
     * @param prefix original key prefix ending in '.', e.g. {@code semantic.model.layer2.0.}
     * @param weights the registry under construction
     */
    public void registerWeights(String prefix, LfdWeights.Builder weights) {
        weights.resNetConv(prefix + "conv1", conv1).batchNorm(prefix + "bn1", bn1)
                .resNetConv(prefix + "conv2", conv2).batchNorm(prefix + "bn2", bn2);
        if (hasDownsample()) {
            weights.resNetConv(prefix + "downsample.0", downsampleConv)
                    .batchNorm(prefix + "downsample.1", downsampleBn);
        }
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();                                     // B×c_in×h×w
        NDArray y = Activation.relu(LfdLayers.apply(bn1, ps, LfdLayers.apply(conv1, ps, x, training), training));
        y = LfdLayers.apply(bn2, ps, LfdLayers.apply(conv2, ps, y, training), training); // B×c_out×h/s×w/s
        NDArray shortcut = hasDownsample()
                ? LfdLayers.apply(downsampleBn, ps, LfdLayers.apply(downsampleConv, ps, x, training), training)
                : x;
        return new NDList(Activation.relu(y.add(shortcut)));
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape s = LfdLayers.initialize(conv1, manager, dataType, inputShapes[0]);
        LfdLayers.initialize(bn1, manager, dataType, s);
        LfdLayers.initialize(conv2, manager, dataType, s);
        LfdLayers.initialize(bn2, manager, dataType, s);
        if (hasDownsample()) {
            Shape d = LfdLayers.initialize(downsampleConv, manager, dataType, inputShapes[0]);
            LfdLayers.initialize(downsampleBn, manager, dataType, d);
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return conv1.getOutputShapes(inputShapes);
    }
}
