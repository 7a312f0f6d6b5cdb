package org.anomalyforge.generator.rmp;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.anomalyforge.generator.nn.BatchNorm2d;
import org.anomalyforge.generator.nn.Conv2dLayer;
import org.anomalyforge.generator.nn.ModuleBlock;

/** CBR(k) of seas.md §8.1: conv k×k without bias ({@code 0.weight}) → BatchNorm ({@code 1.*}) → ReLU. */
public final class ConvBnRelu extends ModuleBlock {

    private final Conv2dLayer conv;
    private final BatchNorm2d norm;

    public ConvBnRelu(int in, int out, int kernel) {
        this.conv = child("0", Conv2dLayer.withoutBias(in, out, kernel));
        this.norm = child("1", new BatchNorm2d(out));
    }

    /** The block's BatchNorm (for recalibration). */
    public BatchNorm2d norm() {
        return norm;
    }

    /** x [B, in, H, W] → [B, out, H, W]. */
    public NDArray forward(ParameterStore ps, NDArray x, BatchNorm2d.Statistics bn, boolean training) {
        return Activation.relu(norm.forward(ps, conv.forward(ps, x, training), bn, training));
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> p) {
        return new NDList(forward(ps, inputs.singletonOrThrow(),
                training ? BatchNorm2d.Statistics.BATCH : BatchNorm2d.Statistics.STORED, training));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return conv.getOutputShapes(inputShapes);
    }
}
