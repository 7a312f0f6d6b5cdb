package org.anomalyforge.segmenter;

import java.util.Random;

import org.anomalyforge.ingest.image.BinaryMask;
import org.anomalyforge.ingest.image.ImageCodec;
import org.anomalyforge.ingest.image.RgbImage;

/** Procedural test images: a seeded flat texture, optionally with a bright square defect. */
public final class SyntheticImages {

    private static final ImageCodec CODEC = ImageCodec.withDefaults();

    private SyntheticImages() {
    }

    /** A textured size×size image; if {@code side > 0}, a bright square at (x0, y0). */
    public static RgbImage image(int size, long seed, int x0, int y0, int side) {
        Random r = new Random(seed);
        RgbImage img = RgbImage.blank(size, size);
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                int v = 90 + r.nextInt(30);
                img.set(x, y, v, v + 5, v - 10);
            }
        }
        for (int y = y0; y < y0 + side; y++) {
            for (int x = x0; x < x0 + side; x++) {
                img.set(x, y, 240, 230, 60);
            }
        }
        return img;
    }

    /** The mask of the square. */
    public static BinaryMask mask(int size, int x0, int y0, int side) {
        BinaryMask m = BinaryMask.empty(size, size);
        for (int y = y0; y < y0 + side; y++) {
            for (int x = x0; x < x0 + side; x++) {
                m.set(x, y, true);
            }
        }
        return m;
    }

    /** PNG bytes of {@link #image}. */
    public static byte[] imagePng(int size, long seed, int x0, int y0, int side) {
        return CODEC.encodePng(image(size, seed, x0, y0, side));
    }

    /** 0/255 PNG bytes of {@link #mask}. */
    public static byte[] maskPng(int size, int x0, int y0, int side) {
        return CODEC.encodeMaskPng(mask(size, x0, y0, side));
    }

    /** A defect sample with a square whose position and size derive from {@code seed}. */
    public static TrainingSample defect(String id, SampleOrigin origin, String type, int size, long seed) {
        Random r = new Random(seed * 31 + 7);
        int side = size / 8 + r.nextInt(Math.max(1, size / 8));
        int x0 = r.nextInt(size - side);
        int y0 = r.nextInt(size - side);
        return new TrainingSample(id, origin, type, imagePng(size, seed, x0, y0, side), maskPng(size, x0, y0, side));
    }

    /** A normal sample. */
    public static TrainingSample normal(String id, int size, long seed) {
        return new TrainingSample(id, SampleOrigin.NORMAL, null, imagePng(size, seed, 0, 0, 0), null);
    }
}
