package org.anomalyforge.generator.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** seas.md §14.1 #8: two AdamW steps on a 2-element parameter against hand-computed values (torch semantics). */
class AdamWTest {

    @TempDir
    Path dir;

    private static Parameter parameter(NDManager m, String name, float... values) {
        Parameter p = Parameter.builder().setName(name).setType(Parameter.Type.WEIGHT).optShape(new Shape(values.length))
                .optArray(m.create(values)).optRequiresGrad(true).build();
        p.initialize(m, DataType.FLOAT32);
        return p;
    }

    /** Sets w.grad = g through a backward pass of sum(w·g). */
    private static void gradient(NDManager m, Parameter p, float... g) {
        try (NDManager step = m.newSubManager(); GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            NDArray w = p.getArray();
            gc.backward(step.create(g).mul(w).sum());
        }
    }

    @Test
    void twoStepsMatchHandComputedValuesAndUntouchedParametersStay() throws Exception {
        GradMode.off();
        try (NDManager m = NDManager.newBaseManager()) {
            Parameter w = parameter(m, "w", 1f, -2f);
            Parameter untouched = parameter(m, "u", 3f, 4f);
            Map<String, Parameter> params = new LinkedHashMap<>();
            params.put("w", w);
            params.put("u", untouched);
            try (AdamW adam = new AdamW(List.of(new ParamGroup("g", params, 0.1, 0.01)), m)) {
                gradient(m, w, 0.5f, -1f);
                adam.step(1.0);
                // w·(1 − lr·wd) − lr·m̂/(√v̂ + ε) with m̂ = g, v̂ = g²
                assertArrayEquals(new float[] {0.899000002f, -1.898000001f}, w.getArray().toFloatArray(), 1e-6f);
                gradient(m, w, 0.25f, 1f);
                adam.step(1.0);
                assertArrayEquals(new float[] {0.804883040f, -1.901365159f}, w.getArray().toFloatArray(), 1e-6f);
                // no gradient ever reached u: no decay, no state
                assertArrayEquals(new float[] {3f, 4f}, untouched.getArray().toFloatArray(), 0f);
                assertEquals(0, adam.updates("u"));
                assertEquals(2, adam.updates("w"));
                // the gradient is zeroed after the update
                assertArrayEquals(new float[] {0f, 0f}, w.getArray().getGradient().toFloatArray(), 0f);

                Path file = dir.resolve("opt.safetensors");
                adam.save(file);
                Parameter w2 = parameter(m, "w", w.getArray().toFloatArray());
                try (AdamW restored = new AdamW(List.of(new ParamGroup("g", Map.of("w", w2), 0.1, 0.01)), m)) {
                    restored.load(file);
                    assertEquals(2, restored.updates("w"));
                    gradient(m, w, 0.1f, 0.1f);
                    gradient(m, w2, 0.1f, 0.1f);
                    adam.step(0.5);
                    restored.step(0.5);
                    assertArrayEquals(w.getArray().toFloatArray(), w2.getArray().toFloatArray(), 0f);
                }
            }
        }
    }

    @Test
    void clippingScalesTheGlobalNorm() {
        GradMode.off();
        try (NDManager m = NDManager.newBaseManager()) {
            Parameter a = parameter(m, "a", 0f, 0f);
            Parameter b = parameter(m, "b", 0f);
            gradient(m, a, 3f, 0f);
            gradient(m, b, 4f);
            double norm = GradientClipping.clip(List.of(a, b), 1.0, m);
            assertEquals(5.0, norm, 1e-6);
            float scale = (float) (1.0 / (5.0 + 1e-6));
            assertArrayEquals(new float[] {3 * scale, 0f}, a.getArray().getGradient().toFloatArray(), 1e-7f);
            assertArrayEquals(new float[] {4 * scale}, b.getArray().getGradient().toFloatArray(), 1e-7f);
        }
    }

    @Test
    void schedules() {
        LearningRateSchedule warm = LearningRateSchedule.linearWarmup(25);
        assertEquals(1.0 / 25, warm.factor(1), 1e-12);
        assertEquals(1.0, warm.factor(25), 1e-12);
        assertEquals(1.0, warm.factor(400), 1e-12);
        LearningRateSchedule cos = LearningRateSchedule.cosineTo(0.1, 5);
        assertEquals(1.0, cos.factor(1), 1e-12);
        assertEquals(0.55, cos.factor(3), 1e-12);
        assertEquals(0.1, cos.factor(5), 1e-12);
    }
}
