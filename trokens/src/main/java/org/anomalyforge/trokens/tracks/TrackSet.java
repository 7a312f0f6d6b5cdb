package org.anomalyforge.trokens.tracks;

import java.util.List;

/**
 * The output of a {@code PointTracker}: {@code n} trajectories over {@code frames} frames of size
 * {@code width × height} (tracking resolution), in the order of the query points (spec §8.1). Shape
 * equivalent: {@code xy[frames][n][2]} pixels and {@code visible[frames][n]}.
 *
 * @param frames number of frames {@code T}, ≥ 1; every trajectory has exactly this many
 * @param width  frame width {@code W} in pixels
 * @param height frame height {@code H} in pixels
 * @param tracks the trajectories, immutable copy
 */
public record TrackSet(int frames, int width, int height, List<Trajectory> tracks) {

    public TrackSet {
        if (frames < 1) {
            throw new IllegalArgumentException("track set frames must be >= 1, got " + frames);
        }
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("track set size must be at least 1×1, got " + width + "×" + height);
        }
        tracks = List.copyOf(tracks);
        for (int i = 0; i < tracks.size(); i++) {
            if (tracks.get(i).frames() != frames) {
                throw new IllegalArgumentException("trajectory " + i + " has " + tracks.get(i).frames()
                        + " frames, track set has " + frames);
            }
        }
    }

    /** Number of trajectories {@code n}. */
    public int size() {
        return tracks.size();
    }

    /** Trajectory {@code i}. */
    public Trajectory track(int i) {
        return tracks.get(i);
    }

    /** All trajectories restricted to {@code frameIndices} (e.g. the 8 model frames of §5.1). */
    public TrackSet atFrames(int[] frameIndices) {
        return new TrackSet(frameIndices.length, width, height,
                tracks.stream().map(t -> t.atFrames(frameIndices)).toList());
    }

    /** The trajectories at {@code indices}, in that order (used to pick M of N candidates). */
    public TrackSet select(int[] indices) {
        Trajectory[] picked = new Trajectory[indices.length];
        for (int i = 0; i < indices.length; i++) {
            picked[i] = tracks.get(indices[i]);
        }
        return new TrackSet(frames, width, height, List.of(picked));
    }
}
