package org.anomalyforge.trokens.model;

import org.anomalyforge.trokens.encoders.PatchGrid;
import org.anomalyforge.trokens.tokens.HodMode;
import org.anomalyforge.trokens.tokens.MotionTokenizer;
import org.anomalyforge.trokens.tracks.Coordinates;
import org.anomalyforge.trokens.tracks.TrackSet;
import org.anomalyforge.trokens.tracks.Trajectory;
import org.anomalyforge.trokens.tracks.TrajectorySlots;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded synthetic {@link PrecomputedClip}s for tests: M points on a 64×48 frame over T = 8 frames moving in
 * a class-specific direction (real HoD and relational tokens from {@link MotionTokenizer}), the last slot a
 * padding duplicate, and noisy appearance features with a weak class cue.
 */
public final class TestClips {

    public static final int WIDTH = 64;
    public static final int HEIGHT = 48;
    public static final int FRAMES = 8;

    private TestClips() {}

    /** A tiny recogniser configuration for these clips: A 8, d 32, 4 heads, M 8, C classes. */
    public static TrokensConfig config(int baseClasses) {
        return new TrokensConfig("test", 8, 32, 4, 8, FRAMES, 16, HodMode.PER_FRAME, baseClasses,
                MaskMode.VISIBILITY, true, true, true, true);
    }

    /** Clip of class {@code cls} (of {@code classes} directions) with {@code points} slots and A features. */
    public static PrecomputedClip clip(String id, int cls, int classes, long seed, int points, int featureDim) {
        SplittableRandom r = new SplittableRandom(seed);
        double angle = 2 * Math.PI * cls / classes;
        List<Trajectory> tracks = new ArrayList<>();
        for (int m = 0; m < points - 1; m++) {
            float[] x = new float[FRAMES];
            float[] y = new float[FRAMES];
            boolean[] visible = new boolean[FRAMES];
            double px = 16 + 32 * r.nextDouble();
            double py = 12 + 24 * r.nextDouble();
            for (int t = 0; t < FRAMES; t++) {
                x[t] = (float) px;
                y[t] = (float) py;
                visible[t] = Coordinates.onFrame(px, py, WIDTH, HEIGHT);
                px += 2.0 * Math.cos(angle) + 0.3 * r.nextGaussian();
                py += 2.0 * Math.sin(angle) + 0.3 * r.nextGaussian();
            }
            tracks.add(new Trajectory(x, y, visible));
        }
        tracks.add(tracks.get(0)); // padding duplicate, last
        boolean[] padding = new boolean[points];
        padding[points - 1] = true;
        TrajectorySlots slots = new TrajectorySlots(new TrackSet(FRAMES, WIDTH, HEIGHT, tracks), padding,
                new int[points]);
        int[] modelFrames = {0, 1, 2, 3, 4, 5, 6, 7};
        float[] features = new float[FRAMES * 16 * 16 * featureDim];
        for (int i = 0; i < features.length; i++) {
            features[i] = (float) (0.5 * r.nextGaussian() + (i % featureDim == cls % featureDim ? 0.5 : 0));
        }
        return new PrecomputedClip(id, new MotionTokenizer(HodMode.PER_FRAME).tokenize(slots, modelFrames),
                new PatchGrid(FRAMES, 16, featureDim, features));
    }
}
