package org.anomalyforge.trokens.tracks;

import java.util.Arrays;

/**
 * The {@code M} trajectories of one clip in canonical slot order (spec §7.6): what the recogniser consumes.
 * Slot {@code m} is {@code tracks.track(m)}; padding duplicates come last and are flagged so attention
 * masks and point pooling can ignore them.
 *
 * @param tracks   {@code M} trajectories over the tracking frames
 * @param padding  {@code [M]} true for a padding duplicate (a copy of another slot's trajectory)
 * @param clusters {@code [M]} the semantic cluster id each slot came from (−1 in GRID mode)
 */
public record TrajectorySlots(TrackSet tracks, boolean[] padding, int[] clusters) {

    public TrajectorySlots {
        if (tracks == null || padding == null || clusters == null) {
            throw new IllegalArgumentException("trajectory slots: tracks, padding and clusters must not be null");
        }
        if (padding.length != tracks.size() || clusters.length != tracks.size()) {
            throw new IllegalArgumentException("trajectory slots: padding (" + padding.length + ") and clusters ("
                    + clusters.length + ") must have one entry per track (" + tracks.size() + ")");
        }
    }

    /** Number of slots {@code M}. */
    public int size() {
        return tracks.size();
    }

    /** The same slots restricted to {@code frameIndices}. */
    public TrajectorySlots atFrames(int[] frameIndices) {
        return new TrajectorySlots(tracks.atFrames(frameIndices), padding, clusters);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TrajectorySlots other && tracks.equals(other.tracks)
                && Arrays.equals(padding, other.padding) && Arrays.equals(clusters, other.clusters);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * tracks.hashCode() + Arrays.hashCode(padding)) + Arrays.hashCode(clusters);
    }

    @Override
    public String toString() {
        return "TrajectorySlots[" + tracks.size() + " slots, " + tracks.frames() + " frames]";
    }
}
