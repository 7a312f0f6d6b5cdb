package org.anomalyforge.generator.weights;

import java.util.List;
import java.util.Optional;

/**
 * The three weight files of a SeaS model and how their file keys map to our registry names (seas.md §10.3):
 * U-Net identity; VAE identity except the legacy mid-block attention names; text encoder identity without the
 * {@code position_ids} buffer. A leading {@code module.} is stripped for all.
 */
public enum Component {
    /** UNet2DConditionModel, {@code unet/diffusion_pytorch_model[.fp16].safetensors}. */
    UNET("unet", "unet", "diffusion_pytorch_model"),
    /** AutoencoderKL, {@code vae/diffusion_pytorch_model[.fp16].safetensors}. */
    VAE("vae", "vae", "diffusion_pytorch_model"),
    /** CLIPTextModel, {@code text_encoder/model[.fp16].safetensors}. */
    TEXT_ENCODER("text_encoder", "text_encoder", "model"),
    /** The refined-mask-prediction branch (stage 2), original RMP keys, BN buffers included; ours only. */
    RMP("rmp", "rmp", "rmp");

    private static final String MODULE_PREFIX = "module.";
    private static final String POSITION_IDS = "text_model.embeddings.position_ids";

    private final String label;
    private final String diffusersFolder;
    private final String diffusersStem;

    Component(String label, String diffusersFolder, String diffusersStem) {
        this.label = label;
        this.diffusersFolder = diffusersFolder;
        this.diffusersStem = diffusersStem;
    }

    /** The three components a diffusers pipeline folder holds (all but {@link #RMP}), in this order. */
    public static List<Component> diffusers() {
        return List.of(UNET, VAE, TEXT_ENCODER);
    }

    /** Name used in metadata and messages ({@code unet}, {@code vae}, {@code text_encoder}). */
    public String label() {
        return label;
    }

    /** Sub-folder of a diffusers pipeline folder. */
    public String diffusersFolder() {
        return diffusersFolder;
    }

    /** File stem inside that folder (before {@code [.fp16].safetensors}). */
    public String diffusersStem() {
        return diffusersStem;
    }

    /**
     * Our registry name for a file key, or empty if the key is a known buffer that is dropped
     * ({@code text_model.embeddings.position_ids}).
     */
    public Optional<String> registryName(String fileKey) {
        String key = fileKey.startsWith(MODULE_PREFIX) ? fileKey.substring(MODULE_PREFIX.length()) : fileKey;
        if (this == TEXT_ENCODER && key.equals(POSITION_IDS)) {
            return Optional.empty();
        }
        if (this == VAE) {
            return Optional.of(LegacyVaeNames.toCurrent(key));
        }
        return Optional.of(key);
    }
}
