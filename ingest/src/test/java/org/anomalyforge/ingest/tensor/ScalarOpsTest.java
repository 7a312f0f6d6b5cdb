package org.anomalyforge.ingest.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Values and gradients of the scalar ops, with the backward pass run after garbage collection and after new direct
 * buffers have had the chance to reuse freed memory ({@link FreedBufferChurn}): the condition under which DJL's own
 * {@code mul(Number)} returned garbage gradients (−4.6e30 instead of 0.5 when this test was written).
 */
class ScalarOpsTest {

    private static final float[] X = {1f, 2f, 4f};

    @Test
    void valuesAndGradientsSurviveGarbageCollectionBeforeBackward() {
        check(x -> ScalarOps.mul(x, 0.5), new float[] {0.5f, 1f, 2f}, new float[] {0.5f, 0.5f, 0.5f});
        check(x -> ScalarOps.div(x, 4), new float[] {0.25f, 0.5f, 1f}, new float[] {0.25f, 0.25f, 0.25f});
        check(x -> ScalarOps.pow(x, 2), new float[] {1f, 4f, 16f}, new float[] {2f, 4f, 8f});
        check(x -> ScalarOps.maximum(x, 2), new float[] {2f, 2f, 4f}, new float[] {0f, 0.5f, 1f});
        check(x -> ScalarOps.minimum(x, 2), new float[] {1f, 2f, 2f}, new float[] {1f, 0.5f, 0f});
    }

    @Test
    void refusesANaNOperand() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.create(X);
            assertThrows(IllegalArgumentException.class, () -> ScalarOps.mul(x, Double.NaN));
        }
    }

    /** d/dx of sum(op(x)); ties of maximum/minimum split the gradient ½–½ as torch does. */
    private static void check(Function<NDArray, NDArray> op, float[] value, float[] gradient) {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.create(X).duplicate();
            x.setRequiresGradient(true);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray y = op.apply(x);
                assertArrayEquals(value, y.toFloatArray(), 0f);
                NDArray loss = y.sum();
                FreedBufferChurn.run();
                gc.backward(loss);
            }
            assertArrayEquals(gradient, x.getGradient().toFloatArray(), 0f);
        }
    }
}
