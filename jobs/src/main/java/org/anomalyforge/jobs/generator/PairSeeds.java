package org.anomalyforge.jobs.generator;

import java.nio.charset.StandardCharsets;

/**
 * Seeds of generated pairs: a pure function of (base seed, product, defect type, index), so any pair can
 * be regenerated alone and the result does not depend on partitioning.
 */
public final class PairSeeds {
    private PairSeeds() {}

    public static long of(long baseSeed, String product, String defectType, int index) {
        long h = mix(baseSeed);
        for (byte b : (product + "\u0000" + defectType).getBytes(StandardCharsets.UTF_8)) {
            h = mix(h ^ (b & 0xff));
        }
        return mix(h ^ index) & Long.MAX_VALUE;   // non-negative, for readable file names
    }

    /** The SplitMix64 finaliser: a bijective 64-bit mixer. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
