package org.anomalyforge.generator.checkpoint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.anomalyforge.generator.SeasTestThreads;
import org.anomalyforge.generator.nn.ParameterRegistry;
import org.anomalyforge.generator.pipeline.SampleSpec;
import org.anomalyforge.generator.pipeline.SeasSampler;
import org.anomalyforge.generator.sampling.SchedulerKind;
import org.anomalyforge.generator.training.GradMode;
import org.anomalyforge.generator.training.ProfileSettings;
import org.anomalyforge.ingest.image.RgbImage;
import org.anomalyforge.ingest.store.Sha256;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** seas.md §14.1 #12: save → load gives bitwise-equal tensors and identical generation; saves are stable. */
class CheckpointRoundTripTest {

    @TempDir
    Path dir;

    @BeforeAll
    static void threads() {
        SeasTestThreads.single();
    }

    private static SeasTrainingSettings settings() {
        return new SeasTrainingSettings("tiny", 32, 1, 1, 1, 1, 0, 2e-4, 2e-4, 0.01, 25, 1.0, 0.1, "FULL", "RANDOM",
                SeasTrainingSettings.RESIZE_FILTER);
    }

    @Test
    void roundTripIsBitwiseAndGeneratesTheSameImages() throws IOException {
        GradMode.off();
        try (NDManager root = NDManager.newBaseManager();
                SeasModels models = SeasModels.freshTiny(ProfileSettings.tinyAt(32), List.of("crack", "hole"), 9,
                        root)) {
            SeasCheckpoint.write(models, "thing", settings(), dir.resolve("a"));
            SeasCheckpoint.write(models, "thing", settings(), dir.resolve("b"));
            for (String f : List.of(SeasCheckpoint.CONFIG, SeasCheckpoint.UNET, SeasCheckpoint.VAE, SeasCheckpoint.TEXT,
                    SeasCheckpoint.SCHEDULER, "tokenizer/vocab.json")) {
                assertEquals(Sha256.of(dir.resolve("a").resolve(f)), Sha256.of(dir.resolve("b").resolve(f)), f);
            }
            try (SeasModels loaded = SeasCheckpoint.read(dir.resolve("a"), root)) {
                assertEquals(models.config(), loaded.config());
                assertEquals(Map.of("ob1", 7, "sks1", 8, "sks2", 9, "sks3", 10, "sks4", 11, "sks5", 12, "sks6", 13,
                        "sks7", 14, "sks8", 15), loaded.tokenIds());
                assertEquals(List.of("crack", "hole"), loaded.prompts().defectTypes());
                assertEquals(models.schedule(), loaded.schedule());
                assertBitwiseEqual(ParameterRegistry.parameters(models.unet()),
                        ParameterRegistry.parameters(loaded.unet()));
                assertBitwiseEqual(ParameterRegistry.parameters(models.vae()), ParameterRegistry.parameters(loaded.vae()));
                assertBitwiseEqual(ParameterRegistry.parameters(models.text()),
                        ParameterRegistry.parameters(loaded.text()));
                List<SampleSpec> specs = List.of(new SampleSpec("a ob1 with sks5 sks6 sks7 sks8", 3, 3.0, null));
                List<RgbImage> before = new SeasSampler(models).sample(specs, SchedulerKind.DPM, 3);
                List<RgbImage> after = new SeasSampler(loaded).sample(specs, SchedulerKind.DPM, 3);
                assertEquals(before, after);
            }
        }
    }

    @Test
    void aTokenMapThatDisagreesWithTheTokenizerIsRefused() throws IOException {
        GradMode.off();
        try (NDManager root = NDManager.newBaseManager();
                SeasModels models = SeasModels.freshTiny(ProfileSettings.tinyAt(32), List.of("crack"), 9, root)) {
            SeasCheckpoint.write(models, "thing", settings(), dir);
            Path config = dir.resolve(SeasCheckpoint.CONFIG);
            Files.writeString(config, Files.readString(config).replace("\"sks4\" : 11", "\"sks4\" : 12"));
            IOException e = assertThrows(IOException.class, () -> SeasCheckpoint.read(dir, root));
            assertTrue(e.getMessage().contains("token map"), e.getMessage());
        }
    }

    private static void assertBitwiseEqual(Map<String, Parameter> a, Map<String, Parameter> b) {
        assertEquals(a.keySet(), b.keySet());
        for (String k : a.keySet()) {
            assertArrayEquals(a.get(k).getArray().toFloatArray(), b.get(k).getArray().toFloatArray(), 0f, k);
        }
    }
}
