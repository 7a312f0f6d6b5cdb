package org.anomalyforge.segmenter.lfd;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * LFD context semantic branch (spec §2.1): the asymmetric input resize to (H/2, W/4), then a ResNet-18
 * truncation (stem, layer1 = 2 × BasicBlock(64→64), layer2 = BasicBlock(64→128, 2) + BasicBlock(128→128)).
 * Maps B×3×H×W to hi = B×128×H/16×W/32. It shares no weights with the {@link DetailBranch}. Original keys
 * {@code semantic.model.*}; the aggregation modules on hi belong to {@link LfdNet}.
 */
public final class SemanticBranch extends AbstractBlock {

    /** Output channels (hi). */
    public static final int CHANNELS = 128;
    private static final byte VERSION = 1;

    private final ResNetStem stem;
    private final BasicBlock layer10;
    private final BasicBlock layer11;
    private final BasicBlock layer20;
    private final BasicBlock layer21;
    private volatile BilinearResize resize;

    /** A branch with unset weights. */
    public SemanticBranch() {
        super(VERSION);
        stem = addChildBlock("stem", new ResNetStem());
        layer10 = addChildBlock("layer1_0", new BasicBlock(ResNetStem.CHANNELS, ResNetStem.CHANNELS, 1));
        layer11 = addChildBlock("layer1_1", new BasicBlock(ResNetStem.CHANNELS, ResNetStem.CHANNELS, 1));
        layer20 = addChildBlock("layer2_0", new BasicBlock(ResNetStem.CHANNELS, CHANNELS, 2));
        layer21 = addChildBlock("layer2_1", new BasicBlock(CHANNELS, CHANNELS, 1));
    }

    /**
     * Registers {@code model.prefix.*}, {@code model.layer1.{0,1}.*} and {@code model.layer2.{0,1}.*}.
     *
     * @param prefix original key prefix ending in '.', normally {@code semantic.}
     * @param weights the registry under construction
     */
    public void registerWeights(String prefix, LfdWeights.Builder weights) {
        stem.registerWeights(prefix + "model.prefix.", weights);
        layer10.registerWeights(prefix + "model.layer1.0.", weights);
        layer11.registerWeights(prefix + "model.layer1.1.", weights);
        layer20.registerWeights(prefix + "model.layer2.0.", weights);
        layer21.registerWeights(prefix + "model.layer2.1.", weights);
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();                              // B×3×H×W
        Shape s = x.getShape();
        // Closed-form ÷2 rows / ÷4 columns (§2.5): B×3×H/2×W/4.
        NDArray y = resize.resize(x, s.get(2) / 2, s.get(3) / 4);
        y = LfdLayers.apply(stem, ps, y, training);                         // B×64×H/8×W/16
        y = LfdLayers.apply(layer10, ps, y, training);
        y = LfdLayers.apply(layer11, ps, y, training);
        y = LfdLayers.apply(layer20, ps, y, training);                      // B×128×H/16×W/32
        return new NDList(LfdLayers.apply(layer21, ps, y, training));
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        if (resize == null) {
            resize = new BilinearResize(manager);
        }
        Shape s = resizedShape(inputShapes[0]);
        s = LfdLayers.initialize(stem, manager, dataType, s);
        s = LfdLayers.initialize(layer10, manager, dataType, s);
        s = LfdLayers.initialize(layer11, manager, dataType, s);
        s = LfdLayers.initialize(layer20, manager, dataType, s);
        LfdLayers.initialize(layer21, manager, dataType, s);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape s = inputShapes[0];
        return new Shape[] {new Shape(s.get(0), CHANNELS, s.get(2) / 16, s.get(3) / 32)};
    }

    private static Shape resizedShape(Shape x) {
        return new Shape(x.get(0), x.get(1), x.get(2) / 2, x.get(3) / 4);
    }
}
