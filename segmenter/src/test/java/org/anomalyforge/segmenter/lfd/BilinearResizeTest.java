package org.anomalyforge.segmenter.lfd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;

import java.util.Random;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Spec §2.5 and §10.1-3: PyTorch-exact bilinear resize (align_corners=False, antialias=False). */
class BilinearResizeTest {

    private static NDManager manager;
    private static BilinearResize resize;

    @BeforeAll
    static void setUp() {
        manager = NDManager.newBaseManager();
        resize = new BilinearResize(manager);
    }

    @AfterAll
    static void tearDown() {
        resize.close();
        manager.close();
    }

    @Test
    void halvesRowsAndQuartersColumnsByTheClosedForm() {
        try (NDManager m = manager.newSubManager()) {
            float[] v = new float[32];
            for (int r = 0; r < 4; r++) {
                for (int c = 0; c < 8; c++) {
                    v[r * 8 + c] = 10 * r + c;
                }
            }
            NDArray y = resize.resize(m.create(v, new Shape(1, 1, 4, 8)), 2, 2);
            assertEquals(new Shape(1, 1, 2, 2), y.getShape());
            assertArrayEquals(new float[] {6.5f, 10.5f, 26.5f, 30.5f}, y.toFloatArray(), 0f);
        }
    }

    @Test
    void upsamplesZeroEightToFourAndEightSamples() {
        try (NDManager m = manager.newSubManager()) {
            NDArray row = m.create(new float[] {0, 8}, new Shape(1, 1, 1, 2));
            assertArrayEquals(new float[] {0, 2, 6, 8}, resize.resize(row, 1, 4).toFloatArray(), 0f);
            assertArrayEquals(new float[] {0, 0, 1, 3, 5, 7, 8, 8}, resize.resize(row, 1, 8).toFloatArray(), 0f);
            NDArray column = m.create(new float[] {0, 8}, new Shape(1, 1, 2, 1));
            NDArray up = resize.resize(column, 8, 1);
            assertEquals(new Shape(1, 1, 8, 1), up.getShape());
            assertArrayEquals(new float[] {0, 0, 1, 3, 5, 7, 8, 8}, up.toFloatArray(), 0f);
        }
    }

    @Test
    void matrixPathEqualsClosedFormOnRandomInput() {
        try (NDManager m = manager.newSubManager()) {
            Random random = new Random(7);
            float[] v = new float[2 * 3 * 256 * 256];
            for (int i = 0; i < v.length; i++) {
                v[i] = (float) random.nextGaussian();
            }
            NDArray x = m.create(v, new Shape(2, 3, 256, 256));
            NDArray closed = resize.resize(x, 128, 64);
            NDArray ah = m.create(BilinearResize.interpolationMatrix(256, 128), new Shape(128, 256));
            NDArray aw = m.create(BilinearResize.interpolationMatrix(256, 64), new Shape(64, 256));
            NDArray viaMatrices = ah.matMul(x).matMul(aw.transpose());
            assertEquals(new Shape(2, 3, 128, 64), closed.getShape());
            float maxDiff = closed.sub(viaMatrices).abs().max().getFloat();
            assertTrue(maxDiff <= 1e-6f, "closed form vs matrices differ by " + maxDiff);
        }
    }

    @Test
    void everyMatrixRowSumsToOne() {
        int[][] pairs = {{16, 64}, {8, 64}, {64, 256}, {2, 32}, {256, 128}, {256, 64}, {3, 7}, {7, 3}, {5, 5}};
        for (int[] p : pairs) {
            float[] a = BilinearResize.interpolationMatrix(p[0], p[1]);
            for (int i = 0; i < p[1]; i++) {
                double sum = 0;
                for (int j = 0; j < p[0]; j++) {
                    sum += a[i * p[0] + j];
                }
                assertEquals(1.0, sum, 1e-7, "row " + i + " of " + p[0] + "→" + p[1]);
            }
        }
    }

    @Test
    void upByFourCyclesThroughEighthsAndClampsAtTheBorders() {
        float[] a = BilinearResize.interpolationMatrix(4, 16);              // 16×4
        assertArrayEquals(new float[] {1, 0, 0, 0}, row(a, 4, 0), 0f);
        assertArrayEquals(new float[] {1, 0, 0, 0}, row(a, 4, 1), 0f);
        assertArrayEquals(new float[] {7 / 8f, 1 / 8f, 0, 0}, row(a, 4, 2), 0f);
        assertArrayEquals(new float[] {5 / 8f, 3 / 8f, 0, 0}, row(a, 4, 3), 0f);
        assertArrayEquals(new float[] {3 / 8f, 5 / 8f, 0, 0}, row(a, 4, 4), 0f);
        assertArrayEquals(new float[] {1 / 8f, 7 / 8f, 0, 0}, row(a, 4, 5), 0f);
        assertArrayEquals(new float[] {0, 7 / 8f, 1 / 8f, 0}, row(a, 4, 6), 0f);
        assertArrayEquals(new float[] {0, 0, 1 / 8f, 7 / 8f}, row(a, 4, 13), 0f);
        assertArrayEquals(new float[] {0, 0, 0, 1}, row(a, 4, 14), 0f);
        assertArrayEquals(new float[] {0, 0, 0, 1}, row(a, 4, 15), 0f);
    }

    @Test
    void upByEightCyclesThroughSixteenths() {
        float[] a = BilinearResize.interpolationMatrix(4, 32);              // 32×4
        for (int k = 0; k < 8; k++) {
            float lambda = (2 * k + 1) / 16f;
            assertArrayEquals(new float[] {1 - lambda, lambda, 0, 0}, row(a, 4, 4 + k), 0f, "row " + (4 + k));
        }
        for (int i = 0; i < 4; i++) {
            assertArrayEquals(new float[] {1, 0, 0, 0}, row(a, 4, i), 0f, "clamped row " + i);
        }
        assertArrayEquals(new float[] {0, 0, 0, 1}, row(a, 4, 28), 0f);
    }

    @Test
    void isDifferentiableAndKeepsResultsInTheInputManager() {
        try (NDManager m = manager.newSubManager()) {
            NDArray x = m.create(new float[] {1, 2, 3, 4}, new Shape(1, 1, 2, 2));
            x.setRequiresGradient(true);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray y = resize.resize(x, 8, 16);
                assertSame(m, y.getManager());
                gc.backward(y.sum());
            }
            // Rows of A sum to 1, so Σ ∂(Σy)/∂x = number of outputs; each input gets a quarter by symmetry.
            assertArrayEquals(new float[] {32, 32, 32, 32}, x.getGradient().toFloatArray(), 1e-5f);
        }
    }

    @Test
    void rejectsNonNchwInput() {
        try (NDManager m = manager.newSubManager()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> resize.resize(m.zeros(new Shape(4, 8)), 2, 2));
            assertTrue(e.getMessage().contains("rank 4"), e.getMessage());
        }
    }

    private static float[] row(float[] a, int n, int i) {
        float[] r = new float[n];
        System.arraycopy(a, i * n, r, 0, n);
        return r;
    }
}
