package org.anomalyforge.ingest.sample;

import java.util.SplittableRandom;

/** A linear RGB colour with channels on the 0–255 scale (may leave that range before final clamping). */
record Colour(float r, float g, float b) {

    /** This colour with every channel multiplied by {@code factor}. */
    Colour times(float factor) {
        return new Colour(r * factor, g * factor, b * factor);
    }

    /**
     * This colour varied as one product batch varies from the next: overall brightness by up to
     * ±{@code brightness} and each channel by up to ±{@code tint} (relative).
     */
    Colour jittered(SplittableRandom random, double brightness, double tint) {
        float scale = (float) (1 + brightness * (2 * random.nextDouble() - 1));
        return new Colour(r * scale * (float) (1 + tint * (2 * random.nextDouble() - 1)),
                g * scale * (float) (1 + tint * (2 * random.nextDouble() - 1)),
                b * scale * (float) (1 + tint * (2 * random.nextDouble() - 1)));
    }
}
