package org.anomalyforge.trokens.sampling;

import java.util.List;
import org.anomalyforge.trokens.tracks.QueryPoint;

/**
 * One semantic cluster's candidate query points (spec §7.3), all at the cluster's peak frame.
 *
 * @param id        creation order in the temporal union (after dropping empty centroids), or −1 for grid points
 * @param peakFrame tracking-frame index where the cluster is queried
 * @param points    {@code n_c ≥ 1} distinct query points, immutable copy
 */
public record CandidateCluster(int id, int peakFrame, List<QueryPoint> points) {

    public CandidateCluster {
        points = List.copyOf(points);
        if (points.isEmpty()) {
            throw new IllegalArgumentException("cluster " + id + " must have at least one candidate point");
        }
    }

    /** {@code n_c}. */
    public int size() {
        return points.size();
    }
}
