package org.anomalyforge.ingest.sample;

import java.util.SplittableRandom;
import org.anomalyforge.ingest.image.RgbImage;

/**
 * A 2/2 twill-woven fabric: warp threads run along the v axis, weft threads along the u axis, each passing
 * over two crossing threads and under the next two, shifted by one per row, which gives the diagonal twill
 * rib. Threads are shaded as twisted cylinders that dip where they pass under, vary in colour per thread and
 * in thickness along their length, and drift slightly so the weave is not machine-perfect.
 *
 * @param size      image width and height in pixels
 * @param angle     rotation of the weave against the image axes, radians
 * @param period    thread spacing in pixels
 * @param phaseU    weave offset across the warp threads, pixels
 * @param phaseV    weave offset along the warp threads, pixels
 * @param warp      mean warp thread colour
 * @param weft      mean weft thread colour
 * @param lightX    relative brightness change from the left to the right edge
 * @param lightY    relative brightness change from the top to the bottom edge
 * @param noiseSeed seed of the thread jitter, slub and fibre noise
 */
record WovenFabric(int size, double angle, double period, double phaseU, double phaseV, Colour warp, Colour weft,
                   float lightX, float lightY, long noiseSeed) implements ProductSurface {

    private static final Colour WARP = new Colour(62, 84, 128);
    private static final Colour WEFT = new Colour(186, 180, 166);

    /** A fabric sample: thread count, orientation, phase, colours and lighting vary from sample to sample. */
    static WovenFabric sample(SplittableRandom random, int size) {
        double threadsAcross = 18 + 8 * random.nextDouble();
        double period = size / threadsAcross;
        return new WovenFabric(size, (random.nextDouble() - 0.5) * 0.16, period,
                random.nextDouble() * 4 * period, random.nextDouble() * 4 * period,
                WARP.jittered(random, 0.06, 0.04), WEFT.jittered(random, 0.05, 0.02),
                (float) ((random.nextDouble() - 0.5) * 0.24), (float) ((random.nextDouble() - 0.5) * 0.24),
                random.nextLong());
    }

    /** Unit vector of the u axis (along the weft threads) in image coordinates: (cos, sin) of {@link #angle}. */
    double[] weftDirection() {
        return new double[] {Math.cos(angle), Math.sin(angle)};
    }

    /** Unit vector of the v axis (along the warp threads) in image coordinates. */
    double[] warpDirection() {
        return new double[] {-Math.sin(angle), Math.cos(angle)};
    }

    @Override
    public RgbImage render() {
        GradientNoise noise = new GradientNoise(noiseSeed);
        byte[] out = new byte[size * size * 3];
        double cos = Math.cos(angle);
        double sin = Math.sin(angle);
        double drift = 0.35 * period;
        double driftFrequency = 1.0 / (9 * period);
        // Fibre striations: about five across a thread, capped so they never alias below two pixels.
        double fibreFrequency = Math.min(5.0, period / 2.0);
        float edge = (float) (1.0 / period);
        float half = size / 2f;
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                double cx = x + 0.5 - half;
                double cy = y + 0.5 - half;
                double u = cos * cx + sin * cy + phaseU;
                double v = -sin * cx + cos * cy + phaseV;
                double uu = (u + drift * noise.at(u * driftFrequency, v * driftFrequency)) / period;
                double vv = (v + drift * noise.at(u * driftFrequency + 40.7, v * driftFrequency + 13.1)) / period;
                int i = (int) Math.floor(uu);
                int j = (int) Math.floor(vv);
                float fu = (float) (uu - i) - 0.5f;
                float fv = (float) (vv - j) - 0.5f;
                int phase = Math.floorMod(i - j, 4);
                boolean warpOnTop = phase < 2;

                // Position along the current float, 0..1 over the two cells a thread spends on top.
                float warpAlong = ((phase == 1 ? 0 : 1) + fv + 0.5f) / 2;
                float weftAlong = ((phase == 2 ? 0 : 1) + fu + 0.5f) / 2;
                // Slub (thickness varying along a thread), and floats pinching where they dive under.
                float warpHalfWidth = (0.38f + 0.06f * noise.at(i * 7.31 + 0.5, vv * 0.4))
                        * (warpOnTop ? pinch(warpAlong) : 1);
                float weftHalfWidth = (0.38f + 0.06f * noise.at(uu * 0.4, j * 5.17 + 0.5))
                        * (warpOnTop ? 1 : pinch(weftAlong));
                float warpCover = Shading.smoothstep(warpHalfWidth + edge, warpHalfWidth - edge, Math.abs(fu));
                float weftCover = Shading.smoothstep(weftHalfWidth + edge, weftHalfWidth - edge, Math.abs(fv));
                float warpFibre = noise.at((uu + 0.35 * vv) * fibreFrequency + 101, vv * 1.5);
                float weftFibre = noise.at(uu * 1.5, (vv + 0.35 * uu) * fibreFrequency + 211);
                float warpShade = threadShade(fu / warpHalfWidth, warpOnTop ? warpAlong : 0.5f, warpFibre)
                        * (1 + 0.08f * noise.cell(i, 0x5A17)) * (warpOnTop ? 1 : 0.62f);
                float weftShade = threadShade(fv / weftHalfWidth, warpOnTop ? 0.5f : weftAlong, weftFibre)
                        * (1 + 0.08f * noise.cell(0x3EF7, j)) * (warpOnTop ? 0.62f : 1);

                float topCover = warpOnTop ? warpCover : weftCover;
                float underCover = warpOnTop ? weftCover : warpCover;
                float topShade = warpOnTop ? warpShade : weftShade;
                float underShade = warpOnTop ? weftShade : warpShade;
                Colour top = warpOnTop ? warp : weft;
                Colour under = warpOnTop ? weft : warp;
                float gap = (1 - topCover) * (1 - underCover) * 0.22f;
                float topWeight = topCover * topShade;
                float underWeight = (1 - topCover) * underCover * underShade;

                // Uneven dye and hairiness: a broad cloud plus pixel-level fuzz.
                float light = 1 + lightX * (float) cx / size + lightY * (float) cy / size
                        + 0.05f * noise.fbm(cx * 0.01 + 300, cy * 0.01, 2) + 0.05f * noise.at(x * 0.7 + 600, y * 0.7);
                float r = (top.r() * topWeight + under.r() * underWeight + weft.r() * gap) * light;
                float g = (top.g() * topWeight + under.g() * underWeight + weft.g() * gap) * light;
                float b = (top.b() * topWeight + under.b() * underWeight + weft.b() * gap) * light;
                Shading.put(out, y * size + x, r, g, b);
            }
        }
        return new RgbImage(size, size, out);
    }

    @Override
    public SampleImage paintDefect(String defect, RgbImage surface, SplittableRandom random) {
        return FabricDefects.paint(this, defect, surface, random);
    }

    /** Half-width factor along a float: full in the middle, narrower where the thread dives under. */
    private static float pinch(float along) {
        return 0.8f + 0.2f * (float) Math.sin(Math.PI * Shading.clamp01(along));
    }

    /**
     * Brightness of a thread at one point.
     *
     * @param across -1..1 across the thread (cylinder cross-section)
     * @param along  0..1 along the float; the ends dip under the crossing thread and darken
     * @param fibre  fibre striation noise, about -1..1
     */
    private static float threadShade(float across, float along, float fibre) {
        float a = Math.min(1, Math.abs(across));
        float cylinder = (float) Math.sqrt(1 - a * a);
        float dip = 0.62f + 0.38f * (float) Math.sin(Math.PI * Shading.clamp01(along));
        return (0.45f + 0.6f * cylinder) * dip * (1 + 0.12f * fibre);
    }
}
