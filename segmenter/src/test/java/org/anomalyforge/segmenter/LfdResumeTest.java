package org.anomalyforge.segmenter;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.anomalyforge.ingest.safetensors.SafetensorsFile;
import org.anomalyforge.ingest.safetensors.TensorInfo;
import org.anomalyforge.ingest.store.ModelStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** §5.8: an interrupted run resumes from its last checkpoint and ends with the uninterrupted run's weights. */
class LfdResumeTest {

    private static final int SIZE = 32;

    @TempDir
    Path dir;

    /** SMOKE at 32², SCRATCH augmentation: 12 samples → validation 1 + 1, 10 train → 3 batches, T = 2·3 = 6. */
    private static LfdTrainRequest request(Path store, long seed) {
        LfdTrainingOptions options = LfdTrainingOptions.of(LfdPreset.SMOKE).withInputSize(SIZE).withSeed(seed);
        return new LfdTrainRequest("widget", LfdTrainTest.samples(SIZE, 8, 0, 4), options, store, "test");
    }

    private static final class Interrupt extends RuntimeException {
        Interrupt() {
            super("simulated crash");
        }
    }

    private static List<float[]> tensors(Path weights) throws Exception {
        List<float[]> out = new ArrayList<>();
        try (SafetensorsFile f = SafetensorsFile.open(weights)) {
            for (TensorInfo t : f.tensors()) {
                if (!t.name().endsWith("num_batches_tracked")) {
                    out.add(f.readFloats(t.name()));
                }
            }
        }
        return out;
    }

    @Test
    void resumedRunEqualsUninterruptedRun() throws Exception {
        TrainResult reference = Lfd.train(request(dir.resolve("a"), 42), TrainingProgress.NONE);
        assertEquals(6, reference.iterations());
        assertEquals(2, reference.selectedEpoch());                     // SMOKE selects the last epoch

        Path store = dir.resolve("b");
        TrainingProgress crashInEpoch2 = new TrainingProgress() {
            @Override
            public void onStart(long totalIterations) {
            }

            @Override
            public void onIteration(long iteration, double loss, double lr) {
                if (iteration == 4) {
                    throw new Interrupt();
                }
            }

            @Override
            public void onValidation(int epoch, double pixelAp, boolean best) {
            }
        };
        assertThrows(Interrupt.class, () -> Lfd.train(request(store, 42), crashInEpoch2));
        List<String> unfinished = new ModelStore(store).unfinished("widget", "lfd");
        assertEquals(1, unfinished.size());
        Path staging = store.resolve("widget/lfd/." + unfinished.get(0) + ".staging");
        assertTrue(Files.isRegularFile(staging.resolve("checkpoints/epoch-1.safetensors")));
        assertTrue(Files.isRegularFile(staging.resolve("checkpoints/optimizer-1.safetensors")));
        assertTrue(Files.isRegularFile(staging.resolve("checkpoints/trainer-state.json")));

        long[] firstIteration = {-1};
        TrainResult resumed = Lfd.train(request(store, 42), new TrainingProgress() {
            @Override
            public void onStart(long totalIterations) {
            }

            @Override
            public void onIteration(long iteration, double loss, double lr) {
                if (firstIteration[0] < 0) {
                    firstIteration[0] = iteration;
                }
            }

            @Override
            public void onValidation(int epoch, double pixelAp, boolean best) {
            }
        });
        assertEquals(3, firstIteration[0]);                              // epoch 2 starts at iteration 3
        assertEquals(unfinished.get(0), resumed.runId());
        assertEquals(List.of(), new ModelStore(store).unfinished("widget", "lfd"));
        assertEquals(reference.lossCurve().size(), resumed.lossCurve().size());
        for (int i = 0; i < reference.lossCurve().size(); i++) {
            assertEquals(reference.lossCurve().get(i), resumed.lossCurve().get(i), 1e-6);
        }
        List<float[]> a = tensors(reference.runDir().resolve("weights.safetensors"));
        List<float[]> b = tensors(resumed.runDir().resolve("weights.safetensors"));
        assertEquals(117, a.size());
        for (int i = 0; i < a.size(); i++) {
            assertArrayEquals(a.get(i), b.get(i), 1e-6f, "tensor " + i);
        }
        assertEquals(reference.tauPixel(), resumed.tauPixel(), 1e-6f);
    }

    @Test
    void otherOptionsStartANewRunAndConcurrentTrainingsQueue() throws Exception {
        Path store = dir.resolve("c");
        TrainingProgress crash = new TrainingProgress() {
            @Override
            public void onStart(long totalIterations) {
                throw new Interrupt();
            }

            @Override
            public void onIteration(long iteration, double loss, double lr) {
            }

            @Override
            public void onValidation(int epoch, double pixelAp, boolean best) {
            }
        };
        assertThrows(Interrupt.class, () -> Lfd.train(request(store, 42), crash));
        String stale = new ModelStore(store).unfinished("widget", "lfd").get(0);

        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<TrainResult> x = pool.submit(() -> Lfd.train(request(store, 7), TrainingProgress.NONE));
            Future<TrainResult> y = pool.submit(() -> Lfd.train(request(dir.resolve("d"), 8), TrainingProgress.NONE));
            TrainResult rx = x.get();
            TrainResult ry = y.get();
            assertNotEquals(stale, rx.runId());                          // seed 7 does not match the seed-42 run
            assertEquals(6, rx.iterations());
            assertEquals(6, ry.iterations());
        } finally {
            pool.shutdown();
        }
        assertEquals(List.of(stale), new ModelStore(store).unfinished("widget", "lfd"));
    }
}
