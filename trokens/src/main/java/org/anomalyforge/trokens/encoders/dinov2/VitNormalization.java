package org.anomalyforge.trokens.encoders.dinov2;

/**
 * Input normalisation for the ViT encoders (spec §6.3, {@code vit.normalization}): {@code (v/255 − mean)/std}
 * per RGB channel after the squash resize. CLIP is the default; one normalisation serves clustering and tokens.
 */
public enum VitNormalization {
    /** CLIP statistics (default). */
    CLIP(new float[] {0.48145466f, 0.4578275f, 0.40821073f}, new float[] {0.26862954f, 0.26130258f, 0.27577711f}),
    /** ImageNet statistics. */
    IMAGENET(new float[] {0.485f, 0.456f, 0.406f}, new float[] {0.229f, 0.224f, 0.225f});

    private final float[] mean;
    private final float[] std;

    VitNormalization(float[] mean, float[] std) {
        this.mean = mean;
        this.std = std;
    }

    /** Normalised value of 8-bit sample {@code v} (0–255) of channel {@code c} (0 = R). */
    public float apply(int v, int c) {
        return (v / 255f - mean[c]) / std[c];
    }
}
