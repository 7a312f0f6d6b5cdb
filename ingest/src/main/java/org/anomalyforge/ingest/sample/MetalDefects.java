package org.anomalyforge.ingest.sample;

import java.util.SplittableRandom;
import org.anomalyforge.ingest.image.RgbImage;

/** Paints the defects of {@link ProductKind#METAL}: a dent, a rust spot, a scratch across the grain. */
final class MetalDefects {

    private MetalDefects() {
    }

    static SampleImage paint(BrushedMetal metal, String defect, RgbImage surface, SplittableRandom random) {
        return switch (defect) {
            case "dent" -> dent(metal, surface, random);
            case "rust" -> rust(metal, surface, random);
            case "scratch" -> scratch(metal, surface, random);
            default -> throw new IllegalArgumentException("defect must be one of "
                    + ProductKind.METAL.defectTypes() + " for metal, got '" + defect + "'");
        };
    }

    /**
     * A smooth round depression: its wall facing the light brightens, the opposite wall darkens, and the
     * bottom is duller than the brushed surface around it.
     */
    private static SampleImage dent(BrushedMetal metal, RgbImage surface, SplittableRandom random) {
        int size = metal.size();
        double cx = centre(size, random);
        double cy = centre(size, random);
        double radius = size * (0.04 + 0.045 * random.nextDouble());
        DefectRegion region = DefectRegion.blob(size, cx, cy, Outline.random(random, radius, 1.5, 0.1, 4));
        double lightAngle = random.nextDouble() * 2 * Math.PI;
        float lx = (float) Math.cos(lightAngle);
        float ly = (float) Math.sin(lightAngle);
        return region.paint(surface, (x, y, depth, rgb) -> {
            float dx = (float) (x + 0.5 - cx);
            float dy = (float) (y + 0.5 - cy);
            float d = (float) Math.max(1e-3, Math.sqrt(dx * dx + dy * dy));
            float rho = 1 - depth;
            // Height -(1 - rho²)², so the wall slope is 4 rho (1 - rho²), steepest at rho ≈ 0.58.
            float slope = 4 * rho * (1 - rho * rho);
            float facing = (dx * lx + dy * ly) / d;
            float shade = 0.9f - 0.06f * depth + 0.32f * slope * facing;
            for (int c = 0; c < 3; c++) {
                rgb[c] *= shade;
            }
        });
    }

    /** Granular orange-brown corrosion, densest in the middle, with a few satellite specks. */
    private static SampleImage rust(BrushedMetal metal, RgbImage surface, SplittableRandom random) {
        int size = metal.size();
        double cx = centre(size, random);
        double cy = centre(size, random);
        double radius = size * (0.035 + 0.05 * random.nextDouble());
        DefectRegion region = DefectRegion.blob(size, cx, cy, Outline.random(random, radius, 1.8, 0.45, 10));
        int satellites = random.nextInt(4);
        for (int s = 0; s < satellites; s++) {
            double angle = random.nextDouble() * 2 * Math.PI;
            double distance = radius * (1.3 + 0.8 * random.nextDouble());
            double small = radius * (0.15 + 0.25 * random.nextDouble());
            region = region.union(DefectRegion.blob(size, cx + distance * Math.cos(angle),
                    cy + distance * Math.sin(angle), Outline.random(random, small, 1.4, 0.3, 6)));
        }
        GradientNoise noise = new GradientNoise(random.nextLong());
        Colour dark = new Colour(88, 46, 26).jittered(random, 0.1, 0.05);
        Colour orange = new Colour(172, 92, 44).jittered(random, 0.1, 0.05);
        double frequency = 3.0 / radius;
        return region.paint(surface, (x, y, depth, rgb) -> {
            float mix = Shading.clamp01(0.5f + 0.6f * noise.fbm(x * frequency, y * frequency, 3));
            float grain = 1 + 0.2f * noise.at(x * 0.7 + 300, y * 0.7);
            float cover = 0.5f + 0.5f * Shading.smoothstep(0, 0.35f, depth);
            rgb[0] = Shading.lerp(rgb[0], Shading.lerp(dark.r(), orange.r(), mix) * grain, cover);
            rgb[1] = Shading.lerp(rgb[1], Shading.lerp(dark.g(), orange.g(), mix) * grain, cover);
            rgb[2] = Shading.lerp(rgb[2], Shading.lerp(dark.b(), orange.b(), mix) * grain, cover);
        });
    }

    /**
     * A thin curved scratch across the grain, tapering at both ends: either a bright one (its walls catch the
     * light) or a dark one (a groove in shadow).
     */
    private static SampleImage scratch(BrushedMetal metal, RgbImage surface, SplittableRandom random) {
        int size = metal.size();
        double across = Math.toRadians(25 + 65 * random.nextDouble()) * (random.nextBoolean() ? 1 : -1);
        double heading = metal.angle() + across;
        double length = size * (0.25 + 0.3 * random.nextDouble());
        double curvature = (random.nextDouble() - 0.5) * 1.2 / length;
        double halfWidth = Math.max(0.9, size / 256.0 * (1.2 + 0.8 * random.nextDouble()));
        int vertices = 24;
        double[] xs = new double[vertices];
        double[] ys = new double[vertices];
        double[] widths = new double[vertices];
        double step = length / (vertices - 1);
        xs[0] = centre(size, random) - Math.cos(heading) * length / 2;
        ys[0] = centre(size, random) - Math.sin(heading) * length / 2;
        widths[0] = halfWidth * 0.5;
        for (int k = 1; k < vertices; k++) {
            // A tool tip skips slightly: small sideways jitter and a width that swells and thins.
            heading += curvature * step + (random.nextDouble() - 0.5) * 0.06;
            xs[k] = xs[k - 1] + Math.cos(heading) * step;
            ys[k] = ys[k - 1] + Math.sin(heading) * step;
            double t = k / (double) (vertices - 1);
            widths[k] = halfWidth * (0.5 + 0.5 * Math.sin(Math.PI * t)) * (0.8 + 0.4 * random.nextDouble());
        }
        DefectRegion region = DefectRegion.stroke(size, xs, ys, widths);
        boolean bright = random.nextBoolean();
        GradientNoise noise = new GradientNoise(random.nextLong());
        double frequency = 6.0 / length;
        return region.paint(surface, (x, y, depth, rgb) -> {
            // Strength varies along the scratch, from a faint trace to a deep groove.
            float variation = 0.75f + 0.25f * noise.fbm(x * frequency, y * frequency, 2);
            for (int c = 0; c < 3; c++) {
                rgb[c] = bright
                        ? Shading.lerp(rgb[c], 245, (0.35f + 0.45f * depth) * variation)
                        : rgb[c] * (1 - (0.35f + 0.35f * depth) * variation);
            }
        });
    }

    /** A defect centre coordinate, kept away from the border so the whole defect is visible. */
    private static double centre(int size, SplittableRandom random) {
        return size * (0.25 + 0.5 * random.nextDouble());
    }
}
