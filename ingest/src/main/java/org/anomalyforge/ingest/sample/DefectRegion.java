package org.anomalyforge.ingest.sample;

import java.util.function.IntPredicate;
import org.anomalyforge.ingest.image.BinaryMask;
import org.anomalyforge.ingest.image.RgbImage;

/**
 * The pixels a defect covers, rasterised once and used both to paint the defect and as its ground-truth
 * mask, so the two agree exactly: {@link #paint} changes every region pixel by at least {@link #MIN_CHANGE}
 * grey levels (in its most changed channel) and no pixel outside the region at all. Immutable.
 *
 * <p>A pixel belongs to the region when its centre lies inside the shape. For each pixel the region keeps a
 * depth (size × size floats, row-major): 0 outside, rising from near 0 at the outline to 1 at the centre, which
 * shaders use for soft interiors, rims and shadows that stay inside the mask.
 */
final class DefectRegion {

    /** Smallest change, in grey levels of the most changed channel, of any pixel inside a painted region. */
    static final int MIN_CHANGE = 8;

    /** Depth assigned to a pixel whose centre lies exactly on the outline, so that it still counts as inside. */
    private static final float MIN_DEPTH = 1e-4f;

    private final int size;
    private final float[] depth;

    private DefectRegion(int size, float[] depth) {
        this.size = size;
        this.depth = depth;
    }

    /** The pixels whose centres lie inside {@code outline} placed at (cx, cy). */
    static DefectRegion blob(int size, double cx, double cy, Outline outline) {
        float[] depth = new float[size * size];
        double reach = outline.maxRadius() + 1;
        int x0 = Math.max(0, (int) Math.floor(cx - reach));
        int x1 = Math.min(size - 1, (int) Math.ceil(cx + reach));
        int y0 = Math.max(0, (int) Math.floor(cy - reach));
        int y1 = Math.min(size - 1, (int) Math.ceil(cy + reach));
        for (int y = y0; y <= y1; y++) {
            double dy = y + 0.5 - cy;
            for (int x = x0; x <= x1; x++) {
                double dx = x + 0.5 - cx;
                double d = Math.sqrt(dx * dx + dy * dy);
                double r = outline.radiusAt(Math.atan2(dy, dx));
                if (d < r) {
                    depth[y * size + x] = Math.max(MIN_DEPTH, (float) (1 - d / r));
                }
            }
        }
        return new DefectRegion(size, depth);
    }

    /**
     * The pixels whose centres lie within the local half width of a polyline.
     *
     * @param xs         vertex x coordinates, at least two
     * @param ys         vertex y coordinates, same length
     * @param halfWidths half width in pixels at each vertex, interpolated linearly along each segment
     */
    static DefectRegion stroke(int size, double[] xs, double[] ys, double[] halfWidths) {
        if (xs.length < 2 || ys.length != xs.length || halfWidths.length != xs.length) {
            throw new IllegalArgumentException("a stroke needs at least two vertices with one x, y and half width"
                    + " each, got " + xs.length + " x, " + ys.length + " y, " + halfWidths.length + " half widths");
        }
        float[] depth = new float[size * size];
        for (int k = 0; k + 1 < xs.length; k++) {
            rasteriseSegment(size, depth, xs[k], ys[k], halfWidths[k], xs[k + 1], ys[k + 1], halfWidths[k + 1]);
        }
        return new DefectRegion(size, depth);
    }

    /** Pixels in either region; depth is the larger of the two. */
    DefectRegion union(DefectRegion other) {
        if (other.size != size) {
            throw new IllegalArgumentException("regions must have the same size, got " + size + " and " + other.size);
        }
        float[] merged = new float[depth.length];
        for (int i = 0; i < merged.length; i++) {
            merged[i] = Math.max(depth[i], other.depth[i]);
        }
        return new DefectRegion(size, merged);
    }

    /** Only the region pixels (row-major index y * size + x) that {@code keep} accepts. */
    DefectRegion within(IntPredicate keep) {
        float[] kept = new float[depth.length];
        for (int i = 0; i < kept.length; i++) {
            if (depth[i] > 0 && keep.test(i)) {
                kept[i] = depth[i];
            }
        }
        return new DefectRegion(size, kept);
    }

    /** Number of pixels in the region. */
    int area() {
        int n = 0;
        for (float d : depth) {
            if (d > 0) {
                n++;
            }
        }
        return n;
    }

