package org.anomalyforge.trokens.clips;

import java.util.List;
import org.anomalyforge.ingest.image.RgbImage;

/**
 * A decoded clip at its source rate: frames in time order, all the same size, with the source frame rate.
 * This is what a video file, a frame folder or a stream window becomes before frame sampling (§5).
 *
 * @param clipId identifies the clip in error messages and cache keys
 * @param frames at least 1 frame, all the same size, immutable copy
 * @param fps    source frame rate, finite and &gt; 0
 */
public record ClipFrames(String clipId, List<RgbImage> frames, double fps) {

    public ClipFrames {
        if (clipId == null || clipId.isBlank()) {
            throw new IllegalArgumentException("clipId must not be blank");
        }
        if (!(fps > 0) || !Double.isFinite(fps)) {
            throw new IllegalArgumentException("clip " + clipId + ": fps must be finite and > 0, got " + fps);
        }
        frames = List.copyOf(frames);
        if (frames.isEmpty()) {
            throw new IllegalArgumentException("clip " + clipId + ": frames must not be empty");
        }
        RgbImage first = frames.get(0);
        for (int i = 1; i < frames.size(); i++) {
            RgbImage f = frames.get(i);
            if (f.width() != first.width() || f.height() != first.height()) {
                throw new IllegalArgumentException("clip " + clipId + ": frame " + i + " is " + f.width() + "×"
                        + f.height() + ", frame 0 is " + first.width() + "×" + first.height());
            }
        }
    }

    /** Number of frames. */
    public int size() {
        return frames.size();
    }

    /** Frame width in pixels. */
    public int width() {
        return frames.get(0).width();
    }

    /** Frame height in pixels. */
    public int height() {
        return frames.get(0).height();
    }

    /** Duration in seconds ({@code frames / fps}). */
    public double durationSeconds() {
        return frames.size() / fps;
    }
}
