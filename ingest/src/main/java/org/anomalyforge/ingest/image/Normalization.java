package org.anomalyforge.ingest.image;

/** How 8-bit RGB values become network input floats in {@link ImageCodec#toChw}. */
public enum Normalization {
    /** (v/255 − mean) / std per channel with the ImageNet statistics (LFD, DINOv2). */
    IMAGENET(new float[] {0.485f, 0.456f, 0.406f}, new float[] {0.229f, 0.224f, 0.225f}),
    /** v/127.5 − 1, i.e. [-1, 1] (Stable Diffusion's VAE). */
    MINUS_ONE_TO_ONE(new float[] {0.5f, 0.5f, 0.5f}, new float[] {0.5f, 0.5f, 0.5f}),
    /** v/255, i.e. [0, 1]. */
    UNIT(new float[] {0f, 0f, 0f}, new float[] {1f, 1f, 1f});

    private final float[] mean;
    private final float[] std;

    Normalization(float[] mean, float[] std) {
        this.mean = mean;
        this.std = std;
    }

    /** Normalised value of an 8-bit sample {@code v} (0–255) of channel {@code c}. */
    public float apply(int v, int c) {
        return (v / 255f - mean[c]) / std[c];
    }

    /** Inverse of {@link #apply}, rounded and clamped to 0–255. */
    public int invert(float x, int c) {
        long v = Math.round((x * std[c] + mean[c]) * 255.0);
        return (int) Math.max(0, Math.min(255, v));
    }
}
