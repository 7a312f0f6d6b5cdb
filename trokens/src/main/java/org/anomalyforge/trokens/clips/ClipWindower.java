package org.anomalyforge.trokens.clips;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Cuts one camera's frame stream into overlapping clip windows by event time (spec §5.2). Pure Java: the
 * streaming job keeps one instance per camera key. Windows {@code [s, s + W)} start at multiples of the
 * stride (from the camera's first frame on) and close when the event-time watermark (the latest
 * {@code captured-at} seen) passes {@code s + W + allowedLateness}. Each target time {@code s + k/fps}
 * takes the nearest frame within ±0.5/fps; a missing target repeats the previous frame (the first found
 * frame for leading misses). A frame older than {@code watermark − allowedLateness} is counted and dropped:
 * every window it belongs to may already be closed. Not thread-safe.
 */
public final class ClipWindower {

    private record TimedFrame(long micros, byte[] bytes) {}

    private final String cameraId;
    private final WindowConfig config;
    private final TreeMap<Long, List<TimedFrame>> open = new TreeMap<>();
    private long watermark = Long.MIN_VALUE;
    private long firstFrame = Long.MIN_VALUE;
    private long droppedLate;

    public ClipWindower(String cameraId, WindowConfig config) {
        if (cameraId == null || cameraId.isBlank()) {
            throw new IllegalArgumentException("cameraId must not be blank");
        }
        this.cameraId = cameraId;
        this.config = java.util.Objects.requireNonNull(config, "config must not be null");
    }

    /** Frames dropped because they arrived later than the allowed lateness. */
    public long droppedLate() {
        return droppedLate;
    }

    /**
     * Adds a frame and returns the windows its watermark advance closed, in start order.
     *
     * @param capturedAtMicros the frame envelope's {@code captured-at}, never arrival time
     * @param encoded          JPEG/PNG bytes, decoded only when a window is used
     */
    public List<StreamWindow> add(long capturedAtMicros, byte[] encoded) {
        if (encoded == null || encoded.length == 0) {
            throw new IllegalArgumentException("camera " + cameraId + ": frame at " + capturedAtMicros
                    + " µs has no bytes");
        }
        if (watermark != Long.MIN_VALUE && capturedAtMicros < watermark - config.latenessMicros()) {
            droppedLate++;
            return List.of();
        }
        if (firstFrame == Long.MIN_VALUE) {
            firstFrame = capturedAtMicros;
        }
        long stride = config.strideMicros();
        long halfPeriod = Math.round(0.5e6 / config.trackingFps());
        long earliest = Math.max(Math.floorDiv(firstFrame - halfPeriod + stride - 1, stride) * stride,
                Math.floorDiv(capturedAtMicros - config.windowMicros(), stride) * stride + stride);
        TimedFrame frame = new TimedFrame(capturedAtMicros, encoded);
        for (long s = earliest; s <= capturedAtMicros; s += stride) {
            if (s + config.windowMicros() + config.latenessMicros() >= watermark || watermark == Long.MIN_VALUE) {
                open.computeIfAbsent(s, k -> new ArrayList<>()).add(frame);
            }
        }
        watermark = Math.max(watermark, capturedAtMicros);
        List<StreamWindow> closed = new ArrayList<>();
        while (!open.isEmpty() && open.firstKey() + config.windowMicros() + config.latenessMicros() < watermark) {
            Map.Entry<Long, List<TimedFrame>> e = open.pollFirstEntry();
            closed.add(close(e.getKey(), e.getValue()));
        }
        return closed;
    }

    /** End of stream: closes every open window, in start order. */
    public List<StreamWindow> flush() {
        List<StreamWindow> closed = new ArrayList<>();
        while (!open.isEmpty()) {
            Map.Entry<Long, List<TimedFrame>> e = open.pollFirstEntry();
            closed.add(close(e.getKey(), e.getValue()));
        }
        return closed;
    }

    private StreamWindow close(long start, List<TimedFrame> frames) {
        List<TimedFrame> sorted = new ArrayList<>(frames);
        sorted.sort((a, b) -> Long.compare(a.micros(), b.micros()));
        long end = start + config.windowMicros();
        long gap = 0;
        long previous = start;
        for (TimedFrame f : sorted) {
            if (f.micros() >= end) {
                continue;
            }
            gap = Math.max(gap, f.micros() - previous);
            previous = f.micros();
        }
        gap = Math.max(gap, end - previous);
        int targets = config.targets();
        long tolerance = Math.round(0.5e6 / config.trackingFps());
        byte[][] chosen = new byte[targets][];
        int found = 0;
        for (int k = 0; k < targets; k++) {
            long target = start + Math.round(k * 1e6 / config.trackingFps());
            TimedFrame best = null;
            for (TimedFrame f : sorted) {
                long d = Math.abs(f.micros() - target);
                if (d <= tolerance && (best == null || d < Math.abs(best.micros() - target))) {
                    best = f;
                }
            }
            if (best != null) {
                chosen[k] = best.bytes();
                found++;
            }
        }
        double coverage = found / (double) targets;
        double gapSeconds = gap / 1e6;
        StreamWindow.SkipReason skip = gapSeconds > config.maxGapSeconds() ? StreamWindow.SkipReason.GAP
                : coverage < config.minCoverage() ? StreamWindow.SkipReason.LOW_COVERAGE : null;
        if (skip != null) {
            return new StreamWindow(cameraId, start, List.of(), coverage, gapSeconds, skip);
        }
        fillMissing(chosen);
        return new StreamWindow(cameraId, start, List.of(chosen), coverage, gapSeconds, null);
    }

    /** A missing target repeats the previous frame; leading misses take the first found frame. */
    private static void fillMissing(byte[][] chosen) {
        byte[] firstFound = null;
        for (byte[] c : chosen) {
            if (c != null) {
                firstFound = c;
                break;
            }
        }
        byte[] previous = firstFound;
        for (int k = 0; k < chosen.length; k++) {
            if (chosen[k] == null) {
                chosen[k] = previous;
            }
            previous = chosen[k];
        }
    }
}