    /** The region as a ground-truth mask. */
    BinaryMask mask() {
        byte[] bits = new byte[depth.length];
        for (int i = 0; i < bits.length; i++) {
            bits[i] = (byte) (depth[i] > 0 ? 1 : 0);
        }
        return new BinaryMask(size, size, bits);
    }

    /**
     * Paints the defect into a copy of {@code surface}: {@code shader} recolours region pixels, all other
     * pixels are copied unchanged. A region pixel the shader left nearly unchanged (most changed channel below
     * {@link #MIN_CHANGE}) is pushed {@link #MIN_CHANGE} levels in the shader's direction, so the mask never
     * marks a pixel that carries no visible defect.
     *
     * @throws IllegalStateException if the region is empty (a defect placement bug, never a valid sample)
     */
    SampleImage paint(RgbImage surface, DefectShader shader) {
        if (surface.width() != size || surface.height() != size) {
            throw new IllegalArgumentException("surface must be " + size + "×" + size + ", got "
                    + surface.width() + "×" + surface.height());
        }
        if (area() == 0) {
            throw new IllegalStateException("defect region is empty: nothing to paint on the " + size + "×" + size
                    + " surface");
        }
        byte[] base = surface.pixels();
        byte[] out = base.clone();
        float[] rgb = new float[3];
        for (int i = 0; i < depth.length; i++) {
            if (depth[i] <= 0) {
                continue;
            }
            int p = i * 3;
            for (int c = 0; c < 3; c++) {
                rgb[c] = base[p + c] & 0xff;
            }
            shader.shade(i % size, i / size, depth[i], rgb);
            int maxChange = 0;
            float signedChange = 0;
            for (int c = 0; c < 3; c++) {
                out[p + c] = Shading.toByte(rgb[c]);
                int change = (out[p + c] & 0xff) - (base[p + c] & 0xff);
                maxChange = Math.max(maxChange, Math.abs(change));
                signedChange += rgb[c] - (base[p + c] & 0xff);
            }
            if (maxChange < MIN_CHANGE) {
                enforceMinimumChange(base, out, p, signedChange >= 0 ? 1 : -1);
            }
        }
        return new SampleImage(new RgbImage(size, size, out), mask());
    }

    private static void enforceMinimumChange(byte[] base, byte[] out, int p, int preferredDirection) {
        int r = base[p] & 0xff;
        int g = base[p + 1] & 0xff;
        int b = base[p + 2] & 0xff;
        int direction = preferredDirection;
        // Every channel can move MIN_CHANGE one way or the other; only the preferred way may be blocked.
        if (direction > 0 && Math.min(r, Math.min(g, b)) > 255 - MIN_CHANGE) {
            direction = -1;
        } else if (direction < 0 && Math.max(r, Math.max(g, b)) < MIN_CHANGE) {
            direction = 1;
        }
        out[p] = Shading.toByte(r + direction * MIN_CHANGE);
        out[p + 1] = Shading.toByte(g + direction * MIN_CHANGE);
        out[p + 2] = Shading.toByte(b + direction * MIN_CHANGE);
    }

    private static void rasteriseSegment(int size, float[] depth, double ax, double ay, double aw,
                                         double bx, double by, double bw) {
        double reach = Math.max(aw, bw) + 1;
        int x0 = Math.max(0, (int) Math.floor(Math.min(ax, bx) - reach));
        int x1 = Math.min(size - 1, (int) Math.ceil(Math.max(ax, bx) + reach));
        int y0 = Math.max(0, (int) Math.floor(Math.min(ay, by) - reach));
        int y1 = Math.min(size - 1, (int) Math.ceil(Math.max(ay, by) + reach));
        double ex = bx - ax;
        double ey = by - ay;
        double lengthSquared = Math.max(1e-12, ex * ex + ey * ey);
        for (int y = y0; y <= y1; y++) {
            for (int x = x0; x <= x1; x++) {
                double px = x + 0.5 - ax;
                double py = y + 0.5 - ay;
                double t = Math.max(0, Math.min(1, (px * ex + py * ey) / lengthSquared));
                double dx = px - t * ex;
                double dy = py - t * ey;
                double distance = Math.sqrt(dx * dx + dy * dy);
                double halfWidth = aw + t * (bw - aw);
                if (distance < halfWidth) {
                    int i = y * size + x;
                    depth[i] = Math.max(depth[i], Math.max(MIN_DEPTH, (float) (1 - distance / halfWidth)));
                }
            }
        }
    }
}
