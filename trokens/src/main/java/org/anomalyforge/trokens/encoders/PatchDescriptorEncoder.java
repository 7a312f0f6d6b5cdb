package org.anomalyforge.trokens.encoders;

import java.util.List;
import org.anomalyforge.ingest.image.ImageCodec;
import org.anomalyforge.ingest.image.Interpolation;
import org.anomalyforge.ingest.image.OpenCv;
import org.anomalyforge.ingest.image.RgbImage;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.imgproc.Imgproc;

/**
 * The weight-free default encoder of spec §6.1 ({@code A = 16}, {@code G = 16}). Each frame is squashed to
 * 224×224 ({@code INTER_AREA}) and cut into 14×14-pixel cells; per cell, in this order:
 * <ol>
 *   <li>dims 0–5: Lab mean (L, a, b) then std (L, a, b), Lab from float RGB in [0,1], scaled L/100, a/128, b/128;</li>
 *   <li>dims 6–14: 9-bin unsigned HOG (bins centred at 20°·(k+0.5), circular linear interpolation,
 *       magnitude-weighted) from 3×3 Sobel on grey in [0,1], divided by {@code ‖h‖₂ + 0.05·196};</li>
 *   <li>dim 15: mean Sobel magnitude / 4.</li>
 * </ol>
 * Histograms are computed here rather than with {@code HOGDescriptor}, whose block weighting and order make
 * exact tests awkward. Stateless and thread-safe.
 */
public final class PatchDescriptorEncoder implements AppearanceEncoder {

    /** Squashed input side in pixels. */
    public static final int INPUT_SIZE = 224;
    /** Grid side {@code G}. */
    public static final int GRID = 16;
    /** Cell side in pixels. */
    public static final int CELL = INPUT_SIZE / GRID;
    /** Feature width {@code A}. */
    public static final int FEATURE_DIM = 16;
    /** HOG orientation bins. */
    public static final int HOG_BINS = 9;
    /** HOG normalisation ε: flat cells stay near zero instead of turning noise into unit vectors. */
    public static final double HOG_EPSILON = 0.05 * CELL * CELL;

    @Override
    public String id() {
        return "patch-descriptor-v1";
    }

    @Override
    public int gridSize() {
        return GRID;
    }

    @Override
    public int featureDim() {
        return FEATURE_DIM;
    }

    @Override
    public PatchGrid encode(List<RgbImage> frames) {
        if (frames == null || frames.isEmpty()) {
            throw new IllegalArgumentException("frames to encode must not be empty");
        }
        OpenCv.ensureLoaded();
        int per = GRID * GRID * FEATURE_DIM;
        float[] data = new float[frames.size() * per];
        for (int f = 0; f < frames.size(); f++) {
            encodeFrame(frames.get(f), data, f * per);
        }
        return new PatchGrid(frames.size(), GRID, FEATURE_DIM, data);
    }

    private static void encodeFrame(RgbImage frame, float[] out, int base) {
        RgbImage squashed = ImageCodec.resize(frame, INPUT_SIZE, INPUT_SIZE, Interpolation.AREA);
        int n = INPUT_SIZE * INPUT_SIZE;
        float[] rgb = new float[n * 3];
        byte[] p = squashed.pixels();
        for (int i = 0; i < rgb.length; i++) {
            rgb[i] = (p[i] & 0xff) / 255f;
        }
        float[] lab = new float[n * 3];
        float[] magnitude = new float[n];
        float[] angle = new float[n];
        Mat rgbMat = new Mat(INPUT_SIZE, INPUT_SIZE, CvType.CV_32FC3);
        Mat labMat = new Mat();
        Mat grey = new Mat();
        Mat gx = new Mat();
        Mat gy = new Mat();
        Mat mag = new Mat();
        Mat ang = new Mat();
        try {
            rgbMat.put(0, 0, rgb);
            Imgproc.cvtColor(rgbMat, labMat, Imgproc.COLOR_RGB2Lab);
            labMat.get(0, 0, lab);
            Imgproc.cvtColor(rgbMat, grey, Imgproc.COLOR_RGB2GRAY);
            Imgproc.Sobel(grey, gx, CvType.CV_32F, 1, 0, 3);
            Imgproc.Sobel(grey, gy, CvType.CV_32F, 0, 1, 3);
            Core.cartToPolar(gx, gy, mag, ang, true);
            mag.get(0, 0, magnitude);
            ang.get(0, 0, angle);
        } finally {
            rgbMat.release();
            labMat.release();
            grey.release();
            gx.release();
            gy.release();
            mag.release();
            ang.release();
        }
        for (int row = 0; row < GRID; row++) {
            for (int col = 0; col < GRID; col++) {
                cellDescriptor(lab, magnitude, angle, row, col, out, base + (row * GRID + col) * FEATURE_DIM);
            }
        }
    }

    /** Writes the 16 values of cell (row, col) at {@code out[offset..offset+15]}. */
    static void cellDescriptor(float[] lab, float[] magnitude, float[] angle, int row, int col, float[] out,
                               int offset) {
        double[] sum = new double[3];
        double[] sumSq = new double[3];
        double[] hog = new double[HOG_BINS];
        double magSum = 0;
        double[] scale = {1 / 100.0, 1 / 128.0, 1 / 128.0};
        for (int y = row * CELL; y < (row + 1) * CELL; y++) {
            for (int x = col * CELL; x < (col + 1) * CELL; x++) {
                int i = y * INPUT_SIZE + x;
                for (int c = 0; c < 3; c++) {
                    double v = lab[i * 3 + c] * scale[c];
                    sum[c] += v;
                    sumSq[c] += v * v;
                }
                double m = magnitude[i];
                magSum += m;
                vote(hog, angle[i], m);
            }
        }
        int count = CELL * CELL;
        for (int c = 0; c < 3; c++) {
            double mean = sum[c] / count;
            out[offset + c] = (float) mean;
            out[offset + 3 + c] = (float) Math.sqrt(Math.max(0, sumSq[c] / count - mean * mean));
        }
        double norm = 0;
        for (double h : hog) {
            norm += h * h;
        }
        double denominator = Math.sqrt(norm) + HOG_EPSILON;
        for (int k = 0; k < HOG_BINS; k++) {
            out[offset + 6 + k] = (float) (hog[k] / denominator);
        }
        out[offset + 15] = (float) (magSum / count / 4.0);
    }

    /**
     * Adds a magnitude-weighted vote for an orientation (degrees, any range) into the 9 unsigned bins,
     * centred at 20°·(k+0.5), with circular linear interpolation between the two nearest centres.
     */
    static void vote(double[] hog, double angleDegrees, double magnitude) {
        double unsigned = angleDegrees - 180.0 * Math.floor(angleDegrees / 180.0);
        double b = unsigned / 20.0 - 0.5;
        int k = (int) Math.floor(b);
        double f = b - k;
        // k ∈ [−1, 8]: bin −1 is bin 8 and bin 9 is bin 0 (circular)
        hog[k < 0 ? HOG_BINS - 1 : k] += magnitude * (1 - f);
        hog[k + 1 >= HOG_BINS ? 0 : k + 1] += magnitude * f;
    }
}
