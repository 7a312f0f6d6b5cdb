package org.anomalyforge.trokens.tracking;

import java.util.List;
import java.util.Optional;
import org.anomalyforge.trokens.encoders.PatchGrid;
import org.anomalyforge.trokens.sampling.CandidateCluster;
import org.anomalyforge.trokens.tokens.MotionTokens;
import org.anomalyforge.trokens.tracks.TrajectorySlots;

/**
 * Everything {@link TrackingPipeline} produced for one clip.
 *
 * @param clusteringFrames   tracking-frame indices of the clustering frames {@code [F']} (empty in GRID mode)
 * @param clusteringFeatures encoder output {@code [F', G, G, A]} of the clustering frames, for reuse (§6.4);
 *                           empty in GRID mode
 * @param modelFrames        tracking-frame indices of the {@code T = 8} model frames
 * @param candidates         candidate clusters (one pseudo-cluster with id −1 in GRID mode)
 * @param slots              the {@code M} slots over all tracking frames, canonical order
 * @param tokens             motion tokens at the model frames
 * @param timings            per-stage wall time
 */
public record ClipTrackResult(int[] clusteringFrames, Optional<PatchGrid> clusteringFeatures, int[] modelFrames,
                              List<CandidateCluster> candidates, TrajectorySlots slots, MotionTokens tokens,
                              StageTimings timings) {

    public ClipTrackResult {
        candidates = List.copyOf(candidates);
    }

    /**
     * Encoder output of the model frames {@code [T, G, G, A]} reused from the clustering frames (§6.4), when every
     * model frame is also a clustering frame (always true for {@code T_trk ≤ 32}, e.g. a stream window).
     */
    public Optional<PatchGrid> modelFeatures() {
        if (clusteringFeatures.isEmpty()) {
            return Optional.empty();
        }
        int[] positions = new int[modelFrames.length];
        for (int i = 0; i < modelFrames.length; i++) {
            positions[i] = -1;
            for (int j = 0; j < clusteringFrames.length; j++) {
                if (clusteringFrames[j] == modelFrames[i]) {
                    positions[i] = j;
                }
            }
            if (positions[i] < 0) {
                return Optional.empty();
            }
        }
        return Optional.of(clusteringFeatures.get().selectFrames(positions));
    }
}
