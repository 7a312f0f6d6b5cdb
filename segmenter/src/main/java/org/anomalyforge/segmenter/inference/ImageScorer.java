package org.anomalyforge.segmenter.inference;

/**
 * Image scores from probability maps (§6.1). Thread-safe; the blur kernel is fixed at construction and
 * the scratch rows are allocated per call (H·W floats, small next to the forward).
 */
public final class ImageScorer {

    private final ImageScoreMode mode;
    private final int width;
    private final int height;
    private final float[] kernel;

    /**
     * @param mode   score mode
     * @param width  map width W
     * @param height map height H
     */
    public ImageScorer(ImageScoreMode mode, int width, int height) {
        this.mode = java.util.Objects.requireNonNull(mode, "mode");
        this.width = width;
        this.height = height;
        this.kernel = mode == ImageScoreMode.BLURRED_MAX ? gaussian(4.0 * height / 256.0) : new float[0];
    }

    /** The normalised Gaussian taps for σ, radius ⌈3σ⌉ (25 taps at σ = 4). */
    static float[] gaussian(double sigma) {
        int radius = (int) Math.ceil(3 * sigma);
        float[] k = new float[2 * radius + 1];
        double sum = 0;
        for (int i = -radius; i <= radius; i++) {
            double v = Math.exp(-0.5 * i * i / (sigma * sigma));
            k[i + radius] = (float) v;
            sum += v;
        }
        for (int i = 0; i < k.length; i++) {
            k[i] = (float) (k[i] / sum);
        }
        return k;
    }

    /**
     * The score of the map at {@code offset} in {@code maps}.
     *
     * @param maps   row-major H·W probabilities, possibly several maps back to back
     * @param offset index of the map's first value
     */
    public float score(float[] maps, int offset) {
        if (mode == ImageScoreMode.MAX) {
            float max = Float.NEGATIVE_INFINITY;
            for (int i = 0; i < width * height; i++) {
                max = Math.max(max, maps[offset + i]);
            }
            return max;
        }
        float[] rows = new float[width * height];
        int r = kernel.length / 2;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double s = 0;
                for (int t = -r; t <= r; t++) {
                    int xx = Math.max(0, Math.min(width - 1, x + t));
                    s += kernel[t + r] * maps[offset + y * width + xx];
                }
                rows[y * width + x] = (float) s;
            }
        }
        float max = Float.NEGATIVE_INFINITY;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double s = 0;
                for (int t = -r; t <= r; t++) {
                    int yy = Math.max(0, Math.min(height - 1, y + t));
                    s += kernel[t + r] * rows[yy * width + x];
                }
                max = Math.max(max, (float) s);
            }
        }
        return max;
    }
}
