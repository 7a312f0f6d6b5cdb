package org.anomalyforge.ingest.image;

import java.util.Arrays;

/**
 * An 8-bit RGB image held in plain Java memory, row-major, interleaved (H × W × 3).
 *
 * <p>This is the type that carries pixels across module boundaries: unlike an OpenCV {@code Mat} it
 * owns no native memory, so it can be passed around, cached and serialised freely.
 *
 * @param width  columns, at least 1
 * @param height rows, at least 1
 * @param pixels {@code height * width * 3} bytes, R G B per pixel, unsigned
 */
public record RgbImage(int width, int height, byte[] pixels) {

    public RgbImage {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("image size must be at least 1×1, got " + width + "×" + height);
        }
        long expected = (long) width * height * 3;
        if (pixels == null || pixels.length != expected) {
            throw new IllegalArgumentException("pixels must hold width*height*3 = " + expected + " bytes for "
                    + width + "×" + height + ", got " + (pixels == null ? "null" : pixels.length));
        }
    }

    /** A black image of the given size. */
    public static RgbImage blank(int width, int height) {
        return new RgbImage(width, height, new byte[Math.multiplyExact(Math.multiplyExact(width, height), 3)]);
    }

    /** Channel {@code c} (0 = R, 1 = G, 2 = B) of pixel (x, y), 0–255. */
    public int get(int x, int y, int c) {
        return pixels[(y * width + x) * 3 + c] & 0xff;
    }

    /** Sets pixel (x, y) to (r, g, b), each clamped to 0–255. */
    public void set(int x, int y, int r, int g, int b) {
        int i = (y * width + x) * 3;
        pixels[i] = (byte) clamp(r);
        pixels[i + 1] = (byte) clamp(g);
        pixels[i + 2] = (byte) clamp(b);
    }

    private static int clamp(int v) {
        return v < 0 ? 0 : Math.min(v, 255);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RgbImage other && width == other.width && height == other.height
                && Arrays.equals(pixels, other.pixels);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * width + height) + Arrays.hashCode(pixels);
    }

    @Override
    public String toString() {
        return "RgbImage[" + width + "×" + height + "]";
    }
}
