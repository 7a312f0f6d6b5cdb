package org.anomalyforge.generator.checkpoint;

import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.anomalyforge.generator.config.ConfigJson;
import org.anomalyforge.generator.config.RmpConfig;
import org.anomalyforge.generator.nn.ModelInitialization;
import org.anomalyforge.generator.nn.ModuleBlock;
import org.anomalyforge.generator.prompts.PromptSet;
import org.anomalyforge.generator.rmp.RefinedMaskPredictor;
import org.anomalyforge.generator.sampling.NoiseScheduleConfig;
import org.anomalyforge.generator.sampling.SchedulerConfigJson;
import org.anomalyforge.generator.text.ClipTextModel;
import org.anomalyforge.generator.tokenizer.ClipBpeTokenizer;
import org.anomalyforge.generator.tokenizer.Tokenizer;
import org.anomalyforge.generator.tokenizer.WordLevelTokenizer;
import org.anomalyforge.generator.unet.UNet2DConditionModel;
import org.anomalyforge.generator.vae.AutoencoderKL;
import org.anomalyforge.generator.weights.Component;
import org.anomalyforge.generator.weights.ImportMode;
import org.anomalyforge.generator.weights.WeightExporter;
import org.anomalyforge.generator.weights.WeightImporter;

/**
 * Writes and reads the model part of a SeaS checkpoint directory (seas.md §10.1):
 * <pre>
 * config.json                         {@link SeasRunConfig}
 * scheduler/scheduler_config.json     diffusers form of the noise schedule
 * tokenizer/vocab.json                tiny: word → id (incl. ob1, sks*); sd14: CLIP files verbatim + added_tokens.json
 * weights/unet.safetensors            diffusers keys, F32, registry order
 * weights/vae.safetensors
 * weights/text_encoder.safetensors    transformers keys, the extended token table
 * weights/rmp.safetensors             after stage 2: original RMP keys, BN buffers included
 * </pre>
 * Every file is written under a temporary name in its folder and renamed, so a crash never leaves a half file.
 */
public final class SeasCheckpoint {

    public static final String CONFIG = "config.json";
    public static final String SCHEDULER = "scheduler/scheduler_config.json";
    public static final String TOKENIZER_DIR = "tokenizer";
    public static final String UNET = "weights/unet.safetensors";
    public static final String VAE = "weights/vae.safetensors";
    public static final String TEXT = "weights/text_encoder.safetensors";
    /** Present after stage 2 only. */
    public static final String RMP = "weights/rmp.safetensors";

    private SeasCheckpoint() {
    }

    /** Writes the model files of {@code models} below {@code dir}. */
    public static void write(SeasModels models, String product, SeasTrainingSettings settings, Path dir)
            throws IOException {
        SeasRunConfig config = new SeasRunConfig(SeasRunConfig.FORMAT_VERSION, SeasRunConfig.FORMAT, product,
                models.config(), models.prompts().defectTypes(), models.tokenIds(),
                models.bpeDirectory() == null ? SeasRunConfig.WORD_LEVEL : SeasRunConfig.CLIP_BPE, settings);
        writeAtomically(dir.resolve(CONFIG), tmp -> Files.writeString(tmp, ConfigJson.toJson(config),
                StandardCharsets.UTF_8));
        writeAtomically(dir.resolve(SCHEDULER), tmp -> SchedulerConfigJson.write(models.schedule(), tmp));
        exportWeights(models.unet(), Component.UNET, dir.resolve(UNET));
        exportWeights(models.vae(), Component.VAE, dir.resolve(VAE));
        exportWeights(models.text(), Component.TEXT_ENCODER, dir.resolve(TEXT));
        if (models.rmp() != null) {
            exportWeights(models.rmp(), Component.RMP, dir.resolve(RMP));
        }
        Path tok = dir.resolve(TOKENIZER_DIR);
        if (models.tokenizer() instanceof WordLevelTokenizer words) {
            writeAtomically(tok.resolve("vocab.json"), words::write);
        } else if (models.tokenizer() instanceof ClipBpeTokenizer bpe) {
            for (String name : new String[] {"vocab.json", "merges.txt"}) {
                Path source = models.bpeDirectory().resolve(name);
                writeAtomically(tok.resolve(name), tmp -> Files.copy(source, tmp, StandardCopyOption.REPLACE_EXISTING));
            }
            writeAtomically(tok.resolve("added_tokens.json"), bpe::writeAddedTokens);
        } else {
            throw new IllegalArgumentException("cannot save tokenizer of type "
                    + models.tokenizer().getClass().getName());
        }
    }

