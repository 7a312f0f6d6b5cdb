package org.anomalyforge.trokens.tracks;

import java.util.Arrays;

/**
 * One tracked point over the {@code T} frames of a {@link TrackSet}: pixel positions at tracking
 * resolution and visibility per frame (spec §8.1). Every frame has a position; a lost point holds its last
 * valid position with {@code visible = false}.
 *
 * @param x       {@code [T]} column in pixels
 * @param y       {@code [T]} row in pixels
 * @param visible {@code [T]} whether the tracker (or the query itself) vouches for the position
 */
public record Trajectory(float[] x, float[] y, boolean[] visible) {

    public Trajectory {
        if (x == null || y == null || visible == null) {
            throw new IllegalArgumentException("trajectory x, y and visible must not be null");
        }
        if (x.length != y.length || x.length != visible.length) {
            throw new IllegalArgumentException("trajectory arrays must have equal length, got x " + x.length
                    + ", y " + y.length + ", visible " + visible.length);
        }
    }

    /** Number of frames {@code T}. */
    public int frames() {
        return x.length;
    }

    /** The same trajectory restricted to {@code frameIndices} (e.g. the model frames), in that order. */
    public Trajectory atFrames(int[] frameIndices) {
        float[] nx = new float[frameIndices.length];
        float[] ny = new float[frameIndices.length];
        boolean[] nv = new boolean[frameIndices.length];
        for (int i = 0; i < frameIndices.length; i++) {
            int t = frameIndices[i];
            if (t < 0 || t >= x.length) {
                throw new IllegalArgumentException("frame index " + t + " outside trajectory of " + x.length
                        + " frames");
            }
            nx[i] = x[t];
            ny[i] = y[t];
            nv[i] = visible[t];
        }
        return new Trajectory(nx, ny, nv);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Trajectory other && Arrays.equals(x, other.x) && Arrays.equals(y, other.y)
                && Arrays.equals(visible, other.visible);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(x) + Arrays.hashCode(y)) + Arrays.hashCode(visible);
    }

    @Override
    public String toString() {
        return "Trajectory[" + x.length + " frames]";
    }
}
