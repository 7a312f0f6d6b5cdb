package org.anomalyforge.trokens.tracking;

import java.util.List;
import org.anomalyforge.trokens.clips.TrackingFrames;
import org.anomalyforge.trokens.tracks.Coordinates;
import org.anomalyforge.trokens.tracks.QueryPoint;
import org.anomalyforge.trokens.tracks.TrackSet;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.MatOfFloat;
import org.opencv.core.MatOfPoint2f;
import org.opencv.core.Point;
import org.opencv.core.Size;
import org.opencv.core.TermCriteria;
import org.opencv.video.Video;

/**
 * Pyramidal Lucas–Kanade tracker with a forward–backward check (spec §8.2). Each point is tracked forward
 * from its query frame to the last frame and (in {@link TrackDirection#BOTH}) backward to frame 0, batched
 * per frame pair and direction. A step t→t±1 is valid iff both LK status flags are 1, the back-tracked
 * position is within {@code fbThreshold} of the start and the new position is finite and on the frame.
 * After the first invalid step in a direction the point holds its last valid position, invisible. At its
 * query frame a point is visible at exactly its query position. Thread-safe (no mutable state).
 */
public final class PyramidalLkTracker implements PointTracker {

    private final LkParameters parameters;

    public PyramidalLkTracker(LkParameters parameters) {
        this.parameters = java.util.Objects.requireNonNull(parameters, "parameters must not be null");
    }

    /** A tracker with the spec's defaults. */
    public static PyramidalLkTracker withDefaults() {
        return new PyramidalLkTracker(LkParameters.DEFAULT);
    }

    @Override
    public String id() {
        return "lk-fb";
    }

    @Override
    public TrackSet track(TrackingFrames frames, List<QueryPoint> queries, TrackDirection direction) {
        int t = frames.size();
        TrackAccumulator.check(frames.clipId(), t, queries);
        TrackAccumulator acc = new TrackAccumulator(queries, t, frames.width(), frames.height());
        List<Mat> grey = GreyFrames.of(frames.frames());
        try {
            for (int from = 0; from + 1 < t; from++) {
                step(grey.get(from), grey.get(from + 1), acc.activeForward(from), from, from + 1, acc);
            }
            if (direction == TrackDirection.BOTH) {
                for (int from = t - 1; from > 0; from--) {
                    step(grey.get(from), grey.get(from - 1), acc.activeBackward(from), from, from - 1, acc);
                }
            }
        } finally {
            grey.forEach(Mat::release);
        }
        return acc.toTrackSet();
    }

    /** One batched step {@code from → to} with its forward–backward check. */
    private void step(Mat fromImage, Mat toImage, List<Integer> active, int from, int to, TrackAccumulator acc) {
        if (active.isEmpty()) {
            return;
        }
        Point[] start = new Point[active.size()];
        for (int k = 0; k < start.length; k++) {
            int i = active.get(k);
            start[k] = new Point(acc.x(i, from), acc.y(i, from));
        }
        MatOfPoint2f p0 = new MatOfPoint2f(start);
        MatOfPoint2f p1 = new MatOfPoint2f();
        MatOfPoint2f p2 = new MatOfPoint2f();
        MatOfByte status1 = new MatOfByte();
        MatOfByte status2 = new MatOfByte();
        MatOfFloat err1 = new MatOfFloat();
        MatOfFloat err2 = new MatOfFloat();
        try {
            lk(fromImage, toImage, p0, p1, status1, err1);
            lk(toImage, fromImage, p1, p2, status2, err2);
            Point[] moved = p1.toArray();
            Point[] back = p2.toArray();
            byte[] s1 = status1.toArray();
            byte[] s2 = status2.toArray();
            for (int k = 0; k < start.length; k++) {
                int i = active.get(k);
                boolean valid = s1[k] == 1 && s2[k] == 1 && Double.isFinite(moved[k].x) && Double.isFinite(moved[k].y)
                        && Math.hypot(back[k].x - start[k].x, back[k].y - start[k].y) <= parameters.fbThreshold()
                        && Coordinates.onFrame(moved[k].x, moved[k].y, acc.width(), acc.height());
                if (valid) {
                    acc.accept(i, to, moved[k].x, moved[k].y);
                } else {
                    acc.lose(i, from, to);
                }
            }
        } finally {
            p0.release();
            p1.release();
            p2.release();
            status1.release();
            status2.release();
            err1.release();
            err2.release();
        }
    }

    private void lk(Mat from, Mat to, MatOfPoint2f in, MatOfPoint2f out, MatOfByte status, MatOfFloat err) {
        Video.calcOpticalFlowPyrLK(from, to, in, out, status, err,
                new Size(parameters.window(), parameters.window()), parameters.maxLevel(),
                new TermCriteria(TermCriteria.COUNT + TermCriteria.EPS, parameters.maxIterations(),
                        parameters.epsilon()), 0, parameters.minEigThreshold());
    }
}
