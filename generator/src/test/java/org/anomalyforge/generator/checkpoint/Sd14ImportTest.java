package org.anomalyforge.generator.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.anomalyforge.generator.config.SeasModelConfig;
import org.anomalyforge.generator.nn.ModelInitialization;
import org.anomalyforge.generator.sampling.NoiseScheduleConfig;
import org.anomalyforge.generator.sampling.SchedulerConfigJson;
import org.anomalyforge.generator.text.ClipTextModel;
import org.anomalyforge.generator.unet.UNet2DConditionModel;
import org.anomalyforge.generator.vae.AutoencoderKL;
import org.anomalyforge.generator.weights.Component;
import org.anomalyforge.generator.weights.WeightExporter;
import org.anomalyforge.ingest.store.ModelStore;
import org.anomalyforge.ingest.store.VerifiedRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checked import on a diffusers folder of the tiny architecture (the real SD-1.4 files are not available
 * offline; the sd14 names and shapes are proven equal to the manifest by Sd14ManifestTest).
 */
class Sd14ImportTest {
    @TempDir
    Path tmp;

    /** A complete diffusers folder: seeded tiny networks, the mini CLIP vocabulary, the SD scheduler. */
    private Path diffusersFolder(SeasModelConfig config) throws IOException {
        Path dir = tmp.resolve("sd");
        try (NDManager m = NDManager.newBaseManager()) {
            UNet2DConditionModel unet = new UNet2DConditionModel(config.unet());
            AutoencoderKL vae = new AutoencoderKL(config.vae());
            ClipTextModel text = new ClipTextModel(config.textEncoder());
            ModelInitialization.seeded(unet, m, 1);
            ModelInitialization.seeded(vae, m, 2);
            ModelInitialization.seeded(text, m, 3);
            WeightExporter.export(unet, Component.UNET, dir.resolve("unet/diffusion_pytorch_model.safetensors"));
            WeightExporter.export(vae, Component.VAE, dir.resolve("vae/diffusion_pytorch_model.safetensors"));
            WeightExporter.export(text, Component.TEXT_ENCODER, dir.resolve("text_encoder/model.safetensors"));
        }
        Files.createDirectories(dir.resolve("tokenizer"));
        for (String f : new String[] {"vocab.json", "merges.txt"}) {
            try (InputStream in = getClass().getResourceAsStream("/tokenizer/mini-clip/" + f)) {
                Files.copy(in, dir.resolve("tokenizer").resolve(f));
            }
        }
        Files.createDirectories(dir.resolve("scheduler"));
        SchedulerConfigJson.write(NoiseScheduleConfig.stableDiffusion(), dir.resolve("scheduler/scheduler_config.json"));
        return dir;
    }

    /** The tiny architecture with a token table the size of the mini CLIP vocabulary (535). */
    private static SeasModelConfig config() {
        SeasModelConfig tiny = SeasModelConfig.tiny();
        return tiny.withTextEncoder(tiny.textEncoder().withVocabSize(535));
    }

    @Test
    void importsAVerifiedRunThatKeepsTheDiffusersLayout() throws IOException {
        SeasModelConfig config = config();
        Path sd = diffusersFolder(config);
        Sd14Import.Result r = Sd14Import.run(sd, config, tmp.resolve("store"), "sd14", "test");
        assertEquals(535, r.vocabSize());
        assertEquals(3, r.reports().size());
        VerifiedRun run = ModelStore.open(r.run().dir());
        assertEquals(Sd14Import.KIND, run.manifest().kind());
        assertTrue(run.manifest().files().containsKey("unet/diffusion_pytorch_model.safetensors"));
        assertTrue(run.manifest().files().containsKey("tokenizer/merges.txt"));
        assertTrue(run.manifest().files().containsKey("scheduler/scheduler_config.json"));
        assertEquals(36.0, run.manifest().metrics().get("text_encoder.tensors"));
    }

    @Test
    void refusesAMismatchedTokenizerAndMissingWeightsBeforeWritingAnything() throws IOException {
        SeasModelConfig config = config();
        Path sd = diffusersFolder(config);
        SeasModelConfig wrongVocab = config.withTextEncoder(config.textEncoder().withVocabSize(600));
        IOException vocab = assertThrows(IOException.class,
                () -> Sd14Import.run(sd, wrongVocab, tmp.resolve("store"), "sd14", "test"));
        assertEquals(sd.resolve("tokenizer") + ": vocabulary has 535 tokens but the text encoder's token table has 600 rows",
                vocab.getMessage());
        Files.delete(sd.resolve("vae/diffusion_pytorch_model.safetensors"));
        IOException missing = assertThrows(IOException.class,
                () -> Sd14Import.run(sd, config, tmp.resolve("store"), "sd14", "test"));
        assertTrue(missing.getMessage().contains("diffusion_pytorch_model"), missing.getMessage());
        assertFalse(Files.exists(tmp.resolve("store/sd14")), "nothing is written before every check passed");
    }
}
