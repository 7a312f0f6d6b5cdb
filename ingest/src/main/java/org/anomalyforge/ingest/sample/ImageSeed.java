package org.anomalyforge.ingest.sample;

import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Derives one independent random stream per image from the image's identity, so an image never depends on
 * which images were rendered before it: output is the same whether rendered alone, in order or in parallel.
 */
final class ImageSeed {

    /** Stream for the defect-free surface (texture layout, colours, lighting). */
    static final long SURFACE_STREAM = 0x53_55_52_46L;
    /** Stream for the defect painted on that surface (shape, position, colour). */
    static final long DEFECT_STREAM = 0x44_45_46_45L;

    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private ImageSeed() {
    }

    /**
     * A random stream for one image.
     *
     * @param defect empty for a good image; {@code "good"} is no defect type, so the two never collide
     * @param stream {@link #SURFACE_STREAM} or {@link #DEFECT_STREAM}
     */
    static SplittableRandom random(long seed, ProductKind kind, String split, Optional<String> defect, int index,
                                   long stream) {
        long h = mix64(seed + GOLDEN_GAMMA);
        h = mix64(h ^ stableHash(kind.folderName()));
        h = mix64(h ^ stableHash(split));
        h = mix64(h ^ stableHash(defect.orElse("good")));
        h = mix64(h ^ (index + GOLDEN_GAMMA));
        h = mix64(h ^ stream);
        return new SplittableRandom(h);
    }

    /** The SplitMix64 finaliser: a bijective 64-bit mix in which every input bit affects every output bit. */
    static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** 64-bit FNV-1a over the UTF-16 code units: fixed by this code, unlike anything JVM-defined. */
    private static long stableHash(String text) {
        long h = 0xCBF29CE484222325L;
        for (int i = 0; i < text.length(); i++) {
            h ^= text.charAt(i);
            h *= 0x100000001B3L;
        }
        return h;
    }
}
