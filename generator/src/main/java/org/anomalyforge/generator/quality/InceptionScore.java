package org.anomalyforge.generator.quality;

/** IS = exp(mean_x KL(p(y|x) ‖ p(y))) over class distributions p(y|x), p(y) their mean (one split). */
public final class InceptionScore {

    private InceptionScore() {
    }

    /** @param p one class distribution per image, each of the same length, summing to 1 */
    public static double of(double[][] p) {
        int k = p[0].length;
        double[] marginal = new double[k];
        for (double[] row : p) {
            if (row.length != k) {
                throw new IllegalArgumentException("every class distribution must have " + k + " entries, got "
                        + row.length);
            }
            for (int c = 0; c < k; c++) {
                marginal[c] += row[c] / p.length;
            }
        }
        double kl = 0;
        for (double[] row : p) {
            for (int c = 0; c < k; c++) {
                if (row[c] > 0) {
                    kl += row[c] * Math.log(row[c] / marginal[c]) / p.length;
                }
            }
        }
        return Math.exp(kl);
    }
}
