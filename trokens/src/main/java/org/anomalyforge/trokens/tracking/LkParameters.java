package org.anomalyforge.trokens.tracking;

/**
 * Parameters of {@link PyramidalLkTracker} (spec §8.2; OpenCV's own defaults plus the FB threshold).
 *
 * @param window          search window side in pixels (21)
 * @param maxLevel        pyramid levels above the base (3)
 * @param maxIterations   termination COUNT (30)
 * @param epsilon         termination EPS (0.01)
 * @param minEigThreshold OpenCV's {@code minEigThreshold} (1e-4)
 * @param fbThreshold     forward–backward error bound in pixels at tracking resolution (1.0)
 */
public record LkParameters(int window, int maxLevel, int maxIterations, double epsilon, double minEigThreshold,
                           double fbThreshold) {

    /** The spec's values. */
    public static final LkParameters DEFAULT = new LkParameters(21, 3, 30, 0.01, 1e-4, 1.0);

    public LkParameters {
        if (window < 3 || maxLevel < 0 || maxIterations < 1 || !(epsilon > 0) || !(minEigThreshold >= 0)
                || !(fbThreshold > 0)) {
            throw new IllegalArgumentException("invalid LK parameters: window " + window + ", maxLevel " + maxLevel
                    + ", maxIterations " + maxIterations + ", epsilon " + epsilon + ", minEigThreshold "
                    + minEigThreshold + ", fbThreshold " + fbThreshold);
        }
    }
}
