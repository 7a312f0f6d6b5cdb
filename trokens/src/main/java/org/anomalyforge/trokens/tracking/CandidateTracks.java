package org.anomalyforge.trokens.tracking;

import java.util.List;
import java.util.Optional;
import org.anomalyforge.trokens.encoders.PatchGrid;
import org.anomalyforge.trokens.sampling.CandidateCluster;
import org.anomalyforge.trokens.tracks.TrackSet;

/**
 * All {@code N} candidate points of a clip, tracked once (spec §7.6, §13.5): training draws a new selection
 * of {@code M} at every use from these without tracking again ({@link TrackingPipeline#select}).
 *
 * @param clipId             the clip
 * @param clusteringFrames   tracking-frame indices of the clustering frames (empty in GRID mode)
 * @param clusteringFeatures encoder output of the clustering frames (empty in GRID mode)
 * @param modelFrames        the {@code T = 8} model-frame indices
 * @param candidates         candidate clusters in creation order (GRID: one pseudo-cluster, id −1, of the
 *                           non-redundant grid points)
 * @param tracks             one trajectory per candidate, in flattened candidate order (cluster by cluster)
 * @param timings            encode, cluster and track time of this preprocessing
 */
public record CandidateTracks(String clipId, int[] clusteringFrames, Optional<PatchGrid> clusteringFeatures,
                              int[] modelFrames, List<CandidateCluster> candidates, TrackSet tracks,
                              StageTimings timings) {

    public CandidateTracks {
        candidates = List.copyOf(candidates);
        int n = candidates.stream().mapToInt(CandidateCluster::size).sum();
        if (tracks.size() != n) {
            throw new IllegalArgumentException("clip " + clipId + ": " + tracks.size() + " tracks for " + n
                    + " candidates");
        }
    }
}
