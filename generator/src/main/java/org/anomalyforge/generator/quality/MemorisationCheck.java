package org.anomalyforge.generator.quality;

import java.util.ArrayList;
import java.util.List;

/**
 * The memorisation check of seas.md §11.2: per generated image, the minimum d to any reference (real
 * training) image; the distribution of those minima and the fraction below a threshold (likely copies).
 */
public final class MemorisationCheck {

    /** Below this d a generated image is counted as a likely copy of a training image. */
    public static final double DEFAULT_THRESHOLD = 0.05;

    /**
     * @param nearest        per generated image (generation order), the minimum d to a reference image
     * @param nearestIndex   per generated image, the reference image that minimum belongs to (lowest on ties)
     * @param min            smallest of {@code nearest}
     * @param median         median of {@code nearest} (mean of the two middle values for an even count)
     * @param max            largest of {@code nearest}
     * @param threshold      the copy threshold
     * @param fractionBelow  fraction of generated images with {@code nearest < threshold}
     */
    public record Result(List<Double> nearest, List<Integer> nearestIndex, double min, double median, double max,
                         double threshold, double fractionBelow) {
        public Result {
            nearest = List.copyOf(nearest);
            nearestIndex = List.copyOf(nearestIndex);
        }
    }

    private MemorisationCheck() {}

    public static Result compute(ImageDistances d) {
        return compute(d, DEFAULT_THRESHOLD);
    }

    public static Result compute(ImageDistances d, double threshold) {
        if (!(threshold > 0) || Double.isInfinite(threshold)) {
            throw new IllegalArgumentException("copy threshold must be finite and > 0, got " + threshold);
        }
        int n = d.generatedCount();
        if (n == 0) {
            throw new IllegalArgumentException("no generated images to check for memorisation");
        }
        List<Double> nearest = new ArrayList<>();
        List<Integer> index = new ArrayList<>();
        int below = 0;
        for (int i = 0; i < n; i++) {
            int best = 0;
            for (int r = 1; r < d.referenceCount(); r++) {
                if (d.toReference(i, r) < d.toReference(i, best)) {
                    best = r;
                }
            }
            double v = d.toReference(i, best);
            nearest.add(v);
            index.add(best);
            if (v < threshold) {
                below++;
            }
        }
        double[] sorted = nearest.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        return new Result(nearest, index, sorted[0], median, sorted[n - 1], threshold, (double) below / n);
    }
}
