package org.anomalyforge.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.anomalyforge.ingest.store.ModelStore;
import org.anomalyforge.ingest.store.Sha256;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A fine-tune that dies in stage 1 resumes from its staging checkpoint and ends exactly as an uninterrupted run. */
class SeasResumeTest {

    @TempDir
    Path storeA;
    @TempDir
    Path storeB;

    @BeforeAll
    static void threads() {
        SeasTestThreads.single();
    }

    private static SeasFinetuneRequest request(Path store) {
        SeasFinetuneOptions o = SeasFinetuneOptions.tinyDefaults().withImageSize(32).withStage0Steps(2)
                .withStage1Steps(4).withBatchSize(1).withGradientAccumulation(1).withSeed(11);
        return new SeasFinetuneRequest("gadget", SeasTestProduct.shots(1, 32, 3), SeasTestProduct.normals(2, 32, 4), o,
                store, "test");
    }

    @Test
    void resumedRunEqualsUninterruptedRun() throws Exception {
        FinetuneResult straight = Seas.finetune(request(storeA), FinetuneProgress.NONE);

        FinetuneProgress crashAtStep3 = new FinetuneProgress() {
            private String stage;

            @Override
            public void onStage(String s, long totalSteps) {
                stage = s;
            }

            @Override
            public void onStep(long step, Map<String, Double> losses, double lr) {
                if (stage.equals("stage1") && step == 3) {
                    throw new IllegalStateException("simulated crash");
                }
            }
        };
        assertThrows(IllegalStateException.class, () -> Seas.finetune(request(storeB), crashAtStep3));
        ModelStore store = new ModelStore(storeB);
        List<String> unfinished = store.unfinished("gadget", "seas");
        assertEquals(1, unfinished.size());
        Path staging = storeB.resolve("gadget/seas/." + unfinished.get(0) + ".staging");
        assertTrue(Files.isRegularFile(staging.resolve("checkpoints/trainer-state.json")));
        assertTrue(Files.isDirectory(staging.resolve("checkpoints/model-2")));

        FinetuneResult resumed = Seas.finetune(request(storeB), FinetuneProgress.NONE);
        assertEquals(unfinished.get(0), resumed.runId());
        assertEquals(List.of(), store.unfinished("gadget", "seas"));
        for (String f : List.of("weights/unet.safetensors", "weights/text_encoder.safetensors",
                "weights/vae.safetensors", "config.json", "logs/stage1.jsonl")) {
            assertEquals(Sha256.of(straight.runDir().resolve(f)), Sha256.of(resumed.runDir().resolve(f)), f);
        }
        assertEquals(straight.lossCurves(), resumed.lossCurves());
    }
}
