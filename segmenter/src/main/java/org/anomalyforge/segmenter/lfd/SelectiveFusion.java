package org.anomalyforge.segmenter.lfd;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
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
 * LFD selective fusion (spec §2.1): up = resize(hi → lo's size); a = σ(conv1×1 128→1(ReLU(BN(conv1×1
 * 256→128(concat[up, lo]))))); f = a ⊙ lo + up. The concat order is [context, detail], so input channels
 * 0–127 of {@code point_conv.0} read the context. The gate scales only the detail feature; the context is
 * added ungated.
 *
 * <p>Input {@code NDList(lo B×128×h×w, hi B×128×h'×w')}; output {@code NDList(f B×128×h×w,
 * a B×1×h×w)}.
 */
public final class SelectiveFusion extends AbstractBlock {

    /** Channels of each fused feature. */
    public static final int CHANNELS = 128;
    private static final byte VERSION = 1;

    private final Conv2d reduceConv;
    private final BatchNorm bn;
    private final Conv2d gateConv;
    private volatile BilinearResize resize;

    /** A fusion block with unset weights. */
    public SelectiveFusion() {
        super(VERSION);
        reduceConv = addChildBlock("reduceConv", LfdLayers.pointConv(CHANNELS));
        bn = addChildBlock("bn", LfdLayers.batchNorm());
        gateConv = addChildBlock("gateConv", LfdLayers.pointConv(1));
    }

    /**
     * Registers {@code point_conv.0.*} (256→128), {@code point_conv.1.0.*} (BN) and {@code point_conv.2.*}
     * (128→1).
     *
     * @param prefix original key prefix ending in '.', normally {@code fusion.}
     * @param weights the registry under construction
     */
    public void registerWeights(String prefix, LfdWeights.Builder weights) {
        weights.lfdConv(prefix + "point_conv.0", reduceConv, 2 * CHANNELS)
                .batchNorm(prefix + "point_conv.1.0", bn)
                .lfdConv(prefix + "point_conv.2", gateConv, CHANNELS);
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
            PairList<String, Object> params) {
        checkInputs(inputs.size() == 2 ? new Shape[] {inputs.get(0).getShape(), inputs.get(1).getShape()}
                : new Shape[0]);
        NDArray lo = inputs.get(0);                                         // B×128×h×w
        NDArray hi = inputs.get(1);                                         // B×128×h'×w'
        Shape s = lo.getShape();
        NDArray up = resize.resize(hi, s.get(2), s.get(3));                 // B×128×h×w
        NDArray cat = NDArrays.concat(new NDList(up, lo), 1);               // B×256×h×w, [context, detail]
        NDArray y = LfdLayers.apply(reduceConv, ps, cat, training);         // B×128×h×w
        y = Activation.relu(LfdLayers.apply(bn, ps, y, training));
        NDArray gate = Activation.sigmoid(LfdLayers.apply(gateConv, ps, y, training)); // B×1×h×w
        NDArray fused = lo.mul(gate).add(up);                               // gate broadcast over channels
        return new NDList(fused, gate);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        checkInputs(inputShapes);
        if (resize == null) {
            resize = new BilinearResize(manager);
        }
        Shape lo = inputShapes[0];
        Shape cat = new Shape(lo.get(0), 2L * CHANNELS, lo.get(2), lo.get(3));
        Shape s = LfdLayers.initialize(reduceConv, manager, dataType, cat);
        LfdLayers.initialize(bn, manager, dataType, s);
        LfdLayers.initialize(gateConv, manager, dataType, s);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape lo = inputShapes[0];
        return new Shape[] {lo, new Shape(lo.get(0), 1, lo.get(2), lo.get(3))};
    }

    private static void checkInputs(Shape[] shapes) {
        if (shapes.length != 2) {
            throw new IllegalArgumentException("SelectiveFusion takes (detail, context), got " + shapes.length
                    + " inputs");
        }
        for (Shape s : shapes) {
            if (s.dimension() != 4 || s.get(1) != CHANNELS) {
                throw new IllegalArgumentException("SelectiveFusion inputs must be B×128×h×w, got shape " + s);
            }
        }
        if (shapes[0].get(0) != shapes[1].get(0)) {
            throw new IllegalArgumentException("SelectiveFusion detail and context batch sizes differ: "
                    + shapes[0] + " vs " + shapes[1]);
        }
    }
}
