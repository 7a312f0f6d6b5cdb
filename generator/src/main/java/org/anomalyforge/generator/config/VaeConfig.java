package org.anomalyforge.generator.config;

import java.util.List;

/**
 * AutoencoderKL architecture (diffusers config; seas.md §3.1, §3.5).
 *
 * @param sampleSize        image side S (128 tiny, 512 sd14)
 * @param inChannels        image channels (3)
 * @param outChannels       decoded channels (3)
 * @param latentChannels    latent channels (4); the encoder emits 2× this (mean, logvar)
 * @param blockOutChannels  channels per encoder down block (decoder mirrors them)
 * @param layersPerBlock    resnets per encoder block; decoder blocks have one more
 * @param normGroups        GroupNorm groups
 * @param normEps           GroupNorm eps (1e-6)
 * @param scalingFactor     s with z̃ = s·z (0.18215 for SD; for tiny measured by stage 0 and stored here —
 *                          the tiny profile starts at 1.0, the identity, until {@link #withScalingFactor})
 */
public record VaeConfig(int sampleSize, int inChannels, int outChannels, int latentChannels,
        List<Integer> blockOutChannels, int layersPerBlock, int normGroups, double normEps, double scalingFactor) {

    private static final String R = "VaeConfig";

    public VaeConfig {
        ConfigChecks.positive(R, "sampleSize", sampleSize);
        ConfigChecks.positive(R, "inChannels", inChannels);
        ConfigChecks.positive(R, "outChannels", outChannels);
        ConfigChecks.positive(R, "latentChannels", latentChannels);
        blockOutChannels = ConfigChecks.nonEmptyCopy(R, "blockOutChannels", blockOutChannels);
        ConfigChecks.positive(R, "layersPerBlock", layersPerBlock);
        ConfigChecks.positive(R, "normGroups", normGroups);
        ConfigChecks.positive(R, "normEps", normEps);
        ConfigChecks.positive(R, "scalingFactor", scalingFactor);
        for (int c : blockOutChannels) {
            ConfigChecks.positive(R, "blockOutChannels[i]", c);
            ConfigChecks.divisible(R, "blockOutChannels[i]", c, "normGroups", normGroups);
        }
        if (sampleSize % (1 << (blockOutChannels.size() - 1)) != 0) {
            throw new IllegalArgumentException(R + ".sampleSize must be divisible by the downscale factor "
                    + (1 << (blockOutChannels.size() - 1)) + ", got " + sampleSize);
        }
    }

    /** Downscale factor f = 2^(levels − 1). */
    public int downscaleFactor() {
        return 1 << (blockOutChannels.size() - 1);
    }

    /** Latent side r₀ = S / f. */
    public int latentSize() {
        return sampleSize / downscaleFactor();
    }

    /** Output channels of decoder up block j: reversed(blockOutChannels)[j]. */
    public int decoderUpBlockOutChannels(int j) {
        return blockOutChannels.get(blockOutChannels.size() - 1 - j);
    }

    /** Output resolution of decoder up block j, after its upsampler (if any). */
    public int decoderUpBlockOutputResolution(int j) {
        int levels = blockOutChannels.size();
        int runs = latentSize() << j;
        return j < levels - 1 ? 2 * runs : runs;
    }

    /** The same VAE with another scaling factor (stage 0 stores the measured s). */
    public VaeConfig withScalingFactor(double s) {
        return new VaeConfig(sampleSize, inChannels, outChannels, latentChannels, blockOutChannels, layersPerBlock,
                normGroups, normEps, s);
    }
}
