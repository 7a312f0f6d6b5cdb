package org.anomalyforge.ingest.image;

import java.util.Arrays;

/**
 * A binary defect mask: one byte per pixel, 1 = defect, 0 = background, row-major (H × W).
 *
 * @param width  columns, at least 1
 * @param height rows, at least 1
 * @param pixels {@code height * width} bytes, each 0 or 1
 */
public record BinaryMask(int width, int height, byte[] pixels) {

    public BinaryMask {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("mask size must be at least 1×1, got " + width + "×" + height);
        }
        long expected = (long) width * height;
        if (pixels == null || pixels.length != expected) {
            throw new IllegalArgumentException("pixels must hold width*height = " + expected + " bytes for "
                    + width + "×" + height + ", got " + (pixels == null ? "null" : pixels.length));
        }
        for (int i = 0; i < pixels.length; i++) {
            if (pixels[i] != 0 && pixels[i] != 1) {
                throw new IllegalArgumentException("mask pixel " + i + " (x=" + (i % width) + ", y=" + (i / width)
                        + ") must be 0 or 1, got " + (pixels[i] & 0xff));
            }
        }
    }

    /** An all-background mask. */
    public static BinaryMask empty(int width, int height) {
        return new BinaryMask(width, height, new byte[Math.multiplyExact(width, height)]);
    }

    public boolean get(int x, int y) {
        return pixels[y * width + x] != 0;
    }

    public void set(int x, int y, boolean defect) {
        pixels[y * width + x] = (byte) (defect ? 1 : 0);
    }

    /** Number of defect pixels. */
    public long area() {
        long n = 0;
        for (byte p : pixels) {
            n += p;
        }
        return n;
    }

    /** Fraction of pixels that are defect, in [0, 1]. */
    public double coverage() {
        return (double) area() / pixels.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BinaryMask other && width == other.width && height == other.height
                && Arrays.equals(pixels, other.pixels);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * width + height) + Arrays.hashCode(pixels);
    }

    @Override
    public String toString() {
        return "BinaryMask[" + width + "×" + height + ", area=" + area() + "]";
    }
}
