package org.anomalyforge.trokens.tracking;

import java.util.List;
import org.anomalyforge.trokens.clips.TrackingFrames;
import org.anomalyforge.trokens.tracks.QueryPoint;
import org.anomalyforge.trokens.tracks.TrackSet;

/**
 * Tracks query points through a clip (spec §8.1). Every query gets a position in every frame; the result's
 * trajectories are in query order, at tracking resolution.
 */
public interface PointTracker {

    /** Stable identifier for cache keys and benchmark tables. */
    String id();

    /** Tracks forward and backward from each query frame. */
    default TrackSet track(TrackingFrames frames, List<QueryPoint> queries) {
        return track(frames, queries, TrackDirection.BOTH);
    }

    /**
     * @param frames    {@code T_trk ≥ 2} frames
     * @param queries   points with {@code frame < T_trk}
     * @param direction both ways, or forward only
     * @return {@code queries.size()} trajectories over {@code T_trk} frames
     */
    TrackSet track(TrackingFrames frames, List<QueryPoint> queries, TrackDirection direction);
}
