package org.anomalyforge.trokens.tracking;

/**
 * Wall time per pipeline stage in milliseconds, and tracking work done.
 *
 * @param encodeMs    appearance encoding of the clustering frames (0 in GRID mode)
 * @param clusterMs   clustering and candidate points
 * @param selectMs    choosing M slots
 * @param trackMs     point tracking
 * @param motionMs    HoD and relational descriptors
 * @param pointSteps  points × tracking steps actually attempted, both directions (for points tracked/s)
 */
public record StageTimings(double encodeMs, double clusterMs, double selectMs, double trackMs, double motionMs,
                           long pointSteps) {

    /** Sum of all stages. */
    public double totalMs() {
        return encodeMs + clusterMs + selectMs + trackMs + motionMs;
    }

    /** Point steps per second of tracking time. */
    public double pointStepsPerSecond() {
        return trackMs > 0 ? pointSteps / (trackMs / 1000.0) : 0;
    }
}
