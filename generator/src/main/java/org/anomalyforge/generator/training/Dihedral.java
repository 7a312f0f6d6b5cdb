package org.anomalyforge.generator.training;

/**
 * One synchronised augmentation of seas.md §2.6: a counter-clockwise rotation by 90°·{@code rotation}, then a flip
 * (0 none, 1 left–right, 2 top–bottom). Applied after resize and crop, so it is an exact index permutation of the
 * S×S planes; the same instance is applied to an anomaly image, its mask and its paired normal image.
 *
 * @param rotation quarter turns counter-clockwise, 0..3
 * @param flip     0 none, 1 left–right, 2 top–bottom
 */
public record Dihedral(int rotation, int flip) {

    /** No augmentation. */
    public static final Dihedral IDENTITY = new Dihedral(0, 0);

    public Dihedral {
        if (rotation < 0 || rotation > 3) {
            throw new IllegalArgumentException("Dihedral.rotation must be 0..3, got " + rotation);
        }
        if (flip < 0 || flip > 2) {
            throw new IllegalArgumentException("Dihedral.flip must be 0..2, got " + flip);
        }
    }

    /** Applies the transform to {@code channels} planes of side×side floats (C order). */
    public float[] apply(float[] planes, int channels, int side) {
        if (planes.length != channels * side * side) {
            throw new IllegalArgumentException("expected " + channels + "·" + side + "² values, got " + planes.length);
        }
        if (this.equals(IDENTITY)) {
            return planes.clone();
        }
        int[] source = sourceIndex(side);
        float[] out = new float[planes.length];
        int hw = side * side;
        for (int c = 0; c < channels; c++) {
            for (int i = 0; i < hw; i++) {
                out[c * hw + i] = planes[c * hw + source[i]];
            }
        }
        return out;
    }

    /** For every output pixel (row-major) the input pixel it comes from. */
    int[] sourceIndex(int side) {
        int[] src = new int[side * side];
        int n = side - 1;
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                int fy = flip == 2 ? n - y : y;          // undo the flip first (it was applied last)
                int fx = flip == 1 ? n - x : x;
                int ry = fy;
                int rx = fx;
                for (int k = 0; k < rotation; k++) {      // undo one CCW quarter turn: out[y][x] = in[x][n − y]
                    int ty = rx;
                    int tx = n - ry;
                    ry = ty;
                    rx = tx;
                }
                src[y * side + x] = ry * side + rx;
            }
        }
        return src;
    }
}
