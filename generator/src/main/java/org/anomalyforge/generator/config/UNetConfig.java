package org.anomalyforge.generator.config;

import java.util.List;

/**
 * UNet2DConditionModel architecture (diffusers config, SD-1 style; seas.md §3.1, §3.4).
 *
 * @param sampleSize          latent side r₀ the model is trained at (16 tiny, 64 sd14); the network itself is
 *                            fully convolutional, this fixes the block resolutions the taps refer to
 * @param inChannels          latent channels in (4)
 * @param outChannels         ε channels out (4)
 * @param blockOutChannels    channels per down block; up block u outputs reversed(blockOutChannels)[u]
 * @param downBlockTypes      one per level
 * @param upBlockTypes        one per level (same count)
 * @param layersPerBlock      resnets per down block; up blocks have layersPerBlock + 1
 * @param attentionHeads      heads of every transformer; head dim = channels / heads
 * @param crossAttentionDim   context width (= text encoder width)
 * @param transformerLayers   BasicTransformerBlocks per Transformer2DModel (1 in SD)
 * @param normGroups          GroupNorm groups everywhere in the U-Net
 * @param normEps             ResNet and output GroupNorm eps (1e-5)
 * @param transformerNormEps  GroupNorm eps inside Transformer2DModel (1e-6)
 * @param flipSinToCos        timestep sinusoid order: cosines first when true
 * @param freqShift           diffusers' downscale_freq_shift (0 for SD)
 */
public record UNetConfig(int sampleSize, int inChannels, int outChannels, List<Integer> blockOutChannels,
        List<DownBlockType> downBlockTypes, List<UpBlockType> upBlockTypes, int layersPerBlock, int attentionHeads,
        int crossAttentionDim, int transformerLayers, int normGroups, double normEps, double transformerNormEps,
        boolean flipSinToCos, double freqShift) {

    private static final String R = "UNetConfig";

    public UNetConfig {
        ConfigChecks.positive(R, "sampleSize", sampleSize);
        ConfigChecks.positive(R, "inChannels", inChannels);
        ConfigChecks.positive(R, "outChannels", outChannels);
        blockOutChannels = ConfigChecks.nonEmptyCopy(R, "blockOutChannels", blockOutChannels);
        downBlockTypes = ConfigChecks.nonEmptyCopy(R, "downBlockTypes", downBlockTypes);
        upBlockTypes = ConfigChecks.nonEmptyCopy(R, "upBlockTypes", upBlockTypes);
        if (downBlockTypes.size() != blockOutChannels.size() || upBlockTypes.size() != blockOutChannels.size()) {
            throw new IllegalArgumentException(R + ": downBlockTypes (" + downBlockTypes.size() + ") and upBlockTypes ("
                    + upBlockTypes.size() + ") must have one entry per blockOutChannels entry ("
                    + blockOutChannels.size() + ")");
        }
        ConfigChecks.positive(R, "layersPerBlock", layersPerBlock);
        ConfigChecks.positive(R, "attentionHeads", attentionHeads);
        ConfigChecks.positive(R, "crossAttentionDim", crossAttentionDim);
        ConfigChecks.positive(R, "transformerLayers", transformerLayers);
        ConfigChecks.positive(R, "normGroups", normGroups);
        ConfigChecks.positive(R, "normEps", normEps);
        ConfigChecks.positive(R, "transformerNormEps", transformerNormEps);
        for (int c : blockOutChannels) {
            ConfigChecks.positive(R, "blockOutChannels[i]", c);
            ConfigChecks.divisible(R, "blockOutChannels[i]", c, "normGroups", normGroups);
            ConfigChecks.divisible(R, "blockOutChannels[i]", c, "attentionHeads", attentionHeads);
        }
        if (sampleSize % (1 << (blockOutChannels.size() - 1)) != 0) {
            throw new IllegalArgumentException(R + ".sampleSize must be divisible by 2^(levels-1) = "
                    + (1 << (blockOutChannels.size() - 1)) + ", got " + sampleSize);
        }
        if (!(freqShift >= 0 && freqShift < blockOutChannels.get(0) / 2.0)) {
            throw new IllegalArgumentException(R + ".freqShift must be in [0, blockOutChannels[0]/2), got " + freqShift);
        }
    }

    /** Number of resolution levels. */
    public int levels() {
        return blockOutChannels.size();
    }

    /** Sinusoid width C₀ = blockOutChannels[0]. */
    public int timeProjectionDim() {
        return blockOutChannels.get(0);
    }

    /** Time embedding width 4·C₀. */
    public int timeEmbeddingDim() {
        return 4 * blockOutChannels.get(0);
    }

    /** Resolution at which down block i runs its resnets (r₀ / 2^i). */
    public int downBlockResolution(int i) {
        return sampleSize >> i;
    }

    /** Output channels of up block u: reversed(blockOutChannels)[u]. */
    public int upBlockOutChannels(int u) {
        return blockOutChannels.get(levels() - 1 - u);
    }

    /** Output resolution of up block u, after its upsampler (if any). */
    public int upBlockOutputResolution(int u) {
        int runs = sampleSize >> (levels() - 1 - u);
        return u < levels() - 1 ? 2 * runs : runs;
    }
}
