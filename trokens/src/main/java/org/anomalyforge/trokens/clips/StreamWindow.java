package org.anomalyforge.trokens.clips;

import java.util.ArrayList;
import java.util.List;
import org.anomalyforge.ingest.image.ImageCodec;
import org.anomalyforge.ingest.image.ImageDecodeException;
import org.anomalyforge.ingest.image.RgbImage;

/**
 * The outcome of one closed stream window {@code (cameraId, startMicros)} (spec §5.2): either its
 * {@code 32} encoded frames, one per tracking target time, or the reason it was skipped. Skipped windows are
 * counted ({@code window_skipped{reason}}), not dead-lettered: they are not bad input.
 *
 * @param cameraId    camera key
 * @param startMicros window start (event time, µs); with the camera, the window's identity
 * @param frames      encoded frames per target, in time order (empty when skipped)
 * @param coverage    fraction of targets that found a frame within ±0.5/trackingFps
 * @param maxGapSeconds longest gap between frames in the window, edges included
 * @param skip        why the window was skipped, or null when it is usable
 */
public record StreamWindow(String cameraId, long startMicros, List<byte[]> frames, double coverage,
                           double maxGapSeconds, SkipReason skip) {

    /** Why a window was skipped; the metric label. */
    public enum SkipReason {
        /** A gap between frames longer than {@code maxGapSeconds}. */
        GAP,
        /** Fewer than {@code minCoverage} of the targets had a frame. */
        LOW_COVERAGE
    }

    public StreamWindow {
        frames = List.copyOf(frames);
    }

    /** Whether the window is usable. */
    public boolean usable() {
        return skip == null;
    }

    /** Clip id {@code <camera>@<startMicros>}: stable across restarts, so results are idempotent. */
    public String clipId() {
        return cameraId + "@" + startMicros;
    }

    /**
     * Decodes the frames (only now: state holds encoded bytes) into tracking frames, cropped to {@code roi}
     * when given ({@code {x, y, width, height}} in source pixels, applied first).
     */
    public TrackingFrames decode(ImageCodec codec, double trackingFps, int[] roi) throws ImageDecodeException {
        if (!usable()) {
            throw new IllegalStateException("window " + clipId() + " was skipped (" + skip + "), nothing to decode");
        }
        List<RgbImage> images = new ArrayList<>(frames.size());
        for (int i = 0; i < frames.size(); i++) {
            RgbImage image = codec.decode(frames.get(i), clipId() + " frame " + i);
            images.add(roi == null ? image : crop(image, roi));
        }
        return new TrackingFrames(clipId(), images, trackingFps);
    }

    private static RgbImage crop(RgbImage image, int[] roi) {
        if (roi.length != 4 || roi[0] < 0 || roi[1] < 0 || roi[2] < 1 || roi[3] < 1
                || roi[0] + roi[2] > image.width() || roi[1] + roi[3] > image.height()) {
            throw new IllegalArgumentException("roi must be {x, y, width, height} inside the " + image.width() + "×"
                    + image.height() + " frame, got " + java.util.Arrays.toString(roi));
        }
        byte[] out = new byte[roi[2] * roi[3] * 3];
        for (int y = 0; y < roi[3]; y++) {
            System.arraycopy(image.pixels(), ((roi[1] + y) * image.width() + roi[0]) * 3, out, y * roi[2] * 3,
                    roi[2] * 3);
        }
        return new RgbImage(roi[2], roi[3], out);
    }
}
