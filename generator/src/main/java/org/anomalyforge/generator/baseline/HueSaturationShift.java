package org.anomalyforge.generator.baseline;

import org.anomalyforge.ingest.image.RgbImage;

/** Rotates hue and offsets saturation in HSV space, pixel by pixel, without per-pixel allocation. */
final class HueSaturationShift {

    private HueSaturationShift() {}

    /**
     * @param hueDegrees added to the hue, wrapping around 360°
     * @param saturation added to the saturation (0–1 scale), clamped to [0, 1]
     */
    static RgbImage apply(RgbImage image, double hueDegrees, double saturation) {
        byte[] in = image.pixels();
        byte[] out = new byte[in.length];
        for (int i = 0; i < in.length; i += 3) {
            double r = (in[i] & 0xff) / 255.0;
            double g = (in[i + 1] & 0xff) / 255.0;
            double b = (in[i + 2] & 0xff) / 255.0;
            double max = Math.max(r, Math.max(g, b));
            double min = Math.min(r, Math.min(g, b));
            double chroma = max - min;
            double hue;
            if (chroma == 0) {
                hue = 0;
            } else if (max == r) {
                hue = 60 * (((g - b) / chroma) % 6);
            } else if (max == g) {
                hue = 60 * ((b - r) / chroma + 2);
            } else {
                hue = 60 * ((r - g) / chroma + 4);
            }
            double sat = max == 0 ? 0 : chroma / max;
            hue = ((hue + hueDegrees) % 360 + 360) % 360;
            sat = Math.max(0, Math.min(1, sat + saturation));
            writeHsv(out, i, hue, sat, max);
        }
        return new RgbImage(image.width(), image.height(), out);
    }

    /** HSV (hue in [0, 360), saturation and value in [0, 1]) to 8-bit RGB at {@code out[offset..offset+2]}. */
    private static void writeHsv(byte[] out, int offset, double hue, double sat, double value) {
        double chroma = value * sat;
        double sector = hue / 60;
        double x = chroma * (1 - Math.abs(sector % 2 - 1));
        double r;
        double g;
        double b;
        switch ((int) sector) {
            case 0 -> { r = chroma; g = x; b = 0; }
            case 1 -> { r = x; g = chroma; b = 0; }
            case 2 -> { r = 0; g = chroma; b = x; }
            case 3 -> { r = 0; g = x; b = chroma; }
            case 4 -> { r = x; g = 0; b = chroma; }
            default -> { r = chroma; g = 0; b = x; }
        }
        double m = value - chroma;
        out[offset] = toByte(r + m);
        out[offset + 1] = toByte(g + m);
        out[offset + 2] = toByte(b + m);
    }

    private static byte toByte(double unit) {
        return (byte) Math.max(0, Math.min(255, (int) Math.floor(unit * 255 + 0.5)));
    }
}
