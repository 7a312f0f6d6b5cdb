package org.anomalyforge.trokens.fewshot;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Spec §16.1 #14 (few-shot head) and #15 (label-smoothed CE). */
class FewShotHeadTest {

    private static final float TOL = 1e-6f;

    @Test
    void distancesScoresSoftmaxAndCrossEntropyMatchTheWorkedExample() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray query = m.create(new float[] {1, 0, 1, 0}, new Shape(1, 2, 2));
            NDArray protos = m.create(new float[] {1, 0, 0, 1, 0, 1, 0, 1}, new Shape(2, 2, 2));
            float[] dA = FrameSetMatcher.distances(query, protos).get(0, 0).toFloatArray();
            assertArrayEquals(new float[] {0.00990099f, 1f, 0.00990099f, 1f}, dA, TOL);
            NDArray scores = FrameSetMatcher.scores(query, protos);
            assertArrayEquals(new float[] {-1.029703f, -4.0f}, scores.toFloatArray(), TOL);
            assertArrayEquals(new float[] {0.951214f, 0.048786f}, scores.softmax(1).toFloatArray(), TOL);
            NDArray ce = new SmoothedCrossEntropy("ce", 0f).loss(scores, m.create(new int[] {0}));
            assertEquals(0.050016f, ce.getFloat(), TOL);
        }
    }

    @Test
    void prototypeIsTheMeanOfPerClipFrameEmbeddings() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray support = m.create(new float[] {2, 0, 0, 2, 0, 0, 0, 4}, new Shape(2, 2, 2));
            assertArrayEquals(new float[] {1, 0, 0, 3},
                    FrameSetMatcher.prototypes(support, 1, 2).toFloatArray(), TOL);
        }
    }

    @Test
    void frameEmbeddingZeroesNegativesAndSkipsPadding() {
        try (NDManager m = NDManager.newBaseManager()) {
            // B 1, T 1, M 3, d 2; point 2 is padding
            NDArray points = m.create(new float[] {1, -2, 3, 4, 100, 100}, new Shape(1, 1, 3, 2));
            NDArray padding = m.create(new float[] {0, 0, 1}, new Shape(1, 3));
            NDArray e = FrameEmbeddings.of(points, padding);
            assertEquals(new Shape(1, 1, 2), e.getShape());
            assertArrayEquals(new float[] {2f, 2f}, e.toFloatArray(), TOL);
        }
    }

    @Test
    void labelSmoothedCrossEntropy() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray logits = m.create(new float[] {2, 0, 0}, new Shape(1, 3));
            NDArray label = m.create(new int[] {0});
            assertEquals(0.372878f, new SmoothedCrossEntropy("ls", 0.1f).loss(logits, label).getFloat(), TOL);
            assertEquals(0.239545f, new SmoothedCrossEntropy("ce", 0f).loss(logits, label).getFloat(), TOL);
        }
    }

    @Test
    void zeroFrameEmbeddingHasDistanceOneAndFiniteGradient() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray query = m.create(new float[] {0, 0, 1, 0}, new Shape(1, 2, 2));
            NDArray protos = m.create(new float[] {1, 0, 0, 1}, new Shape(1, 2, 2));
            query.setRequiresGradient(true);
            try (ai.djl.training.GradientCollector gc = ai.djl.engine.Engine.getInstance().newGradientCollector()) {
                NDArray scores = FrameSetMatcher.scores(query, protos);
                // D = [[1, 1], [0.00990099, 1]]: row mins 1 + 0.0099, column mins 0.0099 + 1
                assertArrayEquals(new float[] {-2.019802f}, scores.toFloatArray(), TOL);
                gc.backward(scores.sum());
            }
            for (float g : query.getGradient().toFloatArray()) {
                assertEquals(true, Float.isFinite(g));
            }
        }
    }
}
