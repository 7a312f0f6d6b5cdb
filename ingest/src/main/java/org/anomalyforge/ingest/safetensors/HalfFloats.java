package org.anomalyforge.ingest.safetensors;

/**
 * Conversions between {@code float} and the two 16-bit float formats of safetensors.
 *
 * <p>F16 is IEEE 754 binary16 (1 sign, 5 exponent, 10 mantissa bits); {@code Float.float16ToFloat} only
 * exists from Java 20, so both directions are written out here, subnormals, infinities and NaN included.
 * BF16 is the upper half of a binary32, so widening is a shift. Narrowing rounds to nearest, ties to even,
 * as PyTorch does; values beyond the range become infinity.
 */
final class HalfFloats {

    private HalfFloats() {}

    /** The float value of the binary16 pattern in the low 16 bits of {@code bits}; exact. */
    static float f16ToFloat(int bits) {
        int sign = (bits & 0x8000) << 16;
        int exponent = (bits >>> 10) & 0x1f;
        int mantissa = bits & 0x3ff;
        if (exponent == 0) {
            // Zero or subnormal: mantissa × 2^-24, exact in float (at most 10 significant bits).
            float magnitude = mantissa * 0x1p-24f;
            return sign == 0 ? magnitude : -magnitude;
        }
        if (exponent == 0x1f) {
            // Infinity (mantissa 0) or NaN; the payload moves to the top of the float mantissa.
            return Float.intBitsToFloat(sign | 0x7f80_0000 | (mantissa << 13));
        }
        // Normal: rebias the exponent from 15 to 127.
        return Float.intBitsToFloat(sign | ((exponent + 112) << 23) | (mantissa << 13));
    }

    /** The binary16 pattern (low 16 bits) nearest to {@code value}, ties to even. */
    static short floatToF16(float value) {
        int bits = Float.floatToRawIntBits(value);
        int sign = (bits >>> 16) & 0x8000;
        int exponent = (bits >>> 23) & 0xff;
        int mantissa = bits & 0x7f_ffff;
        if (exponent == 0xff) {
            if (mantissa == 0) {
                return (short) (sign | 0x7c00);
            }
            // Keep the top payload bits and force the quiet bit so the result stays a NaN.
            return (short) (sign | 0x7c00 | 0x200 | (mantissa >>> 13));
        }
        int halfExponent = exponent - 127 + 15;
        if (halfExponent >= 0x1f) {
            return (short) (sign | 0x7c00);
        }
        if (halfExponent <= 0) {
            // Subnormal half (or zero): count of 2^-24 units = significand >> (14 - halfExponent).
            if (halfExponent < -10) {
                return (short) sign; // below half of the smallest subnormal 2^-24
            }
            int significand = mantissa | 0x80_0000;
            return (short) (sign | shiftRoundingToEven(significand, 14 - halfExponent));
        }
        int half = (halfExponent << 10) | (mantissa >>> 13);
        int dropped = mantissa & 0x1fff;
        if (dropped > 0x1000 || (dropped == 0x1000 && (half & 1) == 1)) {
            half++; // a carry into the exponent is correct, up to 0x7c00 = infinity
        }
        return (short) (sign | half);
    }

    /** The float value of the bfloat16 pattern in the low 16 bits of {@code bits}; exact. */
    static float bf16ToFloat(int bits) {
        return Float.intBitsToFloat((bits & 0xffff) << 16);
    }

    /** The bfloat16 pattern (low 16 bits) nearest to {@code value}, ties to even. */
    static short floatToBf16(float value) {
        int bits = Float.floatToRawIntBits(value);
        if (Float.isNaN(value)) {
            return (short) ((bits >>> 16) | 0x40); // quiet NaN, sign kept
        }
        int lsb = (bits >>> 16) & 1;
        return (short) ((bits + 0x7fff + lsb) >>> 16);
    }

    private static int shiftRoundingToEven(int value, int shift) {
        int kept = value >>> shift;
        int dropped = value & ((1 << shift) - 1);
        int halfway = 1 << (shift - 1);
        if (dropped > halfway || (dropped == halfway && (kept & 1) == 1)) {
            kept++;
        }
        return kept;
    }
}
