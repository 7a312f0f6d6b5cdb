package org.anomalyforge.trokens.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import org.anomalyforge.ingest.tensor.FreedBufferChurn;
import org.anomalyforge.ingest.tensor.GradientSnapshot;
import org.anomalyforge.trokens.fewshot.FrameEmbeddings;
import org.junit.jupiter.api.Test;

/**
 * The Trokens training graph (token MLPs with QuickGELU, space-time attention, frame embeddings, CLS head) must not
 * read memory the garbage collector can free: gradients are bit-identical with and without {@link FreedBufferChurn}
 * between forward and backward (ScalarOps explains why they were not).
 */
class GradientsSurviveGarbageCollectionTest {

    @Test
    void trokensGradientsAreUnchangedByACollection() {
        try (NDManager manager = NDManager.newBaseManager()) {
            TrokensNet net = new TrokensNet(TrokensNetTest.TINY, 7);
            net.initialize(manager);
            float[] clean = gradients(net, manager, false);
            float[] churned = gradients(net, manager, true);
            assertTrue(clean.length > 1000 && Float.isFinite(clean[0]), "gradients " + clean.length);
            assertArrayEquals(clean, churned, 0f, "gradients changed after garbage collection");
        }
    }

    private static float[] gradients(TrokensNet net, NDManager manager, boolean churn) {
        try (NDManager m = manager.newSubManager()) {
            NDList in = TrokensNetTest.inputs(m, 2, 11);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDList out = net.forward(new ParameterStore(m, false), in, true);
                NDArray loss = FrameEmbeddings.of(out.get(0), in.get(6)).square().mean()
                        .add(out.get(2).square().mean());
                if (churn) {
                    FreedBufferChurn.run();
                }
                gc.backward(loss);
            }
        }
        return GradientSnapshot.takeAndZero(net.getParameters().values());
    }
}
