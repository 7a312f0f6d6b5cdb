package org.anomalyforge.generator.weights;

import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.anomalyforge.generator.config.SeasModelConfig;
import org.anomalyforge.generator.nn.ModelInitialization;
import org.anomalyforge.generator.nn.ModuleBlock;
import org.anomalyforge.generator.text.ClipTextModel;
import org.anomalyforge.generator.unet.UNet2DConditionModel;
import org.anomalyforge.generator.vae.AutoencoderKL;

/**
 * Imports the three networks of a diffusers pipeline folder (seas.md §10.3): {@code unet/}, {@code vae/},
 * {@code text_encoder/}, each {@code <stem>.safetensors} or, if absent, {@code <stem>.fp16.safetensors}. Models are
 * allocated with zeros and then filled strictly (or leniently) by {@link WeightImporter}. {@code .bin} and
 * {@code .ckpt} pickles are never read. Tokenizer and scheduler checks belong to the checkpoint importer.
 */
public final class DiffusersFolderImport {

    private DiffusersFolderImport() {
    }

    /** The three imported networks and their reports. */
    public record Result(UNet2DConditionModel unet, AutoencoderKL vae, ClipTextModel textEncoder,
            ImportReport unetReport, ImportReport vaeReport, ImportReport textReport) {
    }

    /**
     * @param folder  diffusers pipeline folder
     * @param config  the architecture to build (e.g. {@link SeasModelConfig#sd14()} with the base vocabulary)
     * @param manager owner of the parameter arrays
     * @param mode    STRICT or LENIENT
     */
    public static Result importFolder(Path folder, SeasModelConfig config, NDManager manager, ImportMode mode)
            throws IOException {
        Path unetFile = weightFile(folder, Component.UNET);
        Path vaeFile = weightFile(folder, Component.VAE);
        Path textFile = weightFile(folder, Component.TEXT_ENCODER);
        UNet2DConditionModel unet = new UNet2DConditionModel(config.unet());
        AutoencoderKL vae = new AutoencoderKL(config.vae());
        ClipTextModel text = new ClipTextModel(config.textEncoder());
        return new Result(unet, vae, text, load(unet, Component.UNET, unetFile, manager, mode),
                load(vae, Component.VAE, vaeFile, manager, mode), load(text, Component.TEXT_ENCODER, textFile, manager,
                        mode));
    }

    /** {@code <folder>/<component>/<stem>.safetensors}, else the {@code .fp16} variant; fails naming both. */
    public static Path weightFile(Path folder, Component component) throws IOException {
        Path dir = folder.resolve(component.diffusersFolder());
        Path full = dir.resolve(component.diffusersStem() + ".safetensors");
        if (Files.isRegularFile(full)) {
            return full;
        }
        Path half = dir.resolve(component.diffusersStem() + ".fp16.safetensors");
        if (Files.isRegularFile(half)) {
            return half;
        }
        throw new NoSuchFileException(full.toString(), half.toString(),
                "no " + component.label() + " weights (neither file exists)");
    }

    private static ImportReport load(ModuleBlock model, Component c, Path file, NDManager manager, ImportMode mode)
            throws IOException {
        ModelInitialization.zeros(model, manager);
        return WeightImporter.importFile(model, c, file, mode);
    }
}
