package org.anomalyforge.trokens.sampling;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.anomalyforge.trokens.tracks.Coordinates;
import org.anomalyforge.trokens.tracks.QueryPoint;
import org.anomalyforge.trokens.tracks.TrackSet;
import org.anomalyforge.trokens.tracks.Trajectory;

/**
 * Uniform-grid baseline (spec §7.5, TATs-style): a {@code G × G} grid of cell centres queried at
 * {@code queryFrames} frames {@code floor(k·(T_trk−1)/queryFrames)}, tracked forward only; a point seeded at
 * a later query frame is dropped when its mean distance (motion coordinates) to an already-kept track, over
 * the frames from its query frame on where both are visible, is ≤ {@code delta}; then {@code M} points are
 * chosen uniformly at random.
 *
 * @param gridSize    cells per side (16)
 * @param queryFrames number of query frames (7)
 * @param delta       redundancy distance in motion coordinates (0.1)
 */
public record GridSampler(int gridSize, int queryFrames, double delta) {

    /** The spec's values. */
    public static final GridSampler DEFAULT = new GridSampler(16, 7, 0.1);

    public GridSampler {
        if (gridSize < 1 || queryFrames < 1 || !(delta >= 0)) {
            throw new IllegalArgumentException("grid sampler needs gridSize >= 1, queryFrames >= 1, delta >= 0, got "
                    + gridSize + ", " + queryFrames + ", " + delta);
        }
    }

    /** Query frames {@code floor(k·(T_trk−1)/queryFrames)}, k = 0..queryFrames−1, duplicates removed. */
    public int[] queryFrameIndices(int trackingFrames) {
        return java.util.stream.IntStream.range(0, queryFrames)
                .map(k -> (int) ((long) k * (trackingFrames - 1) / queryFrames)).distinct().toArray();
    }

    /** All grid queries: per query frame, cell centres in raster order; pixel centre of cell = (col+0.5)·W/G − 0.5. */
    public List<QueryPoint> queries(int width, int height, int trackingFrames) {
        List<QueryPoint> out = new ArrayList<>();
        for (int frame : queryFrameIndices(trackingFrames)) {
            for (int row = 0; row < gridSize; row++) {
                for (int col = 0; col < gridSize; col++) {
                    out.add(new QueryPoint(frame, (float) ((col + 0.5) * width / gridSize - 0.5),
                            (float) ((row + 0.5) * height / gridSize - 0.5)));
                }
            }
        }
        return out;
    }

    /**
     * Indices of the tracks that survive the redundancy filter, in query order.
     *
     * @param tracks  forward-only tracks of {@code queries}, same order
     * @param queries the grid queries
     */
    public int[] keepNonRedundant(TrackSet tracks, List<QueryPoint> queries) {
        int firstFrame = queries.isEmpty() ? 0 : queries.get(0).frame();
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < queries.size(); i++) {
            int q = queries.get(i).frame();
            boolean redundant = false;
            if (q != firstFrame) {
                for (int j : kept) {
                    double d = meanDistance(tracks, tracks.track(i), tracks.track(j), q);
                    if (d <= delta) {
                        redundant = true;
                        break;
                    }
                }
            }
            if (!redundant) {
                kept.add(i);
            }
        }
        return kept.stream().mapToInt(Integer::intValue).toArray();
    }

    /** {@code M} of the kept indices, uniformly at random without replacement, returned sorted. */
    public static int[] choose(int[] kept, int m, SplitMix64 rng) {
        int take = Math.min(m, kept.length);
        int[] perm = kept.clone();
        for (int i = 0; i < take; i++) {
            int j = i + rng.nextInt(perm.length - i);
            int t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        int[] out = Arrays.copyOf(perm, take);
        Arrays.sort(out);
        return out;
    }

    private static double meanDistance(TrackSet set, Trajectory a, Trajectory b, int from) {
        double sum = 0;
        int n = 0;
        for (int t = from; t < set.frames(); t++) {
            if (a.visible()[t] && b.visible()[t]) {
                double du = Coordinates.motion(a.x()[t], set.width(), set.width(), set.height())
                        - Coordinates.motion(b.x()[t], set.width(), set.width(), set.height());
                double dv = Coordinates.motion(a.y()[t], set.height(), set.width(), set.height())
                        - Coordinates.motion(b.y()[t], set.height(), set.width(), set.height());
                sum += Math.sqrt(du * du + dv * dv);
                n++;
            }
        }
        return n == 0 ? Double.POSITIVE_INFINITY : sum / n;
    }
}
