package org.anomalyforge.ingest.cameras;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The outcome of a simulator run.
 *
 * @param cameras     per-camera counts and rates, in camera order
 * @param faults      faults injected per kind (every kind present, 0 if none)
 * @param targetFps   the requested rate per camera
 * @param overallFps  frames handed to the producer per second over all cameras, NaN if fewer than two
 * @param elapsed     wall time from the first scheduled frame to the last acknowledgement
 * @param stopped     true if the run was stopped before its limit
 * @param firstError  the first send error's message, if any
 */
public record CameraReport(List<CameraStats> cameras, Map<FaultKind, Long> faults, double targetFps,
                           double overallFps, Duration elapsed, boolean stopped, Optional<String> firstError) {

    public CameraReport {
        cameras = List.copyOf(cameras);
        EnumMap<FaultKind, Long> all = new EnumMap<>(FaultKind.class);
        for (FaultKind kind : FaultKind.values()) {
            all.put(kind, faults.getOrDefault(kind, 0L));
        }
        faults = Map.copyOf(all);
    }

    /** Acknowledged frames over all cameras. */
    public long framesSent() {
        return cameras.stream().mapToLong(CameraStats::framesSent).sum();
    }

    /** Failed sends over all cameras. */
    public long sendErrors() {
        return cameras.stream().mapToLong(CameraStats::sendErrors).sum();
    }

    /** Faults injected over all kinds. */
    public long faultsInjected() {
        return faults.values().stream().mapToLong(Long::longValue).sum();
    }
}
