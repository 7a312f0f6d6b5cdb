package org.anomalyforge.ingest.sample;

import java.util.SplittableRandom;
import org.anomalyforge.ingest.image.RgbImage;

/** Paints the defects of {@link ProductKind#TILE}: a chipped edge, a hairline crack, a stain on the glaze. */
final class TileDefects {

    private TileDefects() {
    }

    static SampleImage paint(GlazedTile tile, String defect, RgbImage surface, SplittableRandom random) {
        return switch (defect) {
            case "chip" -> chip(tile, surface, random);
            case "crack" -> crack(tile, surface, random);
            case "stain" -> stain(tile, surface, random);
            default -> throw new IllegalArgumentException("defect must be one of "
                    + ProductKind.TILE.defectTypes() + " for tile, got '" + defect + "'");
        };
    }

    /**
     * A piece of glaze broken off a tile edge, exposing the rough, matte, pinkish-beige body, darker along the
     * broken wall. The chip stays on its own tile: it neither crosses the grout nor reaches the neighbour.
     */
    private static SampleImage chip(GlazedTile tile, RgbImage surface, SplittableRandom random) {
        int size = tile.size();
        boolean acrossU = random.nextBoolean();
        double offset = acrossU ? tile.offsetU() : tile.offsetV();
        double line = borderNearCentre(tile.tileSize(), offset, size * 0.35, random);
        double side = random.nextBoolean() ? 1 : -1;
        double normal = line + side * tile.groutWidth() / 2;
        double along = (random.nextDouble() - 0.5) * size * 0.6;
        double cu = acrossU ? normal : along;
        double cv = acrossU ? along : normal;
        double radius = size * (0.045 + 0.04 * random.nextDouble());
        double centreX = tile.x(cu, cv);
        double centreY = tile.y(cu, cv);
        DefectRegion blob = DefectRegion.blob(size, centreX, centreY, Outline.random(random, radius, 1.6, 0.3, 8));
        DefectRegion region = blob.within(i -> {
            int x = i % size;
            int y = i / size;
            double coordinate = acrossU ? tile.u(x + 0.5, y + 0.5) : tile.v(x + 0.5, y + 0.5);
            return tile.isGlaze(x, y) && side * (coordinate - line) > 0;
        });
        GradientNoise noise = new GradientNoise(random.nextLong());
        Colour body = new Colour(192, 162, 134).jittered(random, 0.06, 0.03);
        float lightX = (float) Math.cos(tile.lightAngle());
        float lightY = (float) Math.sin(tile.lightAngle());
        return region.paint(surface, (x, y, depth, rgb) -> {
            // The broken wall of the glaze: lit where it faces the light, in shadow on the opposite side.
            float wall = 1 - Shading.smoothstep(0, 0.3f, depth);
            float dx = (float) (x + 0.5 - centreX);
            float dy = (float) (y + 0.5 - centreY);
            float facing = -(dx * lightX + dy * lightY) / (float) Math.max(1e-3, Math.sqrt(dx * dx + dy * dy));
            float rough = (0.86f + 0.14f * noise.at(x * 0.45, y * 0.45)) * (1 + 0.25f * wall * facing);
            rgb[0] = body.r() * rough;
            rgb[1] = body.g() * rough;
            rgb[2] = body.b() * rough;
        });
    }

    /** A dark hairline crack wandering across the glaze, sometimes with one branch; it stops at the grout. */
    private static SampleImage crack(GlazedTile tile, RgbImage surface, SplittableRandom random) {
        int size = tile.size();
        double halfWidth = Math.max(0.95, size / 256.0 * (1.1 + 0.6 * random.nextDouble()));
        double length = size * (0.3 + 0.25 * random.nextDouble());
        double startX;
        double startY;
        int attempts = 0;
        do {
            // A crack starts in the glaze; grout covers a few percent of the image, so this rarely repeats.
            if (++attempts > 100) {
                throw new IllegalStateException("found no glaze pixel to start a crack in 100 attempts");
            }
            startX = size * (0.25 + 0.5 * random.nextDouble());
            startY = size * (0.25 + 0.5 * random.nextDouble());
        } while (!tile.isGlaze((int) startX, (int) startY));
        double heading = random.nextDouble() * 2 * Math.PI;
        Polyline main = walk(random, startX, startY, heading, length, halfWidth, 28);
        DefectRegion region = main.rasterise(size);
        if (random.nextDouble() < 0.6) {
            int from = main.xs().length / 3 + random.nextInt(main.xs().length / 3);
            double turn = Math.toRadians(30 + 30 * random.nextDouble()) * (random.nextBoolean() ? 1 : -1);
            Polyline branch = walk(random, main.xs()[from], main.ys()[from], heading + turn,
                    length * 0.4, halfWidth * 0.8, 12);
            region = region.union(branch.rasterise(size));
        }
        region = region.within(i -> tile.isGlaze(i % size, i / size));
        return region.paint(surface, (x, y, depth, rgb) -> {
            float dark = 0.38f + 0.25f * (1 - depth);
            rgb[0] *= dark * 1.05f;
            rgb[1] *= dark;
            rgb[2] *= dark * 0.92f;
        });
    }

