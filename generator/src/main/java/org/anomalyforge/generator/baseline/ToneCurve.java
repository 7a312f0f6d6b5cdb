package org.anomalyforge.generator.baseline;

import org.anomalyforge.ingest.image.RgbImage;

/**
 * Per-channel 256-entry lookup tables (value → value) and their application; the point operations of
 * {@link SourceAugmentation} are all tone curves.
 */
final class ToneCurve {
    private static final int LEVELS = 256;

    private ToneCurve() {}

    /** A new image with {@code red}, {@code green}, {@code blue} (256 entries, 0–255) applied per channel. */
    static RgbImage apply(RgbImage image, int[] red, int[] green, int[] blue) {
        byte[] in = image.pixels();
        byte[] out = new byte[in.length];
        for (int i = 0; i < in.length; i += 3) {
            out[i] = (byte) red[in[i] & 0xff];
            out[i + 1] = (byte) green[in[i + 1] & 0xff];
            out[i + 2] = (byte) blue[in[i + 2] & 0xff];
        }
        return new RgbImage(image.width(), image.height(), out);
    }

    /** Histograms of R, G, B: {@code [3][256]} counts. */
    static long[][] histograms(RgbImage image) {
        long[][] counts = new long[3][LEVELS];
        byte[] in = image.pixels();
        for (int i = 0; i < in.length; i += 3) {
            counts[0][in[i] & 0xff]++;
            counts[1][in[i + 1] & 0xff]++;
            counts[2][in[i + 2] & 0xff]++;
        }
        return counts;
    }

    static int[] identity() {
        int[] curve = new int[LEVELS];
        for (int v = 0; v < LEVELS; v++) {
            curve[v] = v;
        }
        return curve;
    }

    /** round(255·(v/255)^gamma). */
    static int[] gamma(double gamma) {
        int[] curve = new int[LEVELS];
        for (int v = 0; v < LEVELS; v++) {
            curve[v] = roundClamp(255.0 * StrictMath.pow(v / 255.0, gamma));
        }
        return curve;
    }

    /** clamp(round(v·multiplier + offset)). */
    static int[] affine(double multiplier, double offset) {
        int[] curve = new int[LEVELS];
        for (int v = 0; v < LEVELS; v++) {
            curve[v] = roundClamp(v * multiplier + offset);
        }
        return curve;
    }

    /** 255 − v where v ≥ threshold, v elsewhere. */
    static int[] solarize(int threshold) {
        int[] curve = new int[LEVELS];
        for (int v = 0; v < LEVELS; v++) {
            curve[v] = v >= threshold ? 255 - v : v;
        }
        return curve;
    }

    /** Keeps the top {@code bits} bits (PIL {@code ImageOps.posterize}). */
    static int[] posterize(int bits) {
        int keep = 0xff & (0xff << (8 - bits));
        int[] curve = new int[LEVELS];
        for (int v = 0; v < LEVELS; v++) {
            curve[v] = v & keep;
        }
        return curve;
    }

    static int[] invert() {
        int[] curve = new int[LEVELS];
        for (int v = 0; v < LEVELS; v++) {
            curve[v] = 255 - v;
        }
        return curve;
    }

    /**
     * PIL {@code ImageOps.autocontrast}: drop {@code cutoffPercent} % of the pixels from each end of the
     * histogram, then stretch the remaining [lo, hi] linearly to [0, 255] (truncating, as PIL's int()).
     */
    static int[] autocontrast(long[] histogram, double cutoffPercent) {
        long total = 0;
        for (long count : histogram) {
            total += count;
        }
        long cut = (long) Math.floor(total * cutoffPercent / 100.0);
        int lo = 0;
        long seen = 0;
        while (lo < LEVELS && seen + histogram[lo] <= cut) {
            seen += histogram[lo];
            lo++;
        }
        int hi = LEVELS - 1;
        seen = 0;
        while (hi >= 0 && seen + histogram[hi] <= cut) {
            seen += histogram[hi];
            hi--;
        }
        if (hi <= lo) {
            return identity();
        }
        double scale = 255.0 / (hi - lo);
        double offset = -lo * scale;
        int[] curve = new int[LEVELS];
        for (int v = 0; v < LEVELS; v++) {
            curve[v] = Math.max(0, Math.min(255, (int) (v * scale + offset)));
        }
        return curve;
    }

    /** PIL {@code ImageOps.equalize} for one channel. */
    static int[] equalize(long[] histogram) {
        long total = 0;
        long lastNonZero = 0;
        int distinct = 0;
        for (long count : histogram) {
            if (count > 0) {
                total += count;
                lastNonZero = count;
                distinct++;
            }
        }
        long step = distinct <= 1 ? 0 : (total - lastNonZero) / 255;
        if (step == 0) {
            return identity();
        }
        int[] curve = new int[LEVELS];
        long n = step / 2;
        for (int v = 0; v < LEVELS; v++) {
            curve[v] = (int) Math.min(255, n / step);
            n += histogram[v];
        }
        return curve;
    }

    private static int roundClamp(double value) {
        return Math.max(0, Math.min(255, (int) Math.floor(value + 0.5)));
    }
}
