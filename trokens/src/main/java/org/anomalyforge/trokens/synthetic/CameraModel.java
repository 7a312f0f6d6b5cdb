package org.anomalyforge.trokens.synthetic;

import org.anomalyforge.ingest.image.OpenCv;
import org.anomalyforge.ingest.image.RgbImage;
import org.anomalyforge.trokens.sampling.SplitMix64;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * The camera of one clip: belt angle (rotation of the canvas into the view), smoothed shake, a lighting ramp
 * (gain and a left–right gradient that change over the clip), blur and sensor noise. Drawn from the seed.
 */
final class CameraModel {

    private final int width;
    private final int height;
    private final int margin;
    private final double angle;
    private final double[] shakeX;
    private final double[] shakeY;
    private final double gainStart;
    private final double gainEnd;
    private final double gradientStart;
    private final double gradientEnd;
    private final double blurSigma;
    private final double noiseSigma;
    private final SplitMix64 noise;

    CameraModel(int width, int height, int margin, int frames, SplitMix64 rng) {
        this.width = width;
        this.height = height;
        this.margin = margin;
        this.angle = Math.toRadians((rng.nextDouble() - 0.5) * 30);
        double amplitude = 1.2 * rng.nextDouble();
        this.shakeX = smoothWalk(frames, amplitude, rng);
        this.shakeY = smoothWalk(frames, amplitude, rng);
        this.gainStart = 0.8 + 0.4 * rng.nextDouble();
        this.gainEnd = 0.8 + 0.4 * rng.nextDouble();
        this.gradientStart = (rng.nextDouble() - 0.5) * 0.4;
        this.gradientEnd = (rng.nextDouble() - 0.5) * 0.4;
        this.blurSigma = 0.8 * rng.nextDouble();
        this.noiseSigma = 4 * rng.nextDouble();
        this.noise = new SplitMix64(rng.nextLong());
    }

    /** The 2×3 canvas→view affine of frame {@code t}, row-major {a, b, tx, c, d, ty}. */
    double[] affine(int t) {
        double cos = Math.cos(angle);
        double sin = Math.sin(angle);
        double ccx = width / 2.0 + margin;
        double ccy = height / 2.0 + margin;
        double tx = width / 2.0 + shakeX[t] - (cos * ccx - sin * ccy);
        double ty = height / 2.0 + shakeY[t] - (sin * ccx + cos * ccy);
        return new double[] {cos, -sin, tx, sin, cos, ty};
    }

    /** Maps a canvas point to the view with frame {@code t}'s affine. */
    double[] toView(int t, double x, double y) {
        double[] m = affine(t);
        return new double[] {m[0] * x + m[1] * y + m[2], m[3] * x + m[4] * y + m[5]};
    }

    /** Renders frame {@code t}: warp the canvas into the view, light, blur, add noise, quantise. */
    RgbImage shoot(int t, int frames, float[] canvas, int cw, int ch) {
        OpenCv.ensureLoaded();
        Mat src = new Mat(ch, cw, CvType.CV_32FC3);
        Mat dst = new Mat();
        Mat m = new Mat(2, 3, CvType.CV_64F);
        try {
            src.put(0, 0, canvas);
            m.put(0, 0, affine(t));
            Imgproc.warpAffine(src, dst, m, new Size(width, height), Imgproc.INTER_LINEAR, Core.BORDER_REFLECT_101);
            if (blurSigma > 0.3) {
                Imgproc.GaussianBlur(dst, dst, new Size(0, 0), blurSigma);
            }
            float[] view = new float[width * height * 3];
            dst.get(0, 0, view);
            double s = frames > 1 ? t / (double) (frames - 1) : 0;
            double gain = gainStart + (gainEnd - gainStart) * s;
            double gradient = gradientStart + (gradientEnd - gradientStart) * s;
            byte[] out = new byte[view.length];
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    double light = gain * (1 + gradient * (x / (double) width - 0.5) * 2);
                    for (int c = 0; c < 3; c++) {
                        int i = (y * width + x) * 3 + c;
                        double v = view[i] * light + noiseSigma * gaussian();
                        out[i] = (byte) Math.max(0, Math.min(255, Math.round(v)));
                    }
                }
            }
            return new RgbImage(width, height, out);
        } finally {
            src.release();
            dst.release();
            m.release();
        }
    }

    private double gaussian() {
        double u1 = noise.nextOpenDouble();
        double u2 = noise.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }

    /** A random walk of {@code frames} steps, smoothed by a 3-tap average and scaled to ±amplitude. */
    private static double[] smoothWalk(int frames, double amplitude, SplitMix64 rng) {
        double[] raw = new double[frames];
        for (int t = 0; t < frames; t++) {
            raw[t] = (rng.nextDouble() - 0.5) * 2 * amplitude;
        }
        double[] out = new double[frames];
        for (int t = 0; t < frames; t++) {
            double sum = 0;
            int n = 0;
            for (int k = Math.max(0, t - 1); k <= Math.min(frames - 1, t + 1); k++) {
                sum += raw[k];
                n++;
            }
            out[t] = sum / n;
        }
        return out;
    }
}
