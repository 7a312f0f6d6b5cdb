package org.anomalyforge.segmenter.metrics;

import java.io.Serializable;

/**
 * Immutable configuration of an {@link AnomalyMetricsAccumulator}.
 *
 * @param pixelMode exact or histogram accumulation of pixel scores (§7.4)
 * @param tauPixel τ_pixel from validation (§5.7), used for IoU@τ and pooled IoU@τ; a probability
 * @param binning the logit bins (used in histogram mode; K = 10,000 by default)
 * @param regionConnectivity connectivity of AUPRO's GT regions (8 by the spec, §7.3)
 * @param fprLimit AUPRO integration limit (0.3 by the spec)
 */
public record MetricsConfig(
        PixelMode pixelMode, float tauPixel, LogitBinning binning, Connectivity regionConnectivity,
        double fprLimit) implements Serializable {

    /** Validates every field. */
    public MetricsConfig {
        if (pixelMode == null) {
            throw new IllegalArgumentException("pixelMode must not be null");
        }
        MetricInputs.requireProbability("tauPixel", tauPixel);
        if (binning == null) {
            throw new IllegalArgumentException("binning must not be null");
        }
        if (regionConnectivity == null) {
            throw new IllegalArgumentException("regionConnectivity must not be null");
        }
        Aupro.requireLimit(fprLimit);
    }

    /** Exact mode with the spec's defaults (8-connectivity, FPR limit 0.3). */
    public static MetricsConfig exact(float tauPixel) {
        return new MetricsConfig(PixelMode.EXACT, tauPixel, LogitBinning.standard(), Connectivity.EIGHT,
                Aupro.DEFAULT_FPR_LIMIT);
    }

    /** Histogram mode with the spec's defaults (K = 10,000, 8-connectivity, FPR limit 0.3). */
    public static MetricsConfig histogram(float tauPixel) {
        return new MetricsConfig(PixelMode.HISTOGRAM, tauPixel, LogitBinning.standard(), Connectivity.EIGHT,
                Aupro.DEFAULT_FPR_LIMIT);
    }

    /** A copy with another connectivity (tests compare 4- and 8-connectivity). */
    public MetricsConfig withRegionConnectivity(Connectivity connectivity) {
        return new MetricsConfig(pixelMode, tauPixel, binning, connectivity, fprLimit);
    }

    /** A copy with another binning. */
    public MetricsConfig withBinning(LogitBinning newBinning) {
        return new MetricsConfig(pixelMode, tauPixel, newBinning, regionConnectivity, fprLimit);
    }
}
