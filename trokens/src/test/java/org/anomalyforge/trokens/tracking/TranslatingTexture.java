package org.anomalyforge.trokens.tracking;

import java.util.ArrayList;
import java.util.List;
import org.anomalyforge.ingest.image.OpenCv;
import org.anomalyforge.ingest.image.RgbImage;
import org.anomalyforge.trokens.clips.TrackingFrames;
import org.anomalyforge.trokens.sampling.SplitMix64;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/** Test clip: a seeded blurred-noise texture translating by (dx, dy) px per frame (cubic warp). */
final class TranslatingTexture {

    private TranslatingTexture() {}

    static TrackingFrames clip(int width, int height, int frames, double dx, double dy, long seed) {
        OpenCv.ensureLoaded();
        SplitMix64 rng = new SplitMix64(seed);
        float[] noise = new float[width * height];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = (float) (rng.nextDouble() * 255);
        }
        Mat base = new Mat(height, width, CvType.CV_32F);
        base.put(0, 0, noise);
        Imgproc.GaussianBlur(base, base, new Size(0, 0), 2.0);
        Core.normalize(base, base, 0, 255, Core.NORM_MINMAX);
        List<RgbImage> out = new ArrayList<>();
        for (int t = 0; t < frames; t++) {
            Mat m = new Mat(2, 3, CvType.CV_64F);
            m.put(0, 0, 1, 0, dx * t, 0, 1, dy * t);
            Mat warped = new Mat();
            Imgproc.warpAffine(base, warped, m, new Size(width, height), Imgproc.INTER_CUBIC, Core.BORDER_REFLECT_101);
            float[] v = new float[width * height];
            warped.get(0, 0, v);
            byte[] rgb = new byte[width * height * 3];
            for (int i = 0; i < v.length; i++) {
                byte b = (byte) Math.max(0, Math.min(255, Math.round(v[i])));
                rgb[i * 3] = b;
                rgb[i * 3 + 1] = b;
                rgb[i * 3 + 2] = b;
            }
            out.add(new RgbImage(width, height, rgb));
            m.release();
            warped.release();
        }
        base.release();
        return new TrackingFrames("texture", out, 10);
    }

    /** Pastes a flat grey square [x0, x0+size) × [y0, y0+size) into frames from {@code from} on. */
    static TrackingFrames occlude(TrackingFrames clip, int from, int x0, int y0, int size) {
        List<RgbImage> out = new ArrayList<>();
        for (int t = 0; t < clip.size(); t++) {
            RgbImage f = clip.frame(t);
            RgbImage copy = new RgbImage(f.width(), f.height(), f.pixels().clone());
            if (t >= from) {
                for (int y = y0; y < y0 + size; y++) {
                    for (int x = x0; x < x0 + size; x++) {
                        copy.set(x, y, 128, 128, 128);
                    }
                }
            }
            out.add(copy);
        }
        return new TrackingFrames(clip.clipId(), out, clip.fps());
    }
}
