package org.anomalyforge.trokens.tokens;

import org.anomalyforge.trokens.tracks.Coordinates;
import org.anomalyforge.trokens.tracks.TrackSet;
import org.anomalyforge.trokens.tracks.Trajectory;
import org.anomalyforge.trokens.tracks.TrajectorySlots;

/**
 * Turns slots over the tracking frames into {@link MotionTokens} at the model frames (spec §9): converts
 * pixels to normalised and motion coordinates (§8.4) and computes HoD and relational descriptors.
 *
 * @param hodMode HoD layout ({@link HodMode#PER_FRAME} by default)
 */
public record MotionTokenizer(HodMode hodMode) {

    public MotionTokenizer {
        java.util.Objects.requireNonNull(hodMode, "hodMode must not be null");
    }

    /**
     * @param slots       {@code M} slots over all {@code T_trk} tracking frames
     * @param modelFrames {@code [T]} tracking-frame indices of the model frames (§5.1)
     */
    public MotionTokens tokenize(TrajectorySlots slots, int[] modelFrames) {
        TrajectorySlots atModel = slots.atFrames(modelFrames);
        TrackSet set = atModel.tracks();
        int m = set.size();
        int t = set.frames();
        int w = set.width();
        int h = set.height();
        float[][] xn = new float[m][t];
        float[][] yn = new float[m][t];
        double[][] u = new double[m][t];
        double[][] v = new double[m][t];
        boolean[][] vis = new boolean[m][t];
        float[][][] hod = new float[m][][];
        for (int i = 0; i < m; i++) {
            Trajectory tr = set.track(i);
            for (int f = 0; f < t; f++) {
                xn[i][f] = (float) Coordinates.normalised(tr.x()[f], w);
                yn[i][f] = (float) Coordinates.normalised(tr.y()[f], h);
                u[i][f] = Coordinates.motion(tr.x()[f], w, w, h);
                v[i][f] = Coordinates.motion(tr.y()[f], h, w, h);
                vis[i][f] = tr.visible()[f] && Coordinates.onFrame(xn[i][f], yn[i][f]);
            }
            hod[i] = HodDescriptor.tokens(u[i], v[i], hodMode);
        }
        return new MotionTokens(atModel, xn, yn, new HodTokens(hodMode, hod),
                new RelationalTokens(RelationalDescriptor.compute(u, v, vis)));
    }
}
