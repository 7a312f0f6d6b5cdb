package org.anomalyforge.trokens.model;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import java.util.List;

/** Stacks {@link ClipTensors} into the {@link TrokensNet} input list ({@code B} = number of clips). */
public final class ClipBatch {

    private ClipBatch() {}

    /**
     * @return {@code [appearance [B,T,M,A], patchIndex [B,T,M] int64, onFrame [B,T,M], hod [B,T,M,H],
     *         relational [B,T,M,2M], visible [B,T,M], padding [B,M]]} in {@code manager}
     */
    public static NDList of(NDManager manager, List<ClipTensors> clips) {
        if (clips.isEmpty()) {
            throw new IllegalArgumentException("a batch needs at least one clip");
        }
        ClipTensors first = clips.get(0);
        int b = clips.size();
        int t = first.frames();
        int m = first.points();
        int a = first.appearance().length / (t * m);
        int h = first.hod().length / (t * m);
        for (ClipTensors c : clips) {
            if (c.frames() != t || c.points() != m || c.appearance().length != t * m * a || c.hod().length != t * m * h) {
                throw new IllegalArgumentException("all clips of a batch must share T, M, A and H; got T " + c.frames()
                        + ", M " + c.points() + " vs T " + t + ", M " + m);
            }
        }
        float[] appearance = new float[b * t * m * a];
        long[] patch = new long[b * t * m];
        float[] onFrame = new float[b * t * m];
        float[] hod = new float[b * t * m * h];
        float[] rel = new float[b * t * m * 2 * m];
        float[] visible = new float[b * t * m];
        float[] padding = new float[b * m];
        for (int i = 0; i < b; i++) {
            ClipTensors c = clips.get(i);
            System.arraycopy(c.appearance(), 0, appearance, i * t * m * a, t * m * a);
            System.arraycopy(c.patchIndex(), 0, patch, i * t * m, t * m);
            System.arraycopy(c.onFrame(), 0, onFrame, i * t * m, t * m);
            System.arraycopy(c.hod(), 0, hod, i * t * m * h, t * m * h);
            System.arraycopy(c.relational(), 0, rel, i * t * m * 2 * m, t * m * 2 * m);
            System.arraycopy(c.visible(), 0, visible, i * t * m, t * m);
            System.arraycopy(c.padding(), 0, padding, i * m, m);
        }
        return new NDList(manager.create(appearance, new Shape(b, t, m, a)), manager.create(patch, new Shape(b, t, m)),
                manager.create(onFrame, new Shape(b, t, m)), manager.create(hod, new Shape(b, t, m, h)),
                manager.create(rel, new Shape(b, t, m, 2L * m)), manager.create(visible, new Shape(b, t, m)),
                manager.create(padding, new Shape(b, m)));
    }
}
