package org.anomalyforge.generator.losses;

/**
 * How a resized (fractional) mask becomes the RMP's 0/1 target (seas.md §8.3).
 * <ul>
 *   <li>{@link #PRODUCT} (default, the product-wide rule of lfd.md §5.2): defect ⇔ value ≥ 0.5; if the source had a
 *       defect but no pixel reaches 0.5, the pixel(s) with the maximal value become defect, so tiny defects survive
 *       downsampling.</li>
 *   <li>{@link #LEGACY}: the original's integer cast, which keeps only pixels exactly equal to 1 (erodes every
 *       fractional edge); for replication.</li>
 * </ul>
 */
public enum MaskBinarisation {
    PRODUCT,
    LEGACY;

    /** Threshold of the product rule. */
    public static final float THRESHOLD = 0.5f;

    /**
     * Binarises b planes of side² values in place order.
     *
     * @param planes    resized values in [0, 1], b·side·side
     * @param b         planes
     * @param sourceHasDefect per plane, whether the full-resolution source mask had any defect pixel
     * @return 0/1 values, same layout
     */
    public float[] apply(float[] planes, int b, boolean[] sourceHasDefect) {
        if (b <= 0 || planes.length % b != 0 || sourceHasDefect.length != b) {
            throw new IllegalArgumentException("expected " + b + " equal planes and " + b + " source flags, got "
                    + planes.length + " values and " + sourceHasDefect.length + " flags");
        }
        int per = planes.length / b;
        float[] out = new float[planes.length];
        for (int i = 0; i < b; i++) {
            int from = i * per;
            if (this == LEGACY) {
                for (int k = from; k < from + per; k++) {
                    out[k] = (int) planes[k];
                }
                continue;
            }
            boolean any = false;
            float max = 0;
            for (int k = from; k < from + per; k++) {
                if (planes[k] >= THRESHOLD) {
                    out[k] = 1;
                    any = true;
                }
                max = Math.max(max, planes[k]);
            }
            if (!any && sourceHasDefect[i] && max > 0) {
                for (int k = from; k < from + per; k++) {
                    out[k] = planes[k] == max ? 1 : 0;
                }
            }
        }
        return out;
    }
}
