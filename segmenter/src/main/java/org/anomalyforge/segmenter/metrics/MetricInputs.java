package org.anomalyforge.segmenter.metrics;

/**
 * Boundary checks shared by the metric classes. Every message names the field, the rule and the
 * offending value, and every check runs before any state changes.
 */
final class MetricInputs {

    private MetricInputs() {}

    /** Returns {@code width * height} after checking both are positive and the product fits an int. */
    static int pixelCount(int width, int height) {
        if (width <= 0) {
            throw new IllegalArgumentException("width must be > 0, got " + width);
        }
        if (height <= 0) {
            throw new IllegalArgumentException("height must be > 0, got " + height);
        }
        long count = (long) width * height;
        if (count > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(
                    "width*height must be <= " + Integer.MAX_VALUE + ", got " + width + "*" + height);
        }
        return (int) count;
    }

    /** Checks an image score: any finite float (image metrics are exact and rank-based). */
    static void requireFiniteScore(String field, float score) {
        if (!Float.isFinite(score)) {
            throw new IllegalArgumentException(field + " must be finite, got " + score);
        }
    }

    /** Checks a probability: finite and inside [0, 1], as the logit binning of §7.4 requires. */
    static void requireProbability(String field, float p) {
        if (!(p >= 0f && p <= 1f)) {
            throw new IllegalArgumentException(field + " must be a probability in [0, 1], got " + p);
        }
    }

    /** Checks an anomaly map: not null, {@code expectedLength} values, each a probability. */
    static void requireProbabilityMap(String field, float[] map, int expectedLength) {
        if (map == null) {
            throw new IllegalArgumentException(field + " must not be null");
        }
        if (map.length != expectedLength) {
            throw new IllegalArgumentException(
                    field + " length must be width*height = " + expectedLength + ", got " + map.length);
        }
        for (int i = 0; i < map.length; i++) {
            float p = map[i];
            if (!(p >= 0f && p <= 1f)) {
                throw new IllegalArgumentException(
                        field + "[" + i + "] must be a probability in [0, 1], got " + p);
            }
        }
    }

    /**
     * Checks a binary mask (not null, {@code expectedLength} values, each 0 or 1) and returns its number of
     * defect pixels.
     */
    static int requireBinaryMask(String field, byte[] mask, int expectedLength) {
        if (mask == null) {
            throw new IllegalArgumentException(field + " must not be null");
        }
        if (mask.length != expectedLength) {
            throw new IllegalArgumentException(
                    field + " length must be width*height = " + expectedLength + ", got " + mask.length);
        }
        int defects = 0;
        for (int i = 0; i < mask.length; i++) {
            byte v = mask[i];
            if (v != 0 && v != 1) {
                throw new IllegalArgumentException(
                        field + "[" + i + "] must be 0 or 1, got " + Byte.toUnsignedInt(v));
            }
            defects += v;
        }
        return defects;
    }

    /** Checks that the image label agrees with its mask (anomalous ⇔ non-empty GT mask, §7.1). */
    static void requireLabelMatchesMask(boolean gtLabel, int defectPixels) {
        if (gtLabel && defectPixels == 0) {
            throw new IllegalArgumentException(
                    "gtLabel is true (anomalous) but gtMask is empty; an image is anomalous iff its GT mask"
                            + " is non-empty (spec §7.1)");
        }
        if (!gtLabel && defectPixels > 0) {
            throw new IllegalArgumentException(
                    "gtLabel is false (normal) but gtMask has " + defectPixels
                            + " defect pixels; an image is anomalous iff its GT mask is non-empty (spec §7.1)");
        }
    }

    /** Checks that two parallel arrays have the same length. */
    static void requireSameLength(String firstField, int first, String secondField, int second) {
        if (first != second) {
            throw new IllegalArgumentException(
                    secondField + " length must equal " + firstField + " length " + first + ", got " + second);
        }
    }
}
