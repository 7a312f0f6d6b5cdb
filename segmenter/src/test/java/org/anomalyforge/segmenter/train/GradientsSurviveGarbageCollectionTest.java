package org.anomalyforge.segmenter.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.util.SplittableRandom;
import org.anomalyforge.ingest.tensor.FreedBufferChurn;
import org.anomalyforge.ingest.tensor.GradientSnapshot;
import org.anomalyforge.segmenter.lfd.LfdConfig;
import org.anomalyforge.segmenter.lfd.LfdNet;
import org.anomalyforge.segmenter.lfd.MinKeptRule;
import org.anomalyforge.segmenter.lfd.OhemCrossEntropyLoss;
import org.anomalyforge.segmenter.lfd.WeightEntry;
import org.junit.jupiter.api.Test;

/**
 * The LFD training graph (network + OHEM loss) must not read memory the garbage collector can free: gradients are
 * bit-identical with and without {@link FreedBufferChurn} between forward and backward. The loss used
 * {@code mul(Number)}/{@code div(Number)}, whose scalars DJL frees while autograd still holds them (ScalarOps).
 */
class GradientsSurviveGarbageCollectionTest {

    private static final int SIZE = 32;

    @Test
    void lfdGradientsAreUnchangedByACollection() {
        try (NDManager model = NDManager.newBaseManager()) {
            LfdNet net = new LfdNet(new LfdConfig(SIZE, SIZE, 42));
            net.initialize(model);
            float[] clean = gradients(net, model, false);
            float[] churned = gradients(net, model, true);
            assertTrue(clean.length > 1000 && Float.isFinite(clean[0]), "gradients " + clean.length);
            assertArrayEquals(clean, churned, 0f, "gradients changed after garbage collection");
        }
    }

    private static float[] gradients(LfdNet net, NDManager model, boolean churn) {
        SplittableRandom r = new SplittableRandom(3);
        float[] inputs = new float[2 * 3 * SIZE * SIZE];
        for (int i = 0; i < inputs.length; i++) {
            inputs[i] = (float) r.nextGaussian();
        }
        byte[] labels = new byte[2 * SIZE * SIZE];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = (byte) (i % SIZE < 8 && i / SIZE % SIZE < 8 ? 1 : 0);
        }
        OhemCrossEntropyLoss loss = new OhemCrossEntropyLoss(MinKeptRule.proportional());
        try (NDManager it = model.newSubManager()) {
            NDArray x = it.create(inputs, new Shape(2, 3, SIZE, SIZE));
            NDArray y = it.create(labels, new Shape(2, SIZE, SIZE));
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray l = loss.fromAnomalyLogit(net.forwardAnomalyLogit(new ParameterStore(it, false), x, true), y);
                if (churn) {
                    FreedBufferChurn.run();
                }
                gc.backward(l);
            }
        }
        return GradientSnapshot.takeAndZero(net.weights().parameters().values().stream().map(WeightEntry::parameter)
                .toList());
    }
}
