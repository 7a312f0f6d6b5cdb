package org.anomalyforge.generator.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * {@code BatchNorm2d(C, eps 1e-5, momentum 0.1)} over axis 1 with the RMP's original key names (seas.md §8.1):
 * {@code gain} [C] (γ = 1), {@code bias} [C] (β = 0), buffers {@code stored_mean} [C] (0) and {@code stored_var}
 * [C] (1).
 *
 * <p>Three ways to run it ({@link Statistics}): normalise with the stored statistics (inference, {@code rmpBn =
 * EVAL}); with the batch statistics while updating the stored ones by momentum 0.1 (training, and the original's
 * inference, {@code rmpBn = BATCH}); or with the batch statistics while accumulating an exact running average
 * (recalibration, PyTorch {@code momentum = None}: the k-th batch gets weight 1/k). The stored variance is updated
 * with the unbiased batch variance and the output uses the biased one, as in PyTorch. DJL's momentum is the weight
 * of the old value, so PyTorch's 0.1 is DJL's 0.9.
 */
public final class BatchNorm2d extends ModuleBlock {

    /** Which statistics normalise the input, and how the stored ones change. */
    public enum Statistics {
        /** Stored statistics; nothing changes. */
        STORED,
        /** Batch statistics; stored ones move by PyTorch momentum 0.1. */
        BATCH,
        /** Batch statistics; stored ones become the running average over the batches since {@link #resetStored}. */
        CUMULATIVE
    }

    public static final float EPS = 1e-5f;
    /** PyTorch's momentum 0.1 in DJL's convention (weight of the old value). */
    private static final float DJL_MOMENTUM = 0.9f;

    private final int channels;
    private final Parameter gain;
    private final Parameter bias;
    private final Parameter storedMean;
    private final Parameter storedVar;
    private long cumulativeBatches;

    public BatchNorm2d(int channels) {
        if (channels <= 0) {
            throw new IllegalArgumentException("BatchNorm2d channels must be > 0, got " + channels);
        }
        this.channels = channels;
        this.gain = parameter("gain", Parameter.Type.GAMMA, new Shape(channels), TorchInit.constant(1));
        this.bias = parameter("bias", Parameter.Type.BETA, new Shape(channels), TorchInit.constant(0));
        this.storedMean = buffer("stored_mean", new Shape(channels), TorchInit.constant(0));
        this.storedVar = buffer("stored_var", new Shape(channels), TorchInit.constant(1));
    }

    /** Starts a new cumulative average: the next {@link Statistics#CUMULATIVE} batch replaces the stored values. */
    public void resetStored() {
        cumulativeBatches = 0;
    }

    /**
     * @param x          [B, C, H, W]
     * @param statistics which statistics normalise x (see {@link Statistics})
     * @return [B, C, H, W]
     */
    public NDArray forward(ParameterStore ps, NDArray x, Statistics statistics, boolean training) {
        requireRank(x, 4, "input");
        requireDim(x, 1, channels, "input");
        NDArray g = value(ps, gain, x, training);
        NDArray b = value(ps, bias, x, training);
        NDArray mean = storedMean.getArray();
        NDArray var = storedVar.getArray();
        return switch (statistics) {
            case STORED -> BatchNorm.batchNorm(x, mean, var, g, b, 1, DJL_MOMENTUM, EPS, false).singletonOrThrow();
            case BATCH -> BatchNorm.batchNorm(x, mean, var, g, b, 1, DJL_MOMENTUM, EPS, true).singletonOrThrow();
            case CUMULATIVE -> {
                cumulativeBatches++;
                // torch: stored ← (1 − 1/k)·stored + (1/k)·batch; DJL's momentum is the old value's weight.
                float keep = (float) (1.0 - 1.0 / cumulativeBatches);
                yield BatchNorm.batchNorm(x, mean, var, g, b, 1, keep, EPS, true).singletonOrThrow();
            }
        };
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> p) {
        return new NDList(forward(ps, inputs.singletonOrThrow(), training ? Statistics.BATCH : Statistics.STORED,
                training));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }
}
