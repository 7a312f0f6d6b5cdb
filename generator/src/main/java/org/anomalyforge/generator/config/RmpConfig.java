package org.anomalyforge.generator.config;

import java.util.ArrayList;
import java.util.List;

/**
 * The refined-mask-prediction branch of one profile (seas.md §3.1 table, §8.1).
 *
 * @param up2Channels      channels of the U-Net tap "up-2" (tiny 128, sd14 1280)
 * @param up3Channels      channels of the U-Net tap "up-3" (tiny 64, sd14 640)
 * @param up2Compressed    {@code low_feature_conv} output width (tiny 16, sd14 128)
 * @param up3Compressed    {@code mid_feature_conv} output width (tiny 16, sd14 64); the fused width w is the sum
 * @param heads            self-attention heads of the fusion transformer (tiny 2, sd14 8)
 * @param transformerLayers fusion transformer blocks (4)
 * @param normGroups       GroupNorm groups of the fusion transformer (tiny 8, sd14 32)
 * @param mrmInChannels    VAE decoder tap channels, one MRM each (tiny 64, 64, 32; sd14 512, 512, 256)
 */
public record RmpConfig(int up2Channels, int up3Channels, int up2Compressed, int up3Compressed, int heads,
        int transformerLayers, int normGroups, List<Integer> mrmInChannels) {

    private static final String R = "RmpConfig";

    public RmpConfig {
        ConfigChecks.positive(R, "up2Channels", up2Channels);
        ConfigChecks.positive(R, "up3Channels", up3Channels);
        ConfigChecks.positive(R, "up2Compressed", up2Compressed);
        ConfigChecks.positive(R, "up3Compressed", up3Compressed);
        ConfigChecks.positive(R, "heads", heads);
        ConfigChecks.positive(R, "transformerLayers", transformerLayers);
        ConfigChecks.positive(R, "normGroups", normGroups);
        mrmInChannels = List.copyOf(mrmInChannels);
        if (mrmInChannels.isEmpty()) {
            throw new IllegalArgumentException(R + ".mrmInChannels must name at least one VAE tap, got none");
        }
        int w = up2Compressed + up3Compressed;
        if (w % heads != 0 || w % normGroups != 0) {
            throw new IllegalArgumentException(R + ": fused width " + w + " must be divisible by heads " + heads
                    + " and normGroups " + normGroups);
        }
    }

    /** Fused width w = compressed up-2 + compressed up-3 (tiny 32, sd14 192). */
    public int width() {
        return up2Compressed + up3Compressed;
    }

    /** Width per attention head (tiny 16, sd14 24). */
    public int headDim() {
        return width() / heads;
    }

    /**
     * The branch for {@code model}: tap channels follow the U-Net and VAE; widths are the profile's (the original
     * divides the taps 10×; tiny keeps w = 32 so the 4-layer transformer stays cheap on CPU).
     */
    public static RmpConfig of(SeasModelConfig model) {
        List<Integer> unetUp = new ArrayList<>(model.unet().blockOutChannels());
        java.util.Collections.reverse(unetUp);
        List<Integer> vaeUp = new ArrayList<>(model.vae().blockOutChannels());
        java.util.Collections.reverse(vaeUp);
        int up2 = unetUp.get(model.rmpUp2Block());
        int up3 = unetUp.get(model.rmpUp3Block());
        List<Integer> taps = vaeUp.subList(0, model.vaeTapCount());
        return switch (model.profile()) {
            case "tiny" -> new RmpConfig(up2, up3, 16, 16, 2, 4, 8, taps);
            case "sd14" -> new RmpConfig(up2, up3, up2 / 10, up3 / 10, 8, 4, 32, taps);
            default -> throw new IllegalArgumentException("no RMP widths for profile '" + model.profile()
                    + "' (known: tiny, sd14)");
        };
    }
}
