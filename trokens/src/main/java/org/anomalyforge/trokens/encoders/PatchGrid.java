package org.anomalyforge.trokens.encoders;

/**
 * Patch features of {@code F} frames: a row-major {@code [F, G, G, A]} float tensor held flat. Patch
 * {@code (row, col)} covers the squashed frame's cell {@code row} from the top and {@code col} from the
 * left; its token index in raster order is {@code row·G + col}.
 *
 * @param frames     {@code F ≥ 1}
 * @param gridSize   {@code G ≥ 1}
 * @param featureDim {@code A ≥ 1}
 * @param data       {@code F·G·G·A} values, index {@code ((f·G + row)·G + col)·A + a}
 */
public record PatchGrid(int frames, int gridSize, int featureDim, float[] data) {

    public PatchGrid {
        if (frames < 1 || gridSize < 1 || featureDim < 1) {
            throw new IllegalArgumentException("patch grid dimensions must be >= 1, got F=" + frames + ", G="
                    + gridSize + ", A=" + featureDim);
        }
        long expected = (long) frames * gridSize * gridSize * featureDim;
        if (data == null || data.length != expected) {
            throw new IllegalArgumentException("patch grid data must hold F*G*G*A = " + expected
                    + " floats, got " + (data == null ? "null" : data.length));
        }
    }

    /** Number of patches per frame, {@code G²}. */
    public int tokensPerFrame() {
        return gridSize * gridSize;
    }

    /** Offset of feature 0 of patch {@code (row, col)} of frame {@code f} in {@link #data}. */
    public int offset(int f, int row, int col) {
        return ((f * gridSize + row) * gridSize + col) * featureDim;
    }

    /** Feature {@code a} of patch {@code (row, col)} of frame {@code f}. */
    public float get(int f, int row, int col, int a) {
        return data[offset(f, row, col) + a];
    }

    /** Copy of the feature vector {@code [A]} of patch {@code (row, col)} of frame {@code f}. */
    public float[] feature(int f, int row, int col) {
        float[] v = new float[featureDim];
        System.arraycopy(data, offset(f, row, col), v, 0, featureDim);
        return v;
    }

    /** Copy of frame {@code f}'s tokens in raster order: {@code [G², A]}. */
    public float[][] tokens(int f) {
        float[][] out = new float[tokensPerFrame()][featureDim];
        int base = offset(f, 0, 0);
        for (int i = 0; i < out.length; i++) {
            System.arraycopy(data, base + i * featureDim, out[i], 0, featureDim);
        }
        return out;
    }

    /** The frames at {@code frameIndices}, in that order (e.g. the model frames among the clustering frames). */
    public PatchGrid selectFrames(int[] frameIndices) {
        int per = tokensPerFrame() * featureDim;
        float[] out = new float[frameIndices.length * per];
        for (int i = 0; i < frameIndices.length; i++) {
            int f = frameIndices[i];
            if (f < 0 || f >= frames) {
                throw new IllegalArgumentException("frame index " + f + " outside patch grid of " + frames
                        + " frames");
            }
            System.arraycopy(data, f * per, out, i * per, per);
        }
        return new PatchGrid(frameIndices.length, gridSize, featureDim, out);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PatchGrid other && frames == other.frames && gridSize == other.gridSize
                && featureDim == other.featureDim && java.util.Arrays.equals(data, other.data);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * (31 * frames + gridSize) + featureDim) + java.util.Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "PatchGrid[" + frames + "×" + gridSize + "×" + gridSize + "×" + featureDim + "]";
    }
}
