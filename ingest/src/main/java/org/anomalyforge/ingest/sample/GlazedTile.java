package org.anomalyforge.ingest.sample;

import java.util.SplittableRandom;
import org.anomalyforge.ingest.image.RgbImage;

/**
 * Glazed ceramic tiles set in grout: a glossy glaze with slight per-tile colour, low-frequency mottling and
 * brown speckle of varying density, bevelled (pillowed) edges lit from one side, a soft specular highlight
 * on the glaze only, and sandy, recessed grout lines.
 *
 * <p>Tile coordinates (u, v) are image coordinates relative to the image centre, rotated by {@link #angle};
 * tile borders lie where u + offsetU or v + offsetV is a multiple of {@link #tileSize}.
 *
 * @param size              image width and height in pixels
 * @param angle             rotation of the tile grid against the image axes, radians
 * @param tileSize          tile pitch (tile plus one grout line), pixels
 * @param groutWidth        grout line width, pixels
 * @param offsetU           grid offset along u, pixels, 0..tileSize
 * @param offsetV           grid offset along v, pixels, 0..tileSize
 * @param glaze             mean glaze colour
 * @param grout             mean grout colour
 * @param highlightX        specular highlight centre x, pixels
 * @param highlightY        specular highlight centre y, pixels
 * @param highlightRadius   specular highlight Gaussian radius, pixels
 * @param highlightStrength peak brightness the highlight adds, grey levels
 * @param lightAngle        direction the light comes from, radians in image coordinates
 * @param noiseSeed         seed of the mottling, speckle and grout noise
 */