    /** A translucent brown stain (rust or tea) on the glaze and grout, with a darker tide line. */
    private static SampleImage stain(GlazedTile tile, RgbImage surface, SplittableRandom random) {
        int size = tile.size();
        double radius = size * (0.05 + 0.05 * random.nextDouble());
        DefectRegion region = DefectRegion.blob(size, size * (0.25 + 0.5 * random.nextDouble()),
                size * (0.25 + 0.5 * random.nextDouble()), Outline.random(random, radius, 1.7, 0.35, 7));
        GradientNoise noise = new GradientNoise(random.nextLong());
        Colour tint = new Colour(0.86f, 0.7f, 0.5f).jittered(random, 0.05, 0.04);
        float strength = 0.55f + 0.35f * (float) random.nextDouble();
        double frequency = 3.5 / radius;
        return region.paint(surface, (x, y, depth, rgb) -> {
            float tide = 1 - Shading.smoothstep(0, 0.15f, depth);
            float s = Shading.clamp01(strength * (0.8f + 0.3f * noise.fbm(x * frequency, y * frequency, 3))
                    + 0.3f * tide);
            rgb[0] *= Shading.lerp(1, tint.r(), s);
            rgb[1] *= Shading.lerp(1, tint.g(), s);
            rgb[2] *= Shading.lerp(1, tint.b(), s);
        });
    }

    /**
     * A random walk of {@code vertices} vertices and total {@code length}, tapering to half width at its end.
     */
    private static Polyline walk(SplittableRandom random, double x0, double y0, double heading, double length,
                                       double halfWidth, int vertices) {
        double[] xs = new double[vertices];
        double[] ys = new double[vertices];
        double[] widths = new double[vertices];
        double step = length / (vertices - 1);
        double direction = heading;
        xs[0] = x0;
        ys[0] = y0;
        widths[0] = halfWidth;
        for (int k = 1; k < vertices; k++) {
            // Cracks zig-zag: sharp small turns, pulled back toward the overall heading.
            direction += (random.nextDouble() - 0.5) * 0.9 + 0.25 * (heading - direction);
            xs[k] = xs[k - 1] + Math.cos(direction) * step;
            ys[k] = ys[k - 1] + Math.sin(direction) * step;
            widths[k] = halfWidth * (1 - 0.5 * k / (vertices - 1.0));
        }
        return new Polyline(xs, ys, widths);
    }

    /**
     * A tile border coordinate (u or v, relative to the image centre) within ±{@code reach} of the centre:
     * borders lie at k * tileSize - offset, and {@code reach} ≥ tileSize / 2 guarantees at least one.
     */
    private static double borderNearCentre(double tileSize, double offset, double reach, SplittableRandom random) {
        int first = (int) Math.ceil((offset - reach) / tileSize);
        int last = (int) Math.floor((offset + reach) / tileSize);
        if (last < first) {
            throw new IllegalStateException("no tile border within ±" + reach + " px of the centre for tile size "
                    + tileSize + " and offset " + offset);
        }
        return (first + random.nextInt(last - first + 1)) * tileSize - offset;
    }

    /** Vertices and half widths of one crack line; arrays of equal length, owned by this record. */
    private record Polyline(double[] xs, double[] ys, double[] halfWidths) {

        DefectRegion rasterise(int size) {
            return DefectRegion.stroke(size, xs, ys, halfWidths);
        }
    }
}
