package org.anomalyforge.trokens.train;

import org.anomalyforge.ingest.store.ModelStore;
import org.anomalyforge.ingest.store.RunRef;
import org.anomalyforge.trokens.model.TestClips;
import org.anomalyforge.trokens.model.TestThreads;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Trainer on random token data, validation-based selection, and the checkpoint round trip. */
class EpisodicTrainerTest {

    @TempDir
    Path dir;

    @BeforeAll
    static void threads() {
        TestThreads.single();
    }

    @Test
    void lossFallsOverAFewEpisodes() {
        List<Float> losses = new ArrayList<>();
        TrainingProgress progress = new TrainingProgress() {
            @Override
            public void onStep(long step, float loss, float learningRate) {
                losses.add(loss);
            }
        };
        TrainedModel model = new EpisodicTrainer(TestClips.config(4), TrainingFixtures.tiny(3, 20), "test-encoder")
                .train(TrainingFixtures.clips(0, 4, 4, 1), List.of(), progress);
        assertEquals(60, losses.size());
        double first = losses.subList(0, 20).stream().mapToDouble(Float::doubleValue).average().orElseThrow();
        double last = losses.subList(40, 60).stream().mapToDouble(Float::doubleValue).average().orElseThrow();
        assertTrue(last < first, "mean loss of the last 20 episodes " + last + " must be below the first " + first);
        assertEquals(TrainedModel.LAST, model.selection());
        assertEquals(3, model.selectedEpoch());
        assertEquals(List.of("class0", "class1", "class2", "class3"), model.baseClasses());
        assertEquals(60.0, model.metrics().get("steps"));
    }

    @Test
    void validationSelectsAnEpochAndReportsIt() {
        List<Integer> validated = new ArrayList<>();
        TrainingProgress progress = new TrainingProgress() {
            @Override
            public void onValidation(int epoch, EpisodeReport report) {
                validated.add(epoch);
                assertEquals(30, report.episodes());
            }
        };
        TrainedModel model = new EpisodicTrainer(TestClips.config(4), TrainingFixtures.tiny(3, 5), "enc")
                .train(TrainingFixtures.clips(0, 4, 4, 2), TrainingFixtures.clips(4, 3, 3, 3), progress);
        assertEquals(List.of(2, 3), validated);
        assertEquals(TrainedModel.BEST_VALIDATION, model.selection());
        assertTrue(validated.contains(model.selectedEpoch()));
        assertTrue(model.metrics().containsKey("val_mean_accuracy"));
    }

    @Test
    void mismatchedClassCountIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new EpisodicTrainer(TestClips.config(5), TrainingFixtures.tiny(1, 1), "enc")
                        .train(TrainingFixtures.clips(0, 4, 4, 1), List.of(), TrainingProgress.NONE));
        assertTrue(e.getMessage().contains("config.baseClasses is 5 but the training clips have 4 classes"),
                e.getMessage());
    }

    @Test
    void checkpointRoundTripIsExactAndCorruptionIsNamed() throws IOException {
        TrainedModel model = new EpisodicTrainer(TestClips.config(4), TrainingFixtures.tiny(1, 3), "enc-1")
                .train(TrainingFixtures.clips(0, 4, 3, 4), List.of(), TrainingProgress.NONE);
        RunRef run = TrokensCheckpoint.save(model, new ModelStore(dir), "demo", "test", "fingerprint");
        TrainedModel loaded = TrokensCheckpoint.load(run.dir());
        assertEquals(model.config(), loaded.config());
        assertEquals(model.standardizer(), loaded.standardizer());
        assertEquals(model.baseClasses(), loaded.baseClasses());
        assertEquals("enc-1", loaded.encoderId());
        assertEquals(model.settings().learningRate(), loaded.settings().learningRate());
        assertArrayEquals(model.settings().milestones(), loaded.settings().milestones());
        assertEquals(model.weights().keySet(), loaded.weights().keySet());
        model.weights().forEach((k, v) -> assertArrayEquals(v, loaded.weights().get(k), 0f, k));
        assertEquals(model.metrics(), loaded.metrics());

        Path weights = run.dir().resolve(TrokensCheckpoint.WEIGHTS);
        byte[] bytes = Files.readAllBytes(weights);
        bytes[bytes.length - 1] ^= 0x55;
        Files.write(weights, bytes);
        IOException e = assertThrows(IOException.class, () -> TrokensCheckpoint.load(run.dir()));
        assertTrue(e.getMessage().contains("weights.safetensors"), e.getMessage());
        assertTrue(e.getMessage().contains("SHA-256 mismatch"), e.getMessage());
    }
}
