package org.anomalyforge.trokens.train;

/**
 * Mean accuracy with its 95 % confidence half-width {@code 1.96·s/√E} (spec §12), s the sample standard
 * deviation of the per-episode accuracies. [100, 80, 60, 100, 80] → 84.0 ± 14.667.
 *
 * @param mean      mean of the values
 * @param halfWidth 1.96·s/√E
 * @param count     E
 */
public record ConfidenceInterval(double mean, double halfWidth, int count) {

    /** z of a two-sided 95 % normal interval. */
    public static final double Z95 = 1.96;

    /** @param values per-episode accuracies, at least 2 (a sample deviation needs two values) */
    public static ConfidenceInterval of(double[] values) {
        if (values.length < 2) {
            throw new IllegalArgumentException("a confidence interval needs at least 2 episodes, got " + values.length);
        }
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        double mean = sum / values.length;
        double sq = 0;
        for (double v : values) {
            sq += (v - mean) * (v - mean);
        }
        double s = Math.sqrt(sq / (values.length - 1));
        return new ConfidenceInterval(mean, Z95 * s / Math.sqrt(values.length), values.length);
    }

    /** Lower end, {@code mean − halfWidth}. */
    public double lower() {
        return mean - halfWidth;
    }
}
