package org.anomalyforge.segmenter.train;

import java.util.SplittableRandom;

import org.anomalyforge.ingest.image.OpenCv;
import org.anomalyforge.ingest.image.RgbImage;
import org.anomalyforge.segmenter.inference.FloatMask;
import org.anomalyforge.segmenter.inference.FrameResizer;
import org.anomalyforge.segmenter.inference.MaskRule;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * The {@code scratch} augmentation of LFD spec §5.3 on one decoded sample, driven by the caller's seeded
 * RNG (one per sample and epoch, so a resumed run repeats the uninterrupted one).
 *
 * <p>Geometric, identical for image and float mask: random resized crop (area 0.6–1.0 of the source,
 * aspect 3/4–4/3, torchvision's 10-attempt sampling, whole image as fallback) resized to H×W with the §4
 * filter, h-flip (p ½), v-flip (p ½), rot90 by k ∈ {0,1,2,3} (square inputs only). Photometric, image only,
 * in this fixed order: brightness, contrast and saturation ×U(0.8, 1.2), Gaussian blur σ ~ U(0, 1) px with
 * p = 0.2, Gaussian noise σ ~ U(0, 0.02) (in [0, 1] units); the result is rounded back to 8 bits.
 */
final class Augmenter {

    private static final double SCALE_MIN = 0.6;
    private static final double RATIO_LOG_MIN = Math.log(3.0 / 4.0);
    private static final double RATIO_LOG_MAX = Math.log(4.0 / 3.0);
    private static final double JITTER = 0.2;
    private static final double BLUR_P = 0.2;
    private static final double NOISE_MAX = 0.02;

    private Augmenter() {
    }

    /** The augmented image (H×W) and binary target with its image label. */
    static Result apply(RgbImage image, FloatMask mask, int tw, int th, SplittableRandom rnd) {
        int[] crop = cropRect(image.width(), image.height(), rnd);     // x, y, w, h
        RgbImage img = FrameResizer.resize(cropImage(image, crop), tw, th);
        FloatMask cropped = cropMask(mask, crop);
        float[] m = FrameResizer.resize(cropped, tw, th);
        float[] rgb = toUnit(img);
        if (rnd.nextBoolean()) {
            flip(rgb, 3, tw, th, true);
            flip(m, 1, tw, th, true);
        }
        if (rnd.nextBoolean()) {
            flip(rgb, 3, tw, th, false);
            flip(m, 1, tw, th, false);
        }
        int k = rnd.nextInt(4);
        if (tw == th) {
            for (int r = 0; r < k; r++) {
                rgb = rot90(rgb, 3, tw);
                m = rot90(m, 1, tw);
            }
        }
        photometric(rgb, tw, th, rnd);
        return new Result(fromUnit(rgb, tw, th), MaskRule.binarise(m, cropped.hasDefect()), cropped.hasDefect());
    }

    /** The augmented image and its §5.2 target. */
    record Result(RgbImage image, byte[] target, boolean label) {
    }

    static int[] cropRect(int w, int h, SplittableRandom rnd) {
        double area = (double) w * h;
        for (int attempt = 0; attempt < 10; attempt++) {
            double target = area * (SCALE_MIN + (1 - SCALE_MIN) * rnd.nextDouble());
            double ratio = Math.exp(RATIO_LOG_MIN + (RATIO_LOG_MAX - RATIO_LOG_MIN) * rnd.nextDouble());
            int cw = (int) Math.round(Math.sqrt(target * ratio));
            int ch = (int) Math.round(Math.sqrt(target / ratio));
            if (cw > 0 && cw <= w && ch > 0 && ch <= h) {
                int y = rnd.nextInt(h - ch + 1);
                int x = rnd.nextInt(w - cw + 1);
                return new int[] {x, y, cw, ch};
            }
        }
        return new int[] {0, 0, w, h};
    }

    private static RgbImage cropImage(RgbImage image, int[] c) {
        byte[] out = new byte[c[2] * c[3] * 3];
        for (int y = 0; y < c[3]; y++) {
            System.arraycopy(image.pixels(), ((c[1] + y) * image.width() + c[0]) * 3, out, y * c[2] * 3, c[2] * 3);
        }
        return new RgbImage(c[2], c[3], out);
    }

    private static FloatMask cropMask(FloatMask mask, int[] c) {
        float[] out = new float[c[2] * c[3]];
        for (int y = 0; y < c[3]; y++) {
            System.arraycopy(mask.values(), (c[1] + y) * mask.width() + c[0], out, y * c[2], c[2]);
        }
        return new FloatMask(c[2], c[3], out);
    }

    private static float[] toUnit(RgbImage img) {
        byte[] p = img.pixels();
        float[] out = new float[p.length];
        for (int i = 0; i < p.length; i++) {
            out[i] = (p[i] & 0xff) / 255f;
        }
        return out;
    }

    private static RgbImage fromUnit(float[] rgb, int w, int h) {
        byte[] p = new byte[rgb.length];
        for (int i = 0; i < rgb.length; i++) {
            p[i] = (byte) Math.max(0, Math.min(255, Math.round(rgb[i] * 255f)));
        }
        return new RgbImage(w, h, p);
    }

    /** In-place horizontal (mirror columns) or vertical (mirror rows) flip of an HWC array. */
    private static void flip(float[] a, int c, int w, int h, boolean horizontal) {
        float[] copy = a.clone();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int sx = horizontal ? w - 1 - x : x;
                int sy = horizontal ? y : h - 1 - y;
                System.arraycopy(copy, (sy * w + sx) * c, a, (y * w + x) * c, c);
            }
        }
    }

    /** Counter-clockwise rotation of a square n×n HWC array by 90°. */
    private static float[] rot90(float[] a, int c, int n) {
        float[] out = new float[a.length];
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                // out(y, x) = in(x, n − 1 − y)
                System.arraycopy(a, (x * n + (n - 1 - y)) * c, out, (y * n + x) * c, c);
            }
        }
        return out;
    }

    private static void photometric(float[] rgb, int w, int h, SplittableRandom rnd) {
        double brightness = factor(rnd);
        double contrast = factor(rnd);
        double saturation = factor(rnd);
        for (int i = 0; i < rgb.length; i++) {
            rgb[i] = clamp(rgb[i] * brightness);
        }
        double meanGray = 0;
        for (int i = 0; i < rgb.length; i += 3) {
            meanGray += gray(rgb, i);
        }
        meanGray /= (double) w * h;
        for (int i = 0; i < rgb.length; i++) {
            rgb[i] = clamp(meanGray + contrast * (rgb[i] - meanGray));
        }
        for (int i = 0; i < rgb.length; i += 3) {
            double g = gray(rgb, i);
            for (int ch = 0; ch < 3; ch++) {
                rgb[i + ch] = clamp(g + saturation * (rgb[i + ch] - g));
            }
        }
        if (rnd.nextDouble() < BLUR_P) {
            blur(rgb, w, h, rnd.nextDouble());
        }
        double sigma = NOISE_MAX * rnd.nextDouble();
        for (int i = 0; i < rgb.length; i++) {
            rgb[i] = clamp(rgb[i] + sigma * rnd.nextGaussian());
        }
    }

    private static double factor(SplittableRandom rnd) {
        return 1 - JITTER + 2 * JITTER * rnd.nextDouble();
    }

    /** ITU-R 601 luma, as torchvision's rgb_to_grayscale. */
    private static double gray(float[] rgb, int i) {
        return 0.299 * rgb[i] + 0.587 * rgb[i + 1] + 0.114 * rgb[i + 2];
    }

    private static float clamp(double v) {
        return (float) Math.max(0, Math.min(1, v));
    }

    private static void blur(float[] rgb, int w, int h, double sigma) {
        if (sigma <= 0) {
            return;
        }
        OpenCv.ensureLoaded();
        int k = 2 * (int) Math.ceil(3 * sigma) + 1;
        Mat m = new Mat(h, w, CvType.CV_32FC3);
        try {
            m.put(0, 0, rgb);
            Imgproc.GaussianBlur(m, m, new Size(k, k), sigma, sigma, org.opencv.core.Core.BORDER_REFLECT_101);
            m.get(0, 0, rgb);
        } finally {
            m.release();
        }
    }
}
