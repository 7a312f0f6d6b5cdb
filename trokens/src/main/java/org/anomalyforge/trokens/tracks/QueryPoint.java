package org.anomalyforge.trokens.tracks;

/**
 * Where a trajectory starts: a position in pixels at tracking resolution on one tracking frame (spec §8.1).
 * OpenCV convention: pixel centres are integers, so the frame covers {@code [-0.5, W - 0.5)}.
 *
 * @param frame tracking-frame index, ≥ 0
 * @param x     column in pixels, finite
 * @param y     row in pixels, finite
 */
public record QueryPoint(int frame, float x, float y) {

    public QueryPoint {
        if (frame < 0) {
            throw new IllegalArgumentException("query frame must be >= 0, got " + frame);
        }
        if (!Float.isFinite(x) || !Float.isFinite(y)) {
            throw new IllegalArgumentException("query position must be finite, got (" + x + ", " + y + ")");
        }
    }
}
