package org.anomalyforge.trokens.tracks;

/**
 * Coordinate conventions of spec §8.4 and the patch lookup of §10. OpenCV pixel centres are integers, so
 * a {@code W}-pixel row spans {@code [-0.5, W - 0.5)}.
 *
 * <ul>
 *   <li>normalised: {@code x_n = 2(x + 0.5)/W − 1}, so −1 and +1 are the image edges;</li>
 *   <li>motion: {@code u = x_n·W/L}, {@code L = max(W, H)}: isotropic, used by HoD and relational tokens;</li>
 *   <li>off-frame: {@code x_n ∉ [−1, 1)} or {@code y_n ∉ [−1, 1)};</li>
 *   <li>patch: {@code col = ⌊(x_n + 1)·G/2⌋}, identical to pixel membership {@code ⌊(x + 0.5)·G/W⌋}.</li>
 * </ul>
 */
public final class Coordinates {

    private Coordinates() {}

    /** Normalised coordinate of pixel position {@code p} along an axis of {@code size} pixels. */
    public static double normalised(double p, int size) {
        return 2.0 * (p + 0.5) / size - 1.0;
    }

    /** Motion coordinate (isotropic) of pixel position {@code p} along an axis of {@code size} pixels. */
    public static double motion(double p, int size, int width, int height) {
        return normalised(p, size) * size / Math.max(width, height);
    }

    /** Whether normalised coordinates lie on the frame: both in {@code [−1, 1)}; NaN is off-frame. */
    public static boolean onFrame(double xn, double yn) {
        return xn >= -1.0 && xn < 1.0 && yn >= -1.0 && yn < 1.0;
    }

    /** Whether pixel position (x, y) lies on a {@code width × height} frame. */
    public static boolean onFrame(double x, double y, int width, int height) {
        return onFrame(normalised(x, width), normalised(y, height));
    }

    /**
     * Patch index along one axis for a normalised coordinate on a grid of {@code grid} cells, or −1 when
     * off-frame (spec §10: an off-frame point gets a zero token).
     */
    public static int patchIndex(double normalised, int grid) {
        if (!(normalised >= -1.0 && normalised < 1.0)) {
            return -1;
        }
        return Math.min(grid - 1, (int) Math.floor((normalised + 1.0) * grid / 2.0));
    }

    /** Patch index along one axis of pixel position {@code p} on an axis of {@code size} pixels, or −1. */
    public static int patchIndexOfPixel(double p, int size, int grid) {
        return patchIndex(normalised(p, size), grid);
    }
}
