package org.anomalyforge.trokens.clips;

import java.util.List;
import org.anomalyforge.ingest.image.RgbImage;

/**
 * A clip resampled to the tracking rate and resized so its long side is ≤ 512 px (spec §5.1): the frames
 * that the tracker follows points through ({@code T_trk} of them) and from which the clustering and model
 * frames are picked by index.
 *
 * @param clipId identifies the clip in messages
 * @param frames {@code T_trk ≥ 1} RGB frames, all the same size, immutable copy
 * @param fps    the tracking rate actually achieved (10, or the source rate if lower)
 */
public record TrackingFrames(String clipId, List<RgbImage> frames, double fps) {

    public TrackingFrames {
        ClipFrames checked = new ClipFrames(clipId, frames, fps);
        frames = checked.frames();
    }

    /** {@code T_trk}. */
    public int size() {
        return frames.size();
    }

    /** Width {@code W} in pixels. */
    public int width() {
        return frames.get(0).width();
    }

    /** Height {@code H} in pixels. */
    public int height() {
        return frames.get(0).height();
    }

    /** Frame {@code t}. */
    public RgbImage frame(int t) {
        return frames.get(t);
    }

    /** The frames at {@code indices}, in that order. */
    public List<RgbImage> select(int[] indices) {
        RgbImage[] out = new RgbImage[indices.length];
        for (int i = 0; i < indices.length; i++) {
            out[i] = frames.get(indices[i]);
        }
        return List.of(out);
    }
}
