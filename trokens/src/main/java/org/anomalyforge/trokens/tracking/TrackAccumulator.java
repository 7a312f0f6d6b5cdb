package org.anomalyforge.trokens.tracking;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.anomalyforge.trokens.tracks.QueryPoint;
import org.anomalyforge.trokens.tracks.TrackSet;
import org.anomalyforge.trokens.tracks.Trajectory;

/**
 * Per-point positions and visibility while a tracker steps through a clip, with the shared rules of spec
 * §8.2: a point is visible at exactly its query position at its query frame and nowhere else until a valid
 * step reaches a frame; after the first invalid step in a direction it holds its last valid position,
 * invisible, for the rest of that direction. Before a forward-only point's query frame it holds its query
 * position, invisible. One instance per {@code track} call.
 */
final class TrackAccumulator {

    private final List<QueryPoint> queries;
    private final int frames;
    private final int width;
    private final int height;
    private final float[][] x;
    private final float[][] y;
    private final boolean[][] visible;
    private final boolean[] lostForward;
    private final boolean[] lostBackward;

    TrackAccumulator(List<QueryPoint> queries, int frames, int width, int height) {
        this.queries = queries;
        this.frames = frames;
        this.width = width;
        this.height = height;
        int n = queries.size();
        x = new float[n][frames];
        y = new float[n][frames];
        visible = new boolean[n][frames];
        lostForward = new boolean[n];
        lostBackward = new boolean[n];
        for (int i = 0; i < n; i++) {
            QueryPoint q = queries.get(i);
            Arrays.fill(x[i], q.x());
            Arrays.fill(y[i], q.y());
            visible[i][q.frame()] = true;
        }
    }

    /** Points to step from {@code t} to {@code t + 1}: queried at or before t and not lost going forward. */
    List<Integer> activeForward(int t) {
        List<Integer> active = new ArrayList<>();
        for (int i = 0; i < queries.size(); i++) {
            if (queries.get(i).frame() <= t && !lostForward[i]) {
                active.add(i);
            }
        }
        return active;
    }

    /** Points to step from {@code t} to {@code t − 1}: queried at or after t and not lost going backward. */
    List<Integer> activeBackward(int t) {
        List<Integer> active = new ArrayList<>();
        for (int i = 0; i < queries.size(); i++) {
            if (queries.get(i).frame() >= t && !lostBackward[i]) {
                active.add(i);
            }
        }
        return active;
    }

    float x(int i, int t) {
        return x[i][t];
    }

    float y(int i, int t) {
        return y[i][t];
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }

    /** A valid step of point {@code i} reached frame {@code to} at (px, py). */
    void accept(int i, int to, double px, double py) {
        x[i][to] = (float) px;
        y[i][to] = (float) py;
        visible[i][to] = true;
    }

    /** An invalid step {@code from → to}: the point holds its position at {@code from}, invisible, to the end. */
    void lose(int i, int from, int to) {
        int sign = to - from;
        if (sign > 0) {
            lostForward[i] = true;
        } else {
            lostBackward[i] = true;
        }
        for (int s = to; s >= 0 && s < frames; s += sign) {
            x[i][s] = x[i][from];
            y[i][s] = y[i][from];
            visible[i][s] = false;
        }
    }

    TrackSet toTrackSet() {
        List<Trajectory> tracks = new ArrayList<>(queries.size());
        for (int i = 0; i < queries.size(); i++) {
            tracks.add(new Trajectory(x[i], y[i], visible[i]));
        }
        return new TrackSet(frames, width, height, tracks);
    }

    /** Validates a call: at least 2 frames, every query frame inside the clip. */
    static void check(String clipId, int frames, List<QueryPoint> queries) {
        if (frames < 2) {
            throw new IllegalArgumentException("clip " + clipId + ": tracking needs at least 2 frames, got " + frames);
        }
        for (int i = 0; i < queries.size(); i++) {
            if (queries.get(i).frame() >= frames) {
                throw new IllegalArgumentException("clip " + clipId + ": query " + i + " is at frame "
                        + queries.get(i).frame() + ", clip has " + frames + " frames");
            }
        }
    }
}
