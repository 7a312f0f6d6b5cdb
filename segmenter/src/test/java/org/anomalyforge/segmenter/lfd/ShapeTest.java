package org.anomalyforge.segmenter.lfd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Spec §10.1-2: hi / lo / gate / logits shapes for the §4 sizes, and rejection of invalid inputs. */
class ShapeTest {

    private static NDManager manager;
    private static LfdNet net;

    @BeforeAll
    static void setUp() {
        manager = NDManager.newBaseManager();
        net = new LfdNet(LfdConfig.defaults());
        net.initialize(manager);
    }

    @AfterAll
    static void tearDown() {
        manager.close();
    }

    @ParameterizedTest(name = "{0}×3×{1}×{2}")
    @CsvSource({
        "1, 256, 256, 16, 8",
        "2, 512, 512, 32, 16",
        "1, 224, 224, 14, 7",
        "1, 256, 512, 16, 16",
        "3, 384, 640, 24, 20",
        "1, 32, 32, 2, 1",
    })
    void stagesHaveTheSpecShapes(int b, int h, int w, int hiH, int hiW) {
        try (NDManager m = manager.newSubManager()) {
            NDArray x = m.randomNormal(new Shape(b, 3, h, w));
            ParameterStore ps = new ParameterStore(m, false);
            LfdActivations a = net.forwardStages(ps, x, false);
            assertEquals(new Shape(b, 128, hiH, hiW), a.hi().getShape());
            assertEquals(new Shape(b, 128, h / 4, w / 4), a.lo().getShape());
            assertEquals(new Shape(b, 1, h / 4, w / 4), a.gate().getShape());
            assertEquals(new Shape(b, 2, h / 4, w / 4), a.coarseLogits().getShape());
            assertEquals(new Shape(b, 2, h, w), net.getOutputShapes(new Shape[] {x.getShape()})[0]);
        }
    }

    @ParameterizedTest(name = "{0}×3×{1}×{2}")
    @CsvSource({"1, 64, 64", "2, 128, 128", "1, 256, 384", "1, 256, 256"})
    void logitsHaveTheInputSize(int b, int h, int w) {
        try (NDManager m = manager.newSubManager()) {
            NDArray x = m.randomNormal(new Shape(b, 3, h, w));
            NDArray logits = net.forward(new ParameterStore(m, false), new NDList(x), false).singletonOrThrow();
            assertEquals(new Shape(b, 2, h, w), logits.getShape());
        }
    }

    @Test
    void anomalyLogitEqualsTheDifferenceOfTheUpsampledLogits() {
        try (NDManager m = manager.newSubManager()) {
            NDArray x = m.randomNormal(new Shape(2, 3, 64, 96));
            ParameterStore ps = new ParameterStore(m, false);
            NDArray logits = net.forward(ps, new NDList(x), false).singletonOrThrow();
            NDArray z = net.forwardAnomalyLogit(ps, x, false);
            assertEquals(new Shape(2, 1, 64, 96), z.getShape());
            NDArray expected = logits.get(":, 1:2").sub(logits.get(":, 0:1"));
            float diff = z.sub(expected).abs().max().getFloat();
            assertTrue(diff <= 1e-5f, "z-only upsample differs by " + diff);
        }
    }

    @Test
    void semanticBranchSeesTheAsymmetricResize() {
        try (NDManager m = manager.newSubManager()) {
            BilinearResize resize = new BilinearResize(m);
            NDArray xs = resize.resize(m.zeros(new Shape(1, 3, 256, 256)), 128, 64);
            assertEquals(new Shape(1, 3, 128, 64), xs.getShape());
            assertEquals(new Shape(1, 128, 16, 8),
                    new SemanticBranch().getOutputShapes(new Shape[] {new Shape(1, 3, 256, 256)})[0]);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
        "1, 3, 250, 250; (1, 3, 250, 250)",
        "1, 3, 375, 1240; (1, 3, 375, 1240)",
        "1, 1, 256, 256; (1, 1, 256, 256)",
        "1, 3, 256, 16; (1, 3, 256, 16)",
    })
    void rejectsInvalidInputNamingTheShape(String dims, String printed) {
        long[] d = java.util.Arrays.stream(dims.split(",")).map(String::trim).mapToLong(Long::parseLong).toArray();
        try (NDManager m = manager.newSubManager()) {
            NDArray x = m.zeros(new Shape(d));
            ParameterStore ps = new ParameterStore(m, false);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> net.forward(ps, new NDList(x), false));
            assertTrue(e.getMessage().contains(printed), e.getMessage());
        }
    }

    @Test
    void uninitialisedNetworkIsRefused() {
        try (NDManager m = manager.newSubManager()) {
            LfdNet fresh = new LfdNet(LfdConfig.defaults());
            NDArray x = m.zeros(new Shape(1, 3, 32, 32));
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> fresh.forwardStages(new ParameterStore(m, false), x, false));
            assertEquals("LfdNet is not initialised; call initialize(modelManager) first", e.getMessage());
        }
    }

    @Test
    void configRejectsSizesThatAreNotMultiplesOf32() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new LfdConfig(250, 256, 42));
        assertEquals("inputHeight must be a multiple of 32 and ≥ 32, got 250", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new LfdConfig(256, 0, 42));
        assertEquals("inputWidth must be a multiple of 32 and ≥ 32, got 0", e.getMessage());
        assertEquals(new Shape(4, 3, 256, 256), LfdConfig.defaults().inputShape(4));
        assertEquals(42L, LfdConfig.defaults().seed());
    }
}
