package org.anomalyforge.trokens.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Spec §16.1 #18: DJL AdamW's decoupled decay and the epoch step schedule. */
class OptimizerAndScheduleTest {

    @Test
    void zeroGradientAdamWStepDecaysByLrTimesWd() {
        try (NDManager m = NDManager.newBaseManager()) {
            Optimizer adamW = TrainingSettings.adamW(Tracker.fixed(1e-4f), 0.5f);
            NDArray w = m.create(new float[] {1f, -2f, 0.5f});
            NDArray g = m.zeros(w.getShape());
            adamW.update("w", w, g);
            float f = (float) (1 - 1e-4 * 0.5);
            assertArrayEquals(new float[] {f, -2f * f, 0.5f * f}, w.toFloatArray(), 1e-7f);
        }
    }

    @Test
    void paperScheduleWarmsUpAndSteps() {
        EpochStepSchedule s = TrainingSettings.paper(1, 100).schedule();
        assertEquals(1e-6f, s.rate(0), 0f);
        assertEquals(1e-6f, s.getNewValue("any", 1), 0f);
        assertEquals(1e-6 + (1e-4 - 1e-6) * 250 / 500, s.rate(250), 1e-10);
        assertEquals(1e-4f, s.rate(500), 1e-10f);
        assertEquals(1e-4f, s.rate(1999), 1e-10f);
        assertEquals(1e-5f, s.rate(2000), 1e-11f);
        assertEquals(1e-5f, s.rate(3999), 1e-11f);
        assertEquals(1e-6f, s.rate(4000), 1e-12f);
        assertEquals(1e-6f, s.rate(4999), 1e-12f);
    }

    @Test
    void descriptorCpuSchedule() {
        TrainingSettings settings = TrainingSettings.descriptorCpu(1);
        EpochStepSchedule s = settings.schedule();
        assertEquals(4000, settings.totalSteps());
        assertEquals(3e-4f, s.rate(400), 1e-10f);
        assertEquals(3e-5f, s.rate(2000), 1e-11f);
        assertEquals(3e-6f, s.rate(3200), 1e-12f);
    }
}
