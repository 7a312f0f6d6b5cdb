package org.anomalyforge.trokens.sampling;

import java.util.Arrays;
import java.util.List;
import org.anomalyforge.trokens.tracks.QueryPoint;

/**
 * {@code M} selected slots in canonical order (spec §7.6).
 *
 * @param points   {@code [M]} the query point of each slot (a padding slot repeats a drawn point)
 * @param clusters {@code [M]} cluster id of each slot
 * @param padding  {@code [M]} true for padding duplicates (always last)
 * @param source   {@code [M]} index of the slot's point in the flattened candidate list (clusters in input
 *                 order, points in their order)
 */
public record PointSelection(List<QueryPoint> points, int[] clusters, boolean[] padding, int[] source) {

    public PointSelection {
        points = List.copyOf(points);
        if (clusters.length != points.size() || padding.length != points.size() || source.length != points.size()) {
            throw new IllegalArgumentException("point selection arrays must all have " + points.size() + " entries");
        }
    }

    /** {@code M}. */
    public int size() {
        return points.size();
    }

    /** Number of non-padding slots. */
    public int uniqueCount() {
        int n = 0;
        for (boolean p : padding) {
            n += p ? 0 : 1;
        }
        return n;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PointSelection other && points.equals(other.points)
                && Arrays.equals(clusters, other.clusters) && Arrays.equals(padding, other.padding)
                && Arrays.equals(source, other.source);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(source) * 31 + Arrays.hashCode(padding);
    }
}
