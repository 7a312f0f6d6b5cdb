package org.anomalyforge.generator.baseline;

import org.anomalyforge.ingest.image.BinaryMask;
import org.anomalyforge.ingest.image.RgbImage;

/**
 * DRAEM's blend I_a = (1 − M) ⊙ I + (1 − β)(M ⊙ A) + β (M ⊙ I) on 8-bit images.
 *
 * <p>Outside the mask the bytes are copied unchanged. Inside, each channel is
 * {@code floor((1 − β)·A + β·I + 0.5)} evaluated in double: round to nearest, ties up. The result is a
 * convex combination of two bytes, so it never needs clamping.
 */
public final class AnomalyBlend {

    private AnomalyBlend() {}

    /** The blended image; {@code normal}, {@code mask} and {@code anomaly} must share one size. */
    public static RgbImage blend(RgbImage normal, BinaryMask mask, RgbImage anomaly, double beta) {
        if (normal == null || mask == null || anomaly == null) {
            throw new IllegalArgumentException("normal, mask and anomaly must not be null, got normal=" + normal
                    + ", mask=" + mask + ", anomaly=" + anomaly);
        }
        if (mask.width() != normal.width() || mask.height() != normal.height()) {
            throw new IllegalArgumentException("mask size must equal the normal image size " + normal.width() + "×"
                    + normal.height() + ", got " + mask.width() + "×" + mask.height());
        }
        if (anomaly.width() != normal.width() || anomaly.height() != normal.height()) {
            throw new IllegalArgumentException("anomaly size must equal the normal image size " + normal.width()
                    + "×" + normal.height() + ", got " + anomaly.width() + "×" + anomaly.height());
        }
        if (!(beta >= 0 && beta <= 1)) {
            throw new IllegalArgumentException("beta must be in [0, 1], got " + beta);
        }
        byte[] in = normal.pixels();
        byte[] source = anomaly.pixels();
        byte[] inside = mask.pixels();
        byte[] out = in.clone();
        double anomalyWeight = 1 - beta;
        for (int p = 0; p < inside.length; p++) {
            if (inside[p] == 0) {
                continue;
            }
            for (int i = p * 3, end = i + 3; i < end; i++) {
                double value = anomalyWeight * (source[i] & 0xff) + beta * (in[i] & 0xff);
                out[i] = (byte) (int) Math.floor(value + 0.5);
            }
        }
        return new RgbImage(normal.width(), normal.height(), out);
    }
}
