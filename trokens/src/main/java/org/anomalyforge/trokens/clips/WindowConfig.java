package org.anomalyforge.trokens.clips;

/**
 * Stream windowing settings (spec §5.2). With the defaults a window holds exactly 32 tracking frames, so
 * clustering uses all of them and the 8 model frames are a subset.
 *
 * @param windowSeconds          window length W (3.2)
 * @param strideSeconds          distance between window starts (1.0)
 * @param trackingFps            target rate (10)
 * @param allowedLatenessSeconds a window closes when the watermark passes {@code start + W + lateness} (1.0)
 * @param minCoverage            minimum fraction of targets with a frame within ±0.5/trackingFps (0.8)
 * @param maxGapSeconds          longest allowed gap between frames, window edges included (0.5)
 */
public record WindowConfig(double windowSeconds, double strideSeconds, double trackingFps,
                           double allowedLatenessSeconds, double minCoverage, double maxGapSeconds) {

    /** The spec's defaults. */
    public static final WindowConfig DEFAULT = new WindowConfig(3.2, 1.0, 10, 1.0, 0.8, 0.5);

    public WindowConfig {
        if (!(windowSeconds > 0) || !(strideSeconds > 0) || !(trackingFps > 0) || !(allowedLatenessSeconds >= 0)
                || !(minCoverage >= 0 && minCoverage <= 1) || !(maxGapSeconds > 0)) {
            throw new IllegalArgumentException("invalid window config: windowSeconds " + windowSeconds
                    + ", strideSeconds " + strideSeconds + ", trackingFps " + trackingFps + ", allowedLatenessSeconds "
                    + allowedLatenessSeconds + ", minCoverage " + minCoverage + ", maxGapSeconds " + maxGapSeconds);
        }
    }

    /** Tracking frames per window, {@code round(W · trackingFps)} (32). */
    public int targets() {
        return (int) Math.round(windowSeconds * trackingFps);
    }

    long windowMicros() {
        return Math.round(windowSeconds * 1e6);
    }

    long strideMicros() {
        return Math.round(strideSeconds * 1e6);
    }

    long latenessMicros() {
        return Math.round(allowedLatenessSeconds * 1e6);
    }
}
