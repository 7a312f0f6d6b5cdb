package org.anomalyforge.segmenter.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import ai.djl.ndarray.NDManager;

import java.nio.file.Path;
import java.util.Map;

import org.anomalyforge.segmenter.inference.AnomalyMaps;
import org.anomalyforge.segmenter.lfd.LfdConfig;
import org.anomalyforge.segmenter.lfd.LfdNet;
import org.anomalyforge.segmenter.lfd.LfdWeightsExporter;
import org.anomalyforge.segmenter.lfd.LfdWeightsImporter;
import org.anomalyforge.segmenter.lfd.WeightEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** LFD spec §10.1-9 at the step level: weights + momentum round trip, and 3 + 3 resumed = 6 uninterrupted. */
class CheckpointRoundTripTest {

    private static final int SIZE = 64;

    @TempDir
    Path dir;

    @Test
    void exportReloadIsBitwiseAndResumedStepsEqualUninterrupted() throws Exception {
        Batch b = TrainingFixtures.batch(2, SIZE);
        LfdCosineLr lr = new LfdCosineLr(6);
        float[] uninterrupted;
        try (NDManager model = NDManager.newBaseManager()) {
            LfdNet net = new LfdNet(new LfdConfig(SIZE, SIZE, 42));
            net.initialize(model);
            try (MomentumSgd sgd = new MomentumSgd(net.weights(), model)) {
                TrainingStep step = new TrainingStep(net, model, sgd);
                for (int i = 0; i < 3; i++) {
                    step.run(b.inputs(), b.targets(), b.size(), (float) lr.rate(i));
                }
                LfdWeightsExporter.export(net.weights(), dir.resolve("w.safetensors"), 3, Map.of());
                sgd.save(dir.resolve("m.safetensors"));
                float[] before = AnomalyMaps.probabilities(net, model, b.inputs(), b.size(), SIZE, SIZE);
                try (NDManager other = NDManager.newBaseManager()) {
                    LfdNet fresh = new LfdNet(new LfdConfig(SIZE, SIZE, 7));
                    fresh.initialize(other);
                    LfdWeightsImporter.strict().importFile(fresh.weights(), dir.resolve("w.safetensors"));
                    int tensors = 0;
                    for (WeightEntry e : net.weights().parameters().values()) {
                        assertArrayEquals(e.parameter().getArray().toFloatArray(),
                                fresh.weights().entry(e.key()).parameter().getArray().toFloatArray(), 0f, e.key());
                        tensors++;
                    }
                    assertEquals(117, tensors);
                    float[] mean = net.weights().entry("detail.channel_adjust.1.0.running_mean").parameter().getArray().toFloatArray();
                    assertNotEquals(0f, mean[0]);                     // running stats are non-trivial
                    assertArrayEquals(before, AnomalyMaps.probabilities(fresh, other, b.inputs(), b.size(), SIZE, SIZE),
                            0f);
                }
                for (int i = 3; i < 6; i++) {
                    step.run(b.inputs(), b.targets(), b.size(), (float) lr.rate(i));
                }
                uninterrupted = AnomalyMaps.probabilities(net, model, b.inputs(), b.size(), SIZE, SIZE);
            }
        }
        try (NDManager model = NDManager.newBaseManager()) {
            LfdNet net = new LfdNet(new LfdConfig(SIZE, SIZE, 42));
            net.initialize(model);
            LfdWeightsImporter.strict().importFile(net.weights(), dir.resolve("w.safetensors"));
            try (MomentumSgd sgd = new MomentumSgd(net.weights(), model)) {
                sgd.load(dir.resolve("m.safetensors"));
                assertEquals(77, sgd.bufferCount());
                TrainingStep step = new TrainingStep(net, model, sgd);
                for (int i = 3; i < 6; i++) {
                    step.run(b.inputs(), b.targets(), b.size(), (float) lr.rate(i));
                }
                assertArrayEquals(uninterrupted, AnomalyMaps.probabilities(net, model, b.inputs(), b.size(), SIZE, SIZE),
                        1e-6f);
            }
        }
    }
}
