package org.anomalyforge.generator.config;

import java.util.ArrayList;
import java.util.List;

/**
 * The networks of one SeaS profile (seas.md §3.1): U-Net, VAE, text encoder and the U-Net resolutions whose
 * cross-attention down blocks feed the DA loss. {@link #tiny()} and {@link #sd14()} are built by the same code
 * path; any other consistent configuration file works too.
 *
 * @param profile        a label, e.g. {@code "tiny"} or {@code "sd14"}
 * @param imageSize      image side S
 * @param unet           U-Net architecture
 * @param vae            VAE architecture and scaling factor
 * @param textEncoder    text encoder layout
 * @param daResolutions  resolutions of the DA blocks (tiny 16, 8; sd14 32, 16): each must be the resolution of a
 *                       cross-attention down block
 */
public record SeasModelConfig(String profile, int imageSize, UNetConfig unet, VaeConfig vae,
        TextEncoderConfig textEncoder, List<Integer> daResolutions) {

    private static final String R = "SeasModelConfig";

    public SeasModelConfig {
        if (profile == null || profile.isBlank()) {
            throw new IllegalArgumentException(R + ".profile must be a non-blank label, got '" + profile + "'");
        }
        ConfigChecks.positive(R, "imageSize", imageSize);
        if (unet == null || vae == null || textEncoder == null) {
            throw new IllegalArgumentException(R + ": unet, vae and textEncoder must all be set");
        }
        daResolutions = ConfigChecks.nonEmptyCopy(R, "daResolutions", daResolutions);
        if (vae.sampleSize() != imageSize) {
            throw new IllegalArgumentException(R + ".vae.sampleSize must equal imageSize " + imageSize + ", got "
                    + vae.sampleSize());
        }
        if (vae.latentSize() != unet.sampleSize()) {
            throw new IllegalArgumentException(R + ".unet.sampleSize must equal the VAE latent side S/f = "
                    + vae.latentSize() + ", got " + unet.sampleSize());
        }
        if (vae.latentChannels() != unet.inChannels() || vae.latentChannels() != unet.outChannels()) {
            throw new IllegalArgumentException(R + ": unet in/out channels must equal vae.latentChannels "
                    + vae.latentChannels() + ", got " + unet.inChannels() + "/" + unet.outChannels());
        }
        if (textEncoder.width() != unet.crossAttentionDim()) {
            throw new IllegalArgumentException(R + ".unet.crossAttentionDim must equal textEncoder.width "
                    + textEncoder.width() + ", got " + unet.crossAttentionDim());
        }
        for (int r : daResolutions) {
            daBlock(unet, r);
        }
    }

    /** The tiny CPU profile of seas.md §3.1 (128² images, 16² latents). The VAE scaling factor is 1.0 until stage 0. */
    public static SeasModelConfig tiny() {
        UNetConfig unet = new UNetConfig(16, 4, 4, List.of(32, 64, 128),
                List.of(DownBlockType.CROSS_ATTN_DOWN, DownBlockType.CROSS_ATTN_DOWN, DownBlockType.DOWN),
                List.of(UpBlockType.UP, UpBlockType.CROSS_ATTN_UP, UpBlockType.CROSS_ATTN_UP),
                2, 4, 128, 1, 8, 1e-5, 1e-6, true, 0);
        VaeConfig vae = new VaeConfig(128, 3, 3, 4, List.of(16, 32, 64, 64), 1, 8, 1e-6, 1.0);
        TextEncoderConfig text = new TextEncoderConfig(7, 128, 2, 4, 512, 77, TextActivation.QUICK_GELU, 1e-5);
        return new SeasModelConfig("tiny", 128, unet, vae, text, List.of(16, 8));
    }

    /** Stable Diffusion v1-4 exactly (diffusers layout, 512² images, 64² latents). */
    public static SeasModelConfig sd14() {
        UNetConfig unet = new UNetConfig(64, 4, 4, List.of(320, 640, 1280, 1280),
                List.of(DownBlockType.CROSS_ATTN_DOWN, DownBlockType.CROSS_ATTN_DOWN, DownBlockType.CROSS_ATTN_DOWN,
                        DownBlockType.DOWN),
                List.of(UpBlockType.UP, UpBlockType.CROSS_ATTN_UP, UpBlockType.CROSS_ATTN_UP,
                        UpBlockType.CROSS_ATTN_UP),
                2, 8, 768, 1, 32, 1e-5, 1e-6, true, 0);
        VaeConfig vae = new VaeConfig(512, 3, 3, 4, List.of(128, 256, 512, 512), 2, 32, 1e-6, 0.18215);
        TextEncoderConfig text = new TextEncoderConfig(49408, 768, 12, 12, 3072, 77, TextActivation.QUICK_GELU, 1e-5);
        return new SeasModelConfig("sd14", 512, unet, vae, text, List.of(32, 16));
    }

    /** Down-block indices of the DA blocks, in {@link #daResolutions} order (tiny 0, 1; sd14 1, 2). */
    public List<Integer> daDownBlocks() {
        List<Integer> out = new ArrayList<>();
        for (int r : daResolutions) {
            out.add(daBlock(unet, r));
        }
        return List.copyOf(out);
    }

    /** Up-block index of the RMP tap "up-2": output resolution r₀/2 (tiny 0, sd14 1). */
    public int rmpUp2Block() {
        return firstUpBlockWithOutput(unet.sampleSize() / 2);
    }

    /** Up-block index of the RMP tap "up-3": the first up block whose output resolution is r₀ (tiny 1, sd14 2). */
    public int rmpUp3Block() {
        return firstUpBlockWithOutput(unet.sampleSize());
    }

    /** Number of RMP VAE taps = number of MRMs = log₂ f (3 for f = 8). */
    public int vaeTapCount() {
        return Integer.numberOfTrailingZeros(vae.downscaleFactor());
    }

    /** The same profile with another VAE scaling factor. */
    public SeasModelConfig withVae(VaeConfig newVae) {
        return new SeasModelConfig(profile, imageSize, unet, newVae, textEncoder, daResolutions);
    }

    /** The same profile with another text-encoder layout (e.g. an extended token table). */
    public SeasModelConfig withTextEncoder(TextEncoderConfig newText) {
        return new SeasModelConfig(profile, imageSize, unet, vae, newText, daResolutions);
    }

    private int firstUpBlockWithOutput(int resolution) {
        for (int u = 0; u < unet.levels(); u++) {
            if (unet.upBlockOutputResolution(u) == resolution) {
                return u;
            }
        }
        throw new IllegalStateException(R + ": no up block outputs resolution " + resolution);
    }

    private static int daBlock(UNetConfig unet, int resolution) {
        for (int i = 0; i < unet.levels(); i++) {
            if (unet.downBlockResolution(i) == resolution) {
                if (!unet.downBlockTypes().get(i).hasCrossAttention()) {
                    throw new IllegalArgumentException(R + ".daResolutions: down block " + i + " at resolution "
                            + resolution + " has no cross-attention");
                }
                return i;
            }
        }
        throw new IllegalArgumentException(R + ".daResolutions must name down-block resolutions (r0 = "
                + unet.sampleSize() + " halved per level), got " + resolution);
    }
}
