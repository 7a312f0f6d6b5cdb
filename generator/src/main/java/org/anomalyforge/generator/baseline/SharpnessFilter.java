package org.anomalyforge.generator.baseline;

import org.anomalyforge.ingest.image.RgbImage;

/**
 * PIL {@code ImageEnhance.Sharpness}: blend between the image smoothed by PIL's SMOOTH kernel
 * ((1 1 1; 1 5 1; 1 1 1) / 13, border pixels kept) and the image itself. Factor 0 gives the smoothed image,
 * 1 the original, above 1 sharpens.
 */
final class SharpnessFilter {

    private SharpnessFilter() {}

    static RgbImage apply(RgbImage image, double factor) {
        int width = image.width();
        int height = image.height();
        byte[] in = image.pixels();
        byte[] out = in.clone();
        for (int y = 1; y < height - 1; y++) {
            for (int x = 1; x < width - 1; x++) {
                for (int c = 0; c < 3; c++) {
                    int centre = (y * width + x) * 3 + c;
                    int sum = 4 * (in[centre] & 0xff);
                    for (int dy = -1; dy <= 1; dy++) {
                        for (int dx = -1; dx <= 1; dx++) {
                            sum += in[((y + dy) * width + x + dx) * 3 + c] & 0xff;
                        }
                    }
                    double smooth = sum / 13.0;
                    double value = smooth + factor * ((in[centre] & 0xff) - smooth);
                    out[centre] = (byte) Math.max(0, Math.min(255, (int) Math.floor(value + 0.5)));
                }
            }
        }
        return new RgbImage(width, height, out);
    }
}