record GlazedTile(int size, double angle, double tileSize, double groutWidth, double offsetU, double offsetV,
                  Colour glaze, Colour grout, double highlightX, double highlightY, double highlightRadius,
                  float highlightStrength, double lightAngle, long noiseSeed) implements ProductSurface {

    private static final Colour CREAM = new Colour(226, 219, 204);
    private static final Colour GROUT = new Colour(150, 145, 136);
    /** Brightness factor of a speck's core; red is kept more, which makes specks brown. */
    private static final Colour SPECK = new Colour(0.66f, 0.58f, 0.5f);
    /** Speckle grid pitch in pixels. */
    private static final int SPECK_CELL = 7;

    /** A tile sample: tile pitch, grid phase, colours, highlight and light direction vary per sample. */
    static GlazedTile sample(SplittableRandom random, int size) {
        double tileSize = size * (0.45 + 0.25 * random.nextDouble());
        return new GlazedTile(size, (random.nextDouble() - 0.5) * 0.06, tileSize,
                Math.max(2.2, size * (0.016 + 0.01 * random.nextDouble())),
                random.nextDouble() * tileSize, random.nextDouble() * tileSize,
                CREAM.jittered(random, 0.04, 0.015), GROUT.jittered(random, 0.08, 0.02),
                size * random.nextDouble(), size * random.nextDouble(), size * (0.2 + 0.25 * random.nextDouble()),
                (float) (8 + 22 * random.nextDouble()), Math.PI * (1.1 + 0.3 * random.nextDouble()),
                random.nextLong());
    }

    /** Tile coordinate u of image pixel centre (x, y). */
    double u(double x, double y) {
        return Math.cos(angle) * (x - size / 2.0) + Math.sin(angle) * (y - size / 2.0);
    }

    /** Tile coordinate v of image pixel centre (x, y). */
    double v(double x, double y) {
        return -Math.sin(angle) * (x - size / 2.0) + Math.cos(angle) * (y - size / 2.0);
    }

    /** Image x of tile coordinates (u, v). */
    double x(double u, double v) {
        return Math.cos(angle) * u - Math.sin(angle) * v + size / 2.0;
    }

    /** Image y of tile coordinates (u, v). */
    double y(double u, double v) {
        return Math.sin(angle) * u + Math.cos(angle) * v + size / 2.0;
    }

    /** Whether the centre of pixel (x, y) lies on glaze rather than grout. */
    boolean isGlaze(int x, int y) {
        double cu = u(x + 0.5, y + 0.5) + offsetU;
        double cv = v(x + 0.5, y + 0.5) + offsetV;
        double fu = cu - Math.floor(cu / tileSize) * tileSize;
        double fv = cv - Math.floor(cv / tileSize) * tileSize;
        double halfGrout = groutWidth / 2;
        return Math.min(Math.min(fu, tileSize - fu), Math.min(fv, tileSize - fv)) > halfGrout;
    }

    @Override
    public RgbImage render() {
        GradientNoise noise = new GradientNoise(noiseSeed);
        byte[] out = new byte[size * size * 3];
        double cos = Math.cos(angle);
        double sin = Math.sin(angle);
        float lightU = (float) (cos * Math.cos(lightAngle) + sin * Math.sin(lightAngle));
        float lightV = (float) (-sin * Math.cos(lightAngle) + cos * Math.sin(lightAngle));
        double halfGrout = groutWidth / 2;
        double bevel = tileSize * 0.05;
        double mottle = 5.0 / size;
        double highlightScale = 1 / (2 * highlightRadius * highlightRadius);
        float[] specks = speckle(noise);
        float half = size / 2f;
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                double cx = x + 0.5 - half;
                double cy = y + 0.5 - half;
                double cu = cos * cx + sin * cy + offsetU;
                double cv = -sin * cx + cos * cy + offsetV;
                int ti = (int) Math.floor(cu / tileSize);
                int tj = (int) Math.floor(cv / tileSize);
                double fu = cu - ti * tileSize;
                double fv = cv - tj * tileSize;
                double left = fu - halfGrout;
                double right = tileSize - fu - halfGrout;
                double top = fv - halfGrout;
                double bottom = tileSize - fv - halfGrout;
                double edge = Math.min(Math.min(left, right), Math.min(top, bottom));
                float glazeCover = Shading.smoothstep(-0.6f, 0.6f, (float) edge);

                // Pillowed edges: each border slopes away over `bevel` pixels, lit by its outward normal · light.
                float tilt = -bevelSlope(left, bevel) * lightU + bevelSlope(right, bevel) * lightU
                        - bevelSlope(top, bevel) * lightV + bevelSlope(bottom, bevel) * lightV;
                float tileShade = (1 + 0.025f * noise.cell(ti, tj)) * (1 + 0.25f * tilt)
                        * (1 + 0.035f * noise.fbm(x * mottle, y * mottle, 3));
                float speck = specks[y * size + x];
                double hx = x + 0.5 - highlightX;
                double hy = y + 0.5 - highlightY;
                float gloss = highlightStrength * (float) Math.exp(-(hx * hx + hy * hy) * highlightScale)
                        * (1 + 0.15f * noise.at(x * 0.05 + 80, y * 0.05));
                float gr = glaze.r() * tileShade * Shading.lerp(1, SPECK.r(), speck) + gloss;
                float gg = glaze.g() * tileShade * Shading.lerp(1, SPECK.g(), speck) + gloss;
                float gb = glaze.b() * tileShade * Shading.lerp(1, SPECK.b(), speck) + gloss;

                // Grout: sandy, and shadowed where it meets the raised tile edge.
                float recess = 0.72f + 0.28f * Shading.smoothstep(0, (float) halfGrout, (float) -edge);
                float sand = recess * (1 + 0.08f * noise.at(x * 0.6 + 900, y * 0.6) + 0.06f * noise.at(x * 0.15, y * 0.15 + 900));
                float r = Shading.lerp(grout.r() * sand, gr, glazeCover);
                float g = Shading.lerp(grout.g() * sand, gg, glazeCover);
                float b = Shading.lerp(grout.b() * sand, gb, glazeCover);
                Shading.put(out, y * size + x, r, g, b);
            }
        }
        return new RgbImage(size, size, out);
    }

    @Override
    public SampleImage paintDefect(String defect, RgbImage surface, SplittableRandom random) {
        return TileDefects.paint(this, defect, surface, random);
    }

    /**
     * Speckle cover (size × size, 0..1): round specks of 0.5–2 px radius, at most one per
     * {@value #SPECK_CELL}-pixel grid cell, present in a cell with a probability that varies over the image
     * (clustered speckle). Each speck is splatted into its own few pixels, which is far cheaper than testing
     * neighbouring cells at every pixel.
     */
    private float[] speckle(GradientNoise noise) {
        float[] cover = new float[size * size];
        int cells = size / SPECK_CELL + 1;
        for (int j = 0; j < cells; j++) {
            for (int i = 0; i < cells; i++) {
                double presentBelow = 0.45 * Shading.smoothstep(-0.4f, 0.8f, noise.at(i * 0.2 + 500, j * 0.2));
                if ((noise.cell(4 * i, j) + 1) / 2 >= presentBelow) {
                    continue;
                }
                double sx = (i + (noise.cell(4 * i + 1, j) + 1) / 2) * SPECK_CELL;
                double sy = (j + (noise.cell(4 * i + 2, j) + 1) / 2) * SPECK_CELL;
                float t = (noise.cell(4 * i + 3, j) + 1) / 2;
                float radius = 0.5f + 1.5f * t * t;
                int x0 = Math.max(0, (int) Math.floor(sx - radius - 1));
                int x1 = Math.min(size - 1, (int) Math.ceil(sx + radius + 1));
                int y0 = Math.max(0, (int) Math.floor(sy - radius - 1));
                int y1 = Math.min(size - 1, (int) Math.ceil(sy + radius + 1));
                for (int y = y0; y <= y1; y++) {
                    for (int x = x0; x <= x1; x++) {
                        double dx = x + 0.5 - sx;
                        double dy = y + 0.5 - sy;
                        float c = Shading.smoothstep(radius + 0.6f, radius - 0.6f, (float) Math.sqrt(dx * dx + dy * dy));
                        cover[y * size + x] = Math.max(cover[y * size + x], c);
                    }
                }
            }
        }
        return cover;
    }

    /** Slope of the bevel at {@code distance} pixels in from a border: 1 at the border, 0 beyond the bevel. */
    private static float bevelSlope(double distance, double bevel) {
        float t = 1 - Shading.clamp01((float) (distance / bevel));
        return t * t;
    }
}
