package org.anomalyforge.ingest.sample;

import java.util.SplittableRandom;
import org.anomalyforge.ingest.image.RgbImage;

/**
 * A brushed metal plate: fine streaks along the brushing direction (noise stretched about 40× along it,
 * three octaves across it), a broad lighting gradient and the soft specular band that brushed metal shows
 * across its grain, in which the streaks stand out more.
 *
 * @param size          image width and height in pixels
 * @param angle         brushing direction against the image x axis, radians
 * @param base          mean metal colour
 * @param lightX        relative brightness change from the left to the right edge
 * @param lightY        relative brightness change from the top to the bottom edge
 * @param bandCentre    position of the specular band along the brushing direction, pixels from the centre
 * @param bandWidth     1/e half width of the specular band, pixels
 * @param bandStrength  peak brightness the band adds, grey levels
 * @param noiseSeed     seed of the streak and grain noise
 */
record BrushedMetal(int size, double angle, Colour base, float lightX, float lightY, double bandCentre,
                    double bandWidth, float bandStrength, long noiseSeed) implements ProductSurface {

    private static final Colour STEEL = new Colour(160, 162, 165);

    /** A plate sample: brushing angle, tint, lighting and highlight vary from sample to sample. */
    static BrushedMetal sample(SplittableRandom random, int size) {
        return new BrushedMetal(size, (random.nextDouble() - 0.5) * 0.12, STEEL.jittered(random, 0.05, 0.015),
                (float) ((random.nextDouble() - 0.5) * 0.3), (float) ((random.nextDouble() - 0.5) * 0.3),
                (random.nextDouble() - 0.5) * size * 0.8, size * (0.12 + 0.12 * random.nextDouble()),
                (float) (18 + 22 * random.nextDouble()), random.nextLong());
    }

    /** Unit vector of the brushing direction in image coordinates. */
    double[] brushDirection() {
        return new double[] {Math.cos(angle), Math.sin(angle)};
    }

    @Override
    public RgbImage render() {
        GradientNoise noise = new GradientNoise(noiseSeed);
        byte[] out = new byte[size * size * 3];
        double cos = Math.cos(angle);
        double sin = Math.sin(angle);
        // Streak frequencies in cycles per image width; the finest stays near half a cycle per pixel.
        double fine = 0.45 * size;
        float half = size / 2f;
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                double cx = x + 0.5 - half;
                double cy = y + 0.5 - half;
                double u = (cos * cx + sin * cy) / size;
                double v = (-sin * cx + cos * cy) / size;
                float streak = 0.5f * noise.at(v * fine, u * 6)
                        + 0.3f * noise.at(v * fine * 0.3 + 50, u * 3)
                        + 0.2f * noise.at(v * fine * 0.08 + 90, u * 1.5);
                // Hairlines: pixel-fine lines of random length and strength along the grain.
                float hairline = noise.at(v * size * 0.9 + 700, u * 2.5);
                float contrast = 0.75f + 0.25f * noise.at(u * 3 + 200, v * 3);
                float grain = 0.02f * noise.at(x * 0.8 + 400, y * 0.8);
                float light = 1 + lightX * (float) cx / size + lightY * (float) cy / size;
                double d = (u * size - bandCentre) / bandWidth;
                float band = bandStrength * (float) Math.exp(-d * d) * (1 + 0.4f * streak);
                float shade = light * (1 + 0.09f * streak * contrast + 0.05f * hairline * Math.abs(hairline) + grain);
                Shading.put(out, y * size + x, base.r() * shade + band, base.g() * shade + band,
                        base.b() * shade + band);
            }
        }
        return new RgbImage(size, size, out);
    }

    @Override
    public SampleImage paintDefect(String defect, RgbImage surface, SplittableRandom random) {
        return MetalDefects.paint(this, defect, surface, random);
    }
}
