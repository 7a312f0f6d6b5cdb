package org.anomalyforge.trokens.synthetic;

import org.anomalyforge.ingest.image.ImageCodec;
import org.anomalyforge.ingest.image.Interpolation;
import org.anomalyforge.ingest.image.RgbImage;

/**
 * An RGBA sprite in float memory, composited onto a float RGB canvas with rotation, scale and bilinear
 * sampling. The alpha shape is a rounded rectangle with a one-pixel soft edge.
 *
 * @param width  sprite width in pixels
 * @param height sprite height in pixels
 * @param rgb    {@code [h·w·3]} 0–255
 * @param alpha  {@code [h·w]} 0–1
 */
record Sprite(int width, int height, float[] rgb, float[] alpha) {

    /**
     * A product sprite: {@code texture} squashed to {@code width × height}, tinted, with a bright label stripe
     * near one end (so rotation is visible) and a darker rim.
     *
     * @param tint multiplicative RGB tint, each 0–1.5
     */
    static Sprite product(RgbImage texture, int width, int height, float[] tint) {
        RgbImage small = ImageCodec.resize(texture, width, height, Interpolation.AREA);
        float[] rgb = new float[width * height * 3];
        float[] alpha = roundedRect(width, height, Math.min(width, height) * 0.2f);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int i = y * width + x;
                boolean stripe = x >= width * 0.12 && x < width * 0.32 && y >= height * 0.2 && y < height * 0.8;
                float rim = alpha[i] < 1 || x < 2 || y < 2 || x >= width - 2 || y >= height - 2 ? 0.55f : 1f;
                for (int c = 0; c < 3; c++) {
                    float v = small.get(x, y, c) * tint[c] * rim;
                    rgb[i * 3 + c] = stripe ? 235f : v;
                }
            }
        }
        return new Sprite(width, height, rgb, alpha);
    }

    /** A flat-coloured rounded rectangle (pusher, gripper, shadow). */
    static Sprite solid(int width, int height, float r, float g, float b, float opacity) {
        float[] rgb = new float[width * height * 3];
        float[] alpha = roundedRect(width, height, Math.min(width, height) * 0.25f);
        for (int i = 0; i < width * height; i++) {
            rgb[i * 3] = r;
            rgb[i * 3 + 1] = g;
            rgb[i * 3 + 2] = b;
            alpha[i] *= opacity;
        }
        return new Sprite(width, height, rgb, alpha);
    }

    private static float[] roundedRect(int width, int height, float radius) {
        float[] a = new float[width * height];
        float hx = width / 2f;
        float hy = height / 2f;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                float px = Math.abs(x + 0.5f - hx) - (hx - radius);
                float py = Math.abs(y + 0.5f - hy) - (hy - radius);
                float outside = (float) Math.hypot(Math.max(px, 0), Math.max(py, 0)) + Math.min(Math.max(px, py), 0);
                float d = outside - radius;
                a[y * width + x] = Math.max(0f, Math.min(1f, 0.5f - d));
            }
        }
        return a;
    }

    /**
     * Composites this sprite centred at (cx, cy) in canvas pixels, rotated by {@code angle} radians
     * (clockwise on screen, y down) and scaled by {@code scale}.
     *
     * @param canvas {@code [ch·cw·3]} 0–255, modified in place
     */
    void draw(float[] canvas, int cw, int ch, double cx, double cy, double angle, double scale) {
        double cos = Math.cos(angle);
        double sin = Math.sin(angle);
        double half = 0.5 * Math.hypot(width, height) * scale + 2;
        int x0 = Math.max(0, (int) Math.floor(cx - half));
        int x1 = Math.min(cw - 1, (int) Math.ceil(cx + half));
        int y0 = Math.max(0, (int) Math.floor(cy - half));
        int y1 = Math.min(ch - 1, (int) Math.ceil(cy + half));
        for (int y = y0; y <= y1; y++) {
            for (int x = x0; x <= x1; x++) {
                double dx = x - cx;
                double dy = y - cy;
                // inverse rotation into sprite coordinates (pixel centres at integers + 0.5 offset)
                double sx = (cos * dx + sin * dy) / scale + width / 2.0 - 0.5;
                double sy = (-sin * dx + cos * dy) / scale + height / 2.0 - 0.5;
                blend(canvas, (y * cw + x) * 3, sx, sy);
            }
        }
    }

    /** Sprite-space position of sprite corner {@code k} (0..3, clockwise from top-left) after the pose. */
    double[] corner(int k, double cx, double cy, double angle, double scale) {
        double lx = ((k == 1 || k == 2) ? 0.5 : -0.5) * width * scale;
        double ly = (k >= 2 ? 0.5 : -0.5) * height * scale;
        double cos = Math.cos(angle);
        double sin = Math.sin(angle);
        return new double[] {cx + cos * lx - sin * ly, cy + sin * lx + cos * ly};
    }

    private void blend(float[] canvas, int offset, double sx, double sy) {
        int ix = (int) Math.floor(sx);
        int iy = (int) Math.floor(sy);
        double fx = sx - ix;
        double fy = sy - iy;
        double a = 0;
        double[] c = new double[3];
        for (int j = 0; j < 2; j++) {
            for (int i = 0; i < 2; i++) {
                int px = ix + i;
                int py = iy + j;
                if (px < 0 || py < 0 || px >= width || py >= height) {
                    continue;
                }
                double w = (i == 0 ? 1 - fx : fx) * (j == 0 ? 1 - fy : fy);
                int p = py * width + px;
                double wa = w * alpha[p];
                a += wa;
                for (int ch = 0; ch < 3; ch++) {
                    c[ch] += wa * rgb[p * 3 + ch];
                }
            }
        }
        if (a <= 0) {
            return;
        }
        for (int ch = 0; ch < 3; ch++) {
            // c holds alpha-premultiplied colour: out = premultiplied + (1 − a)·background
            canvas[offset + ch] = (float) (c[ch] + (1 - a) * canvas[offset + ch]);
        }
    }
}
