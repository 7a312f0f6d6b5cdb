package org.anomalyforge.trokens.tracking;

import java.util.ArrayList;
import java.util.List;
import org.anomalyforge.trokens.clips.TrackingFrames;
import org.anomalyforge.trokens.tracks.Coordinates;
import org.anomalyforge.trokens.tracks.QueryPoint;
import org.anomalyforge.trokens.tracks.TrackSet;
import org.opencv.core.Mat;
import org.opencv.video.DISOpticalFlow;
import org.opencv.video.Video;

/**
 * Dense-flow point tracker (spec §8.3, optional). Per consecutive pair, forward flow {@code F_t} (t→t+1) and
 * backward flow {@code B_{t+1}} (t+1→t) are computed once; a point moves as {@code p ← p + F_t(p)} (bilinear
 * lookup), and backward symmetrically. A step is valid iff the Sundaram et al. 2010 consistency test
 * {@code ‖w + ŵ‖² ≤ 0.01(‖w‖² + ‖ŵ‖²) + 0.5} holds (w the flow at p, ŵ the opposite flow at p + w) and the
 * new position is finite and on the frame; lost points follow the same rules as {@link PyramidalLkTracker}.
 * Cost does not depend on the number of points. Thread-safe (a DIS instance is created per call).
 *
 * @param method flow algorithm
 */
public record DenseFlowTracker(FlowMethod method) implements PointTracker {

    public DenseFlowTracker {
        java.util.Objects.requireNonNull(method, "method must not be null");
    }

    @Override
    public String id() {
        return method == FlowMethod.DIS_MEDIUM ? "dis" : "farneback";
    }

    @Override
    public TrackSet track(TrackingFrames frames, List<QueryPoint> queries, TrackDirection direction) {
        int t = frames.size();
        TrackAccumulator.check(frames.clipId(), t, queries);
        TrackAccumulator acc = new TrackAccumulator(queries, t, frames.width(), frames.height());
        int w = frames.width();
        int h = frames.height();
        List<Mat> grey = GreyFrames.of(frames.frames());
        DISOpticalFlow dis = method == FlowMethod.DIS_MEDIUM ? DISOpticalFlow.create(DISOpticalFlow.PRESET_MEDIUM)
                : null;
        try {
            // forward[k] = F_k (k → k+1), backward[k] = B_{k+1} (k+1 → k), each [H·W·2] (dx, dy)
            List<float[]> forward = new ArrayList<>(t - 1);
            List<float[]> backward = new ArrayList<>(t - 1);
            for (int k = 0; k + 1 < t; k++) {
                forward.add(flow(dis, grey.get(k), grey.get(k + 1), w, h));
                backward.add(flow(dis, grey.get(k + 1), grey.get(k), w, h));
            }
            for (int from = 0; from + 1 < t; from++) {
                for (int i : acc.activeForward(from)) {
                    step(acc, i, from, from + 1, forward.get(from), backward.get(from));
                }
            }
            if (direction == TrackDirection.BOTH) {
                for (int from = t - 1; from > 0; from--) {
                    for (int i : acc.activeBackward(from)) {
                        step(acc, i, from, from - 1, backward.get(from - 1), forward.get(from - 1));
                    }
                }
            }
        } finally {
            grey.forEach(Mat::release);
        }
        return acc.toTrackSet();
    }

    /** Moves point {@code i} with {@code there} (from → to) and checks it against {@code back} (to → from). */
    private static void step(TrackAccumulator acc, int i, int from, int to, float[] there, float[] back) {
        int w = acc.width();
        int h = acc.height();
        double px = acc.x(i, from);
        double py = acc.y(i, from);
        double[] fw = bilinear(there, w, h, px, py);
        double qx = px + fw[0];
        double qy = py + fw[1];
        boolean valid = Double.isFinite(qx) && Double.isFinite(qy) && Coordinates.onFrame(qx, qy, w, h);
        if (valid) {
            double[] bw = bilinear(back, w, h, qx, qy);
            double sx = fw[0] + bw[0];
            double sy = fw[1] + bw[1];
            double lhs = sx * sx + sy * sy;
            double rhs = 0.01 * (fw[0] * fw[0] + fw[1] * fw[1] + bw[0] * bw[0] + bw[1] * bw[1]) + 0.5;
            valid = lhs <= rhs;
        }
        if (valid) {
            acc.accept(i, to, qx, qy);
        } else {
            acc.lose(i, from, to);
        }
    }

    /** Bilinear flow lookup at (x, y), coordinates clamped to the frame. */
    static double[] bilinear(float[] flow, int w, int h, double x, double y) {
        double cx = Math.max(0, Math.min(w - 1, x));
        double cy = Math.max(0, Math.min(h - 1, y));
        int x0 = (int) Math.floor(cx);
        int y0 = (int) Math.floor(cy);
        int x1 = Math.min(w - 1, x0 + 1);
        int y1 = Math.min(h - 1, y0 + 1);
        double fx = cx - x0;
        double fy = cy - y0;
        double[] out = new double[2];
        for (int c = 0; c < 2; c++) {
            double top = (1 - fx) * flow[(y0 * w + x0) * 2 + c] + fx * flow[(y0 * w + x1) * 2 + c];
            double bottom = (1 - fx) * flow[(y1 * w + x0) * 2 + c] + fx * flow[(y1 * w + x1) * 2 + c];
            out[c] = (1 - fy) * top + fy * bottom;
        }
        return out;
    }

    private float[] flow(DISOpticalFlow dis, Mat from, Mat to, int w, int h) {
        Mat f = new Mat();
        try {
            if (dis != null) {
                dis.calc(from, to, f);
            } else {
                Video.calcOpticalFlowFarneback(from, to, f, 0.5, 3, 15, 3, 5, 1.2, 0);
            }
            float[] out = new float[w * h * 2];
            f.get(0, 0, out);
            return out;
        } finally {
            f.release();
        }
    }
}
