package org.anomalyforge.segmenter.inference;

/**
 * A mask decoded to [0, 1] floats (LFD spec §5.2 step 1), row-major, before any resize.
 *
 * @param width  W
 * @param height H
 * @param values W·H values in [0, 1]
 */
public record FloatMask(int width, int height, float[] values) {

    /** Threshold of the §5.2 rule: defect ⇔ value ≥ 0.5. */
    public static final float DEFECT_THRESHOLD = 0.5f;

    /** Checks the size. */
    public FloatMask {
        if (width < 1 || height < 1 || values == null || values.length != width * height) {
            throw new IllegalArgumentException("FloatMask needs width·height values, got " + width + "×" + height
                    + " with " + (values == null ? "null" : values.length + " values"));
        }
    }

    /** An all-zero mask (normal images). */
    public static FloatMask empty(int width, int height) {
        return new FloatMask(width, height, new float[width * height]);
    }

    /** True iff some value is a defect (≥ 0.5): the image label of §5.2 step 5. */
    public boolean hasDefect() {
        for (float v : values) {
            if (v >= DEFECT_THRESHOLD) {
                return true;
            }
        }
        return false;
    }
}
