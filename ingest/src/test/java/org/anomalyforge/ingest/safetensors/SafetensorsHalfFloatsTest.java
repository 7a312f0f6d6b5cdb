package org.anomalyforge.ingest.safetensors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The F16/BF16 conversions against independent formulas, over every half pattern and random floats. */
class SafetensorsHalfFloatsTest {

    @Test
    void everyF16PatternWidensToItsDefinitionAndNarrowsBack() {
        for (int h = 0; h <= 0xffff; h++) {
            float f = HalfFloats.f16ToFloat(h);
            int sign = h >>> 15;
            int exponent = (h >>> 10) & 0x1f;
            int mantissa = h & 0x3ff;
            if (exponent == 0x1f) {
                assertEquals(mantissa != 0, Float.isNaN(f), Integer.toHexString(h));
                if (mantissa == 0) {
                    assertEquals(sign == 0 ? Float.POSITIVE_INFINITY : Float.NEGATIVE_INFINITY, f);
                }
            } else {
                // value = (-1)^s × 2^(e−15) × (1 + m/1024), or 2^−14 × m/1024 for e = 0.
                double magnitude = exponent == 0 ? Math.scalb(mantissa / 1024.0, -14)
                        : Math.scalb(1 + mantissa / 1024.0, exponent - 15);
                assertEquals(sign == 0 ? magnitude : -magnitude, (double) f, 0.0, Integer.toHexString(h));
                assertEquals(Float.floatToRawIntBits(sign == 0 ? (float) magnitude : -(float) magnitude),
                        Float.floatToRawIntBits(f), "sign of zero, " + Integer.toHexString(h));
            }
            short back = HalfFloats.floatToF16(f);
            if (Float.isNaN(f)) {
                assertTrue(Float.isNaN(HalfFloats.f16ToFloat(back)), Integer.toHexString(h));
            } else {
                assertEquals(h, back & 0xffff, Integer.toHexString(h));
            }
        }
    }

    @Test
    void f16NarrowingPicksTheNearestPatternTiesToEven() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 200_000; i++) {
            // Floats spread over the whole F16 range and a little beyond, both signs.
            float f = (float) (Math.scalb(random.nextDouble(1, 2), random.nextInt(-27, 17)) * (random.nextBoolean() ? 1 : -1));
            int got = HalfFloats.floatToF16(f) & 0xffff;
            assertEquals(nearest(f, true), got, "f16 of " + f);
        }
    }

    @Test
    void bf16NarrowingPicksTheNearestPatternTiesToEven() {
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < 200_000; i++) {
            float f = Float.intBitsToFloat(random.nextInt());
            if (Float.isNaN(f)) {
                assertTrue(Float.isNaN(HalfFloats.bf16ToFloat(HalfFloats.floatToBf16(f))));
                continue;
            }
            assertEquals(nearest(f, false), HalfFloats.floatToBf16(f) & 0xffff, "bf16 of " + f);
        }
    }

    /** Brute force: the finite-or-infinite 16-bit pattern of f's sign closest to f, ties to the even pattern. */
    private static int nearest(float f, boolean f16) {
        int signBit = Float.floatToRawIntBits(f) < 0 ? 0x8000 : 0;
        int maxMagnitude = f16 ? 0x7c00 : 0x7f80; // +infinity pattern
        double target = Math.abs((double) f);
        // Binary search the largest magnitude pattern whose value is <= target (values grow with the pattern).
        int lo = 0;
        int hi = maxMagnitude;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (value(mid, f16) <= target) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        int best = lo;
        if (lo < maxMagnitude) {
            double below = target - value(lo, f16);
            double above = value(lo + 1, f16) - target;
            if (lo + 1 == maxMagnitude) {
                // Overflow threshold: IEEE rounds to infinity at max + half an ulp of the top binade.
                above = (value(lo, f16) + (value(lo, f16) - value(lo - 1, f16))) - target;
            }
            if (above < below || (above == below && ((lo + 1) & 1) == 0)) {
                best = lo + 1;
            }
        }
        return signBit | best;
    }

    private static double value(int pattern, boolean f16) {
        return f16 ? HalfFloats.f16ToFloat(pattern) : HalfFloats.bf16ToFloat(pattern);
    }
}
