package org.anomalyforge.trokens.fewshot;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.loss.Loss;
import org.anomalyforge.ingest.tensor.ScalarOps;

/**
 * Cross-entropy with label smoothing spread uniformly over all C classes (spec §12):
 * {@code (1 − ε)(−log p_y) + ε · mean_k(−log p_k)}, averaged over the batch; ε = 0 is plain cross-entropy.
 * DJL has no label-smoothed loss. Logits (2, 0, 0), target 0, ε 0.1 → 0.372878 (plain 0.239545).
 */
public final class SmoothedCrossEntropy extends Loss {

    private final float epsilon;

    /**
     * @param name    loss name for DJL's accumulators
     * @param epsilon smoothing in [0, 1)
     */
    public SmoothedCrossEntropy(String name, float epsilon) {
        super(name);
        if (!(epsilon >= 0 && epsilon < 1)) {
            throw new IllegalArgumentException("label smoothing epsilon must be in [0, 1), got " + epsilon);
        }
        this.epsilon = epsilon;
    }

    /** Labels {@code [N]} (class indices), predictions {@code [N, C]} logits → scalar loss. */
    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        return loss(predictions.singletonOrThrow(), labels.singletonOrThrow());
    }

    /**
     * @param logits {@code [N, C]}
     * @param labels {@code [N]} class indices (any integer or float type)
     * @return the mean loss, a scalar
     */
    public NDArray loss(NDArray logits, NDArray labels) {
        long c = logits.getShape().get(1);
        NDArray logP = logits.logSoftmax(1);
        NDArray oneHot = labels.toType(DataType.INT32, false).oneHot((int) c); // [N, C]
        NDArray picked = logP.mul(oneHot).sum(new int[] {1}).neg(); // −log p_y
        if (epsilon == 0) {
            return picked.mean();
        }
        NDArray uniform = logP.mean(new int[] {1}).neg(); // mean_k −log p_k
        return ScalarOps.mul(picked, 1 - epsilon).add(ScalarOps.mul(uniform, epsilon)).mean();
    }
}
