package org.anomalyforge.ingest.sample;

import java.util.SplittableRandom;

/**
 * A closed, star-shaped blob outline: radius as a function of angle, an ellipse perturbed by a few random
 * harmonics. Stains, holes, dents, rust spots and chips are all such blobs. Immutable.
 */
final class Outline {

    /** Mean radius in pixels. */
    private final double radius;
    /** Ellipse axis ratio, ≥ 1; the long axis points along {@link #rotation}. */
    private final double aspect;
    /** Ellipse orientation in radians. */
    private final double rotation;
    /** Relative amplitude of harmonic order k + 2 at index k. */
    private final double[] amplitude;
    /** Phase of harmonic order k + 2 at index k. */
    private final double[] phase;

    private Outline(double radius, double aspect, double rotation, double[] amplitude, double[] phase) {
        this.radius = radius;
        this.aspect = aspect;
        this.rotation = rotation;
        this.amplitude = amplitude;
        this.phase = phase;
    }

    /**
     * A random outline.
     *
     * @param irregularity total relative amplitude of the harmonics, 0 (ellipse) .. 0.6 (very lobed)
     * @param harmonics    number of harmonics from order 2 upward; more gives a more ragged edge
     */
    static Outline random(SplittableRandom random, double radius, double maxAspect, double irregularity,
                          int harmonics) {
        double aspect = 1 + random.nextDouble() * (maxAspect - 1);
        double rotation = random.nextDouble() * Math.PI;
        double[] amplitude = new double[harmonics];
        double[] phase = new double[harmonics];
        double sum = 0;
        for (int k = 0; k < harmonics; k++) {
            // Falling spectrum: low orders make lobes, high orders a ragged rim.
            amplitude[k] = random.nextDouble() / Math.pow(k + 1, 0.7);
            phase[k] = random.nextDouble() * 2 * Math.PI;
            sum += amplitude[k];
        }
        for (int k = 0; k < harmonics; k++) {
            amplitude[k] *= sum > 0 ? irregularity / sum : 0;
        }
        return new Outline(radius, aspect, rotation, amplitude, phase);
    }

    /** Radius in pixels in direction {@code theta}; the harmonics never shrink the ellipse below 40 %. */
    double radiusAt(double theta) {
        double c = Math.cos(theta - rotation);
        double s = Math.sin(theta - rotation);
        // Ellipse of equal area: semi-axes radius*sqrt(aspect) along rotation and radius/sqrt(aspect) across.
        double ellipse = radius / Math.sqrt(c * c / aspect + s * s * aspect);
        double wobble = 1;
        for (int k = 0; k < amplitude.length; k++) {
            wobble += amplitude[k] * Math.cos((k + 2) * theta + phase[k]);
        }
        return ellipse * Math.max(0.4, wobble);
    }

    /** An upper bound of {@link #radiusAt} over all angles. */
    double maxRadius() {
        double wobble = 1;
        for (double a : amplitude) {
            wobble += a;
        }
        return radius * Math.sqrt(aspect) * wobble;
    }
}
