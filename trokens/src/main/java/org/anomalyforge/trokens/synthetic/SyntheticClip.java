package org.anomalyforge.trokens.synthetic;

import java.util.List;
import org.anomalyforge.ingest.image.RgbImage;
import org.anomalyforge.trokens.clips.ClipFrames;

/**
 * One rendered clip with its ground truth.
 *
 * @param clipId         manifest id
 * @param action         the scripted class
 * @param seed           the clip's seed (same seed, same pixels)
 * @param fps            frame rate
 * @param frames         RGB frames, immutable copy
 * @param productCorners {@code [frames][4][2]} view-pixel corners of the product sprite (clockwise from its
 *                       top-left), for measuring tracker error on realistic content
 * @param jpegQuality    MJPEG quality chosen for this clip
 */
public record SyntheticClip(String clipId, ActionClass action, long seed, double fps, List<RgbImage> frames,
                            float[][][] productCorners, int jpegQuality) {

    public SyntheticClip {
        frames = List.copyOf(frames);
        if (productCorners.length != frames.size()) {
            throw new IllegalArgumentException("productCorners must have one entry per frame (" + frames.size()
                    + "), got " + productCorners.length);
        }
    }

    /** As decoded clip frames (before any JPEG round trip). */
    public ClipFrames toClipFrames() {
        return new ClipFrames(clipId, frames, fps);
    }
}
