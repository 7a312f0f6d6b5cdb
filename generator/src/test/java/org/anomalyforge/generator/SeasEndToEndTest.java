package org.anomalyforge.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tiny fine-tune on a synthetic product (a few steps) → load → generate with both samplers. */
class SeasEndToEndTest {

    @TempDir
    Path store;

    @org.junit.jupiter.api.BeforeAll
    static void threads() {
        SeasTestThreads.single();
    }

    @Test
    void finetuneLoadAndGenerate() throws Exception {
        SeasFinetuneOptions o = SeasFinetuneOptions.tinyDefaults().withStage0Steps(3).withStage1Steps(4).withSeed(7);
        List<String> stages = new ArrayList<>();
        List<Map<String, Double>> steps = new ArrayList<>();
        FinetuneProgress p = new FinetuneProgress() {
            @Override
            public void onStage(String stage, long totalSteps) {
                stages.add(stage + ":" + totalSteps);
            }

            @Override
            public void onStep(long step, Map<String, Double> losses, double lr) {
                steps.add(losses);
            }
        };
        long t0 = System.nanoTime();
        FinetuneResult r = Seas.finetune(new SeasFinetuneRequest("widget", SeasTestProduct.shots(2, 64, 1),
                SeasTestProduct.normals(4, 64, 2), o, store, "test"), p);
        System.out.printf("finetune %.1f s%n", (System.nanoTime() - t0) / 1e9);
        assertEquals(List.of("stage0:3", "stage1:4"), stages);
        assertEquals(7, steps.size());
        assertEquals(7, r.steps());
        for (String f : List.of("manifest.json", "config.json", "weights/unet.safetensors", "weights/vae.safetensors",
                "weights/text_encoder.safetensors", "tokenizer/vocab.json", "scheduler/scheduler_config.json",
                "logs/stage0.jsonl", "logs/stage1.jsonl", "split.json")) {
            assertTrue(Files.isRegularFile(r.runDir().resolve(f)), f);
        }
        assertFalse(Files.exists(r.runDir().resolve("checkpoints")));
        for (String k : List.of("stage1.eps_mse", "stage1.na", "stage1.da", "stage1.total", "stage0.recon")) {
            assertTrue(r.lossCurves().containsKey(k), k + " in " + r.lossCurves().keySet());
            r.lossCurves().get(k).forEach(v -> assertTrue(Double.isFinite(v), k));
        }
        byte[] reference = SeasTestProduct.normals(1, 64, 99).get(0);
        t0 = System.nanoTime();
        try (SeasGenerator g = Seas.load(r.runDir())) {
            assertEquals(List.of("blob", "scratch"), g.defectTypes());
            assertEquals("widget", g.product());
            for (SamplerKind kind : SamplerKind.values()) {
                List<GeneratedImage> images = g.generate(List.of(
                        new GenerationRequest("scratch", 5, 3.0, 4, kind, reference),
                        new GenerationRequest(null, 6, 3.0, 4, kind, null)));
                assertEquals(2, images.size());
                assertEquals(64, images.get(0).image().width());
                assertEquals("scratch", images.get(0).defectType());
                assertEquals(r.runId(), images.get(1).runId());
                assertNotEquals(images.get(0).image(), images.get(1).image());
            }
        }
        System.out.printf("generate %.1f s%n", (System.nanoTime() - t0) / 1e9);
        // a flipped byte fails verification with the file named
        Path vae = r.runDir().resolve("weights/vae.safetensors");
        byte[] bytes = Files.readAllBytes(vae);
        bytes[bytes.length - 1] ^= 1;
        Files.write(vae, bytes);
        java.io.IOException e = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class,
                () -> Seas.load(r.runDir()));
        assertTrue(e.getMessage().contains("vae.safetensors") && e.getMessage().contains("SHA-256 mismatch"),
                e.getMessage());
    }
}