    /** Reads {@code config.json} of a checkpoint directory. */
    public static SeasRunConfig readConfig(Path dir) throws IOException {
        return ConfigJson.read(dir.resolve(CONFIG), SeasRunConfig.class);
    }

    /** Builds the networks of {@code dir} and imports their weights (strict). */
    public static SeasModels read(Path dir, NDManager parent) throws IOException {
        SeasRunConfig config = readConfig(dir);
        NoiseScheduleConfig schedule = SchedulerConfigJson.read(dir.resolve(SCHEDULER));
        NDManager manager = parent.newSubManager();
        try {
            UNet2DConditionModel unet = new UNet2DConditionModel(config.model().unet());
            AutoencoderKL vae = new AutoencoderKL(config.model().vae());
            ClipTextModel text = new ClipTextModel(config.model().textEncoder());
            importWeights(unet, Component.UNET, dir.resolve(UNET), manager);
            importWeights(vae, Component.VAE, dir.resolve(VAE), manager);
            importWeights(text, Component.TEXT_ENCODER, dir.resolve(TEXT), manager);
            Path tok = dir.resolve(TOKENIZER_DIR);
            Tokenizer tokenizer = SeasRunConfig.WORD_LEVEL.equals(config.tokenizer())
                    ? WordLevelTokenizer.read(tok.resolve("vocab.json"), config.model().textEncoder().maxPositions())
                    : ClipBpeTokenizer.fromDirectory(tok);
            PromptSet prompts = PromptSet.of(config.defectTypes());
            if (!config.tokenIds().equals(SeasModels.tokenIds(prompts, tokenizer))) {
                throw new IOException(dir.resolve(CONFIG) + ": token map " + config.tokenIds()
                        + " disagrees with the tokenizer files in " + tok);
            }
            SeasModels models = new SeasModels(config.model(), unet, vae, text, tokenizer, prompts, schedule, manager,
                    SeasRunConfig.CLIP_BPE.equals(config.tokenizer()) ? tok : null);
            if (Files.exists(dir.resolve(RMP))) {
                RefinedMaskPredictor rmp = new RefinedMaskPredictor(RmpConfig.of(config.model()));
                importWeights(rmp, Component.RMP, dir.resolve(RMP), manager);
                models = models.withRmp(rmp);
            }
            return models;
        } catch (IOException | RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    /** Overwrites the weights of already-built {@code models} with those of {@code dir} (training resume). */
    public static void restoreWeights(SeasModels models, Path dir) throws IOException {
        WeightImporter.importFile(models.unet(), Component.UNET, dir.resolve(UNET), ImportMode.STRICT);
        WeightImporter.importFile(models.vae(), Component.VAE, dir.resolve(VAE), ImportMode.STRICT);
        WeightImporter.importFile(models.text(), Component.TEXT_ENCODER, dir.resolve(TEXT), ImportMode.STRICT);
    }

    private static void importWeights(ModuleBlock model, Component component, Path file, NDManager manager)
            throws IOException {
        ModelInitialization.zeros(model, manager);
        WeightImporter.importFile(model, component, file, ImportMode.STRICT);
    }

    private static void exportWeights(ModuleBlock model, Component component, Path target) throws IOException {
        writeAtomically(target, tmp -> WeightExporter.export(model, component, tmp));
    }

    /** Writes through {@code writer} into a temporary sibling of {@code target}, then renames it atomically. */
    public static void writeAtomically(Path target, FileWriter writer) throws IOException {
        Files.createDirectories(target.getParent());
        Path tmp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
        try {
            writer.write(tmp);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Writes one file. */
    @FunctionalInterface
    public interface FileWriter {
        void write(Path file) throws IOException;
    }
}
