package org.anomalyforge.segmenter.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.BaseNDManager;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;

import org.anomalyforge.segmenter.lfd.LfdConfig;
import org.anomalyforge.segmenter.lfd.LfdNet;
import org.anomalyforge.segmenter.lfd.MinKeptRule;
import org.anomalyforge.segmenter.lfd.OhemCrossEntropyLoss;
import org.anomalyforge.segmenter.lfd.WeightEntry;
import org.junit.jupiter.api.Test;

/**
 * PyTorch-exact SGD under a changing lr (buf = μ·buf + g + λw; w −= lr·buf), the 77 trainable tensors,
 * and flat native memory over iterations (DJL cookbook §6).
 */
class MomentumSgdTest {

    private static final int SIZE = 32;

    /** Forward + backward of one batch, gradients left on the parameters. */
    private static void backward(LfdNet net, NDManager model, Batch b) {
        try (NDManager it = model.newSubManager()) {
            NDArray x = it.create(b.inputs(), new Shape(b.size(), 3, SIZE, SIZE));
            NDArray y = it.create(b.targets(), new Shape(b.size(), SIZE, SIZE));
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray z = net.forwardAnomalyLogit(new ParameterStore(it, false), x, true);
                gc.backward(new OhemCrossEntropyLoss(MinKeptRule.proportional()).fromAnomalyLogit(z, y));
            }
        }
    }

    private static float[] grad(NDArray w) {
        try (NDArray g = w.getGradient()) {
            return g.toFloatArray();
        }
    }

    @Test
    void matchesTorchSgdAcrossAnLrChange() throws Exception {
        Batch b = TrainingFixtures.batch(2, SIZE);
        try (NDManager model = NDManager.newBaseManager()) {
            LfdNet net = new LfdNet(new LfdConfig(SIZE, SIZE, 42));
            net.initialize(model);
            try (MomentumSgd sgd = new MomentumSgd(net.weights(), model)) {
                assertEquals(77, sgd.trainable().size());
                WeightEntry e = net.weights().entry("cls_head.0.bias");
                NDArray w = e.parameter().getArray();
                float[] w0 = w.toFloatArray();
                backward(net, model, b);
                float[] g1 = grad(w);
                sgd.step(0.01f);
                float[] w1 = w.toFloatArray();
                float[] buf = new float[w0.length];
                for (int i = 0; i < w0.length; i++) {
                    buf[i] = g1[i] + 1e-4f * w0[i];
                    assertEquals(w0[i] - 0.01f * buf[i], w1[i], 1e-7f, "step 1, element " + i);
                }
                assertEquals(77, sgd.bufferCount());
                float[] zero = grad(w);
                for (float z : zero) {
                    assertEquals(0f, z);                                  // the step zeroes the gradients
                }
                backward(net, model, b);
                float[] g2 = grad(w);
                sgd.step(0.002f);                                         // lr changes: DJL's Sgd would differ here
                float[] w2 = w.toFloatArray();
                for (int i = 0; i < w0.length; i++) {
                    float b2 = 0.9f * buf[i] + g2[i] + 1e-4f * w1[i];
                    assertEquals(w1[i] - 0.002f * b2, w2[i], 1e-7f, "step 2, element " + i);
                }
            }
        }
    }

    @Test
    void liveArrayCountIsConstantOverIterations() throws Exception {
        Batch b = TrainingFixtures.batch(2, SIZE);
        try (NDManager model = NDManager.newBaseManager()) {
            LfdNet net = new LfdNet(new LfdConfig(SIZE, SIZE, 42));
            net.initialize(model);
            try (MomentumSgd sgd = new MomentumSgd(net.weights(), model)) {
                TrainingStep step = new TrainingStep(net, model, sgd);
                step.run(b.inputs(), b.targets(), b.size(), 0.01f);        // creates buffers and resize matrices
                int arrays = ((BaseNDManager) model).getManagedArrays().size();
                for (int i = 0; i < 4; i++) {
                    float loss = step.run(b.inputs(), b.targets(), b.size(), 0.01f);
                    assertTrue(Float.isFinite(loss));
                    assertEquals(arrays, ((BaseNDManager) model).getManagedArrays().size(), "after iteration " + i);
                }
            }
        }
    }
}
