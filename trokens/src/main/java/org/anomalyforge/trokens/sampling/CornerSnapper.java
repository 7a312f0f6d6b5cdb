package org.anomalyforge.trokens.sampling;

import org.anomalyforge.ingest.image.OpenCv;
import org.anomalyforge.ingest.image.RgbImage;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.imgproc.Imgproc;

/**
 * Optional {@code snapToCorner} of spec §7.3: moves each query pixel to the in-mask pixel within
 * {@code radius} px with the largest Shi–Tomasi response ({@code cornerMinEigenVal}, block 5) if that
 * response is at least {@code minRatio} of the frame maximum. LK cannot follow a point on a flat surface,
 * so a point on a textureless part is moved to the nearest trackable structure.
 *
 * @param radius    search radius in pixels (Euclidean), 4
 * @param blockSize Shi–Tomasi neighbourhood, 5
 * @param minRatio  minimum response relative to the frame maximum, 0.01
 */
public record CornerSnapper(int radius, int blockSize, double minRatio) {

    /** The spec's values. */
    public static final CornerSnapper DEFAULT = new CornerSnapper(4, 5, 0.01);

    public CornerSnapper {
        if (radius < 0 || blockSize < 1 || !(minRatio >= 0)) {
            throw new IllegalArgumentException("corner snapper needs radius >= 0, blockSize >= 1, minRatio >= 0,"
                    + " got " + radius + ", " + blockSize + ", " + minRatio);
        }
    }

    /** Shi–Tomasi minimum-eigenvalue response of a frame, {@code [H·W]} row-major. */
    public float[] response(RgbImage frame) {
        OpenCv.ensureLoaded();
        Mat rgb = new Mat(frame.height(), frame.width(), CvType.CV_8UC3);
        Mat grey = new Mat();
        Mat out = new Mat();
        try {
            rgb.put(0, 0, frame.pixels());
            Imgproc.cvtColor(rgb, grey, Imgproc.COLOR_RGB2GRAY);
            Imgproc.cornerMinEigenVal(grey, out, blockSize);
            float[] r = new float[frame.width() * frame.height()];
            out.get(0, 0, r);
            return r;
        } finally {
            rgb.release();
            grey.release();
            out.release();
        }
    }

    /**
     * @param response  {@link #response} of the query frame
     * @param pixelMask {@code [H·W]} the cluster's mask at tracking resolution
     * @param points    {@code [k][2]} query pixels (not modified)
     * @return snapped pixels {@code [k][2]}; a point keeps its position if no pixel qualifies or the best one
     *         was already taken by an earlier point (points stay distinct)
     */
    public int[][] snap(float[] response, int width, int height, boolean[] pixelMask, int[][] points) {
        float max = 0;
        for (float r : response) {
            max = Math.max(max, r);
        }
        double floor = minRatio * max;
        java.util.Set<Integer> taken = new java.util.HashSet<>();
        for (int[] p : points) {
            taken.add(p[1] * width + p[0]);
        }
        int[][] out = new int[points.length][];
        for (int i = 0; i < points.length; i++) {
            int px = points[i][0];
            int py = points[i][1];
            int best = -1;
            float bestR = Float.NEGATIVE_INFINITY;
            for (int y = Math.max(0, py - radius); y <= Math.min(height - 1, py + radius); y++) {
                for (int x = Math.max(0, px - radius); x <= Math.min(width - 1, px + radius); x++) {
                    int dx = x - px;
                    int dy = y - py;
                    int idx = y * width + x;
                    if (dx * dx + dy * dy <= radius * radius && pixelMask[idx] && response[idx] > bestR) {
                        bestR = response[idx];
                        best = idx;
                    }
                }
            }
            int self = py * width + px;
            if (best >= 0 && best != self && max > 0 && bestR >= floor && !taken.contains(best)) {
                taken.remove(self);
                taken.add(best);
                out[i] = new int[] {best % width, best / width};
            } else {
                out[i] = points[i].clone();
            }
        }
        return out;
    }
}
