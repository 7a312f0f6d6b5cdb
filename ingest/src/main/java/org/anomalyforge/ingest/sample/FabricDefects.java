package org.anomalyforge.ingest.sample;

import java.util.SplittableRandom;
import org.anomalyforge.ingest.image.RgbImage;

/** Paints the defects of {@link ProductKind#FABRIC}: a torn hole, an oil or coffee stain, a pulled thread. */
final class FabricDefects {

    private FabricDefects() {
    }

    static SampleImage paint(WovenFabric fabric, String defect, RgbImage surface, SplittableRandom random) {
        return switch (defect) {
            case "hole" -> hole(fabric, surface, random);
            case "stain" -> stain(fabric, surface, random);
            case "thread" -> pulledThread(fabric, surface, random);
            default -> throw new IllegalArgumentException("defect must be one of "
                    + ProductKind.FABRIC.defectTypes() + " for fabric, got '" + defect + "'");
        };
    }

    /**
     * Torn threads around a ragged opening: broken thread ends reach into it from the rim, and between them
     * the dark backing shows, shadowed towards the rim.
     */
    private static SampleImage hole(WovenFabric fabric, RgbImage surface, SplittableRandom random) {
        int size = fabric.size();
        double radius = size * (0.04 + 0.04 * random.nextDouble());
        Outline outline = Outline.random(random, radius, 1.6, 0.35, 12);
        double cx = centre(size, random);
        double cy = centre(size, random);
        DefectRegion region = DefectRegion.blob(size, cx, cy, outline);
        GradientNoise noise = new GradientNoise(random.nextLong());
        float backing = 14 + 10 * (float) random.nextDouble();
        Colour fray = fabric.weft().times(0.8f);
        return region.paint(surface, (x, y, depth, rgb) -> {
            float inner = Shading.smoothstep(0.05f, 0.45f, depth);
            float fibre = 1 + 0.25f * noise.at(x * 0.6, y * 0.6);
            for (int c = 0; c < 3; c++) {
                rgb[c] = Shading.lerp(rgb[c] * 0.45f * fibre, backing * fibre, inner);
            }
            // Thread ends: about 40 narrow strands around the rim, fading out towards the middle.
            double angle = Math.atan2(y + 0.5 - cy, x + 0.5 - cx);
            float strand = Shading.smoothstep(0.35f, 0.75f, noise.at(angle * 6.4 + 50, depth * 2.5))
                    * (1 - Shading.smoothstep(0.2f, 0.55f, depth));
            rgb[0] = Shading.lerp(rgb[0], fray.r() * fibre, strand);
            rgb[1] = Shading.lerp(rgb[1], fray.g() * fibre, strand);
            rgb[2] = Shading.lerp(rgb[2], fray.b() * fibre, strand);
        });
    }

    /** A translucent brown stain that darkens and yellows the weave, with a darker tide line at its rim. */
    private static SampleImage stain(WovenFabric fabric, RgbImage surface, SplittableRandom random) {
        int size = fabric.size();
        double radius = size * (0.06 + 0.07 * random.nextDouble());
        Outline outline = Outline.random(random, radius, 1.7, 0.3, 6);
        DefectRegion region = DefectRegion.blob(size, centre(size, random), centre(size, random), outline);
        GradientNoise noise = new GradientNoise(random.nextLong());
        Colour tint = new Colour(0.72f, 0.58f, 0.38f).jittered(random, 0.08, 0.05);
        float strength = 0.6f + 0.3f * (float) random.nextDouble();
        double frequency = 4.0 / radius;
        return region.paint(surface, (x, y, depth, rgb) -> {
            float tide = 1 - Shading.smoothstep(0, 0.15f, depth);
            float s = Shading.clamp01(strength * (0.8f + 0.25f * noise.fbm(x * frequency, y * frequency, 3))
                    + 0.25f * tide);
            rgb[0] *= Shading.lerp(1, tint.r(), s);
            rgb[1] *= Shading.lerp(1, tint.g(), s);
            rgb[2] *= Shading.lerp(1, tint.b(), s);
        });
    }

    /**
     * A thread pulled taut out of the weave: it floats straight over the interlacing, brighter because it is
     * lifted towards the light, and casts a thin shadow along both sides.
     */
    private static SampleImage pulledThread(WovenFabric fabric, RgbImage surface, SplittableRandom random) {
        int size = fabric.size();
        boolean alongWarp = random.nextBoolean();
        double[] along = alongWarp ? fabric.warpDirection() : fabric.weftDirection();
        Colour thread = (alongWarp ? fabric.warp() : fabric.weft()).times(alongWarp ? 1.35f : 1.1f);
        double length = size * (0.3 + 0.3 * random.nextDouble());
        double startX = centre(size, random) - along[0] * length / 2;
        double startY = centre(size, random) - along[1] * length / 2;
        double bow = (2 * random.nextDouble() - 1) * fabric.period() * 0.8;
        double halfWidth = Math.max(1.6, fabric.period() * 0.55);
        int vertices = 9;
        double[] xs = new double[vertices];
        double[] ys = new double[vertices];
        double[] widths = new double[vertices];
        for (int k = 0; k < vertices; k++) {
            double t = k / (double) (vertices - 1);
            double offset = bow * Math.sin(Math.PI * t);
            xs[k] = startX + along[0] * length * t - along[1] * offset;
            ys[k] = startY + along[1] * length * t + along[0] * offset;
            widths[k] = halfWidth * (0.75 + 0.25 * Math.sin(Math.PI * t));
        }
        DefectRegion region = DefectRegion.stroke(size, xs, ys, widths);
        GradientNoise noise = new GradientNoise(random.nextLong());
        double twist = 1.2 / fabric.period();
        return region.paint(surface, (x, y, depth, rgb) -> {
            if (depth < 0.3f) {
                for (int c = 0; c < 3; c++) {
                    rgb[c] *= 0.5f;
                }
                return;
            }
            // Cylinder shading across the lifted thread, with twisted-yarn striations along it.
            float across = Shading.clamp01((1 - depth) / 0.7f);
            float shade = (0.55f + 0.5f * (float) Math.sqrt(1 - across * across))
                    * (1 + 0.12f * noise.at((x * along[0] + y * along[1]) * twist, (x * along[1] - y * along[0])));
            rgb[0] = thread.r() * shade;
            rgb[1] = thread.g() * shade;
            rgb[2] = thread.b() * shade;
        });
    }

    /** A defect centre coordinate, kept away from the border so the whole defect is visible. */
    private static double centre(int size, SplittableRandom random) {
        return size * (0.22 + 0.56 * random.nextDouble());
    }
}
