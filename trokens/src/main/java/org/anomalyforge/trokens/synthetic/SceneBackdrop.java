package org.anomalyforge.trokens.synthetic;

import org.anomalyforge.trokens.sampling.SplitMix64;

/**
 * The static floor and the scrolling belt texture of one clip, on a canvas of {@code cw × ch} pixels that is
 * larger than the view so the camera's rotation never shows an empty border.
 *
 * @param cw       canvas width
 * @param ch       canvas height
 * @param floor    {@code [ch·cw·3]} static floor, 0–255
 * @param belt     {@code [beltRows·period·3]} one period of the belt texture
 * @param period   belt texture period in pixels
 * @param beltTop  first canvas row of the belt band
 * @param beltRows belt band height in rows
 */
record SceneBackdrop(int cw, int ch, float[] floor, float[] belt, int period, int beltTop, int beltRows) {

    /** Draws a seeded floor (noisy, with slow shading and specks) and belt (slats, scuffs, noise). */
    static SceneBackdrop create(int cw, int ch, int beltTop, int beltRows, SplitMix64 rng) {
        float[] floor = new float[cw * ch * 3];
        float[] tint = {0.9f + 0.2f * (float) rng.nextDouble(), 0.85f + 0.2f * (float) rng.nextDouble(),
                0.75f + 0.2f * (float) rng.nextDouble()};
        double base = 95 + 40 * rng.nextDouble();
        double fx = 0.02 + 0.05 * rng.nextDouble();
        double fy = 0.02 + 0.05 * rng.nextDouble();
        double phase = rng.nextDouble() * Math.PI * 2;
        for (int y = 0; y < ch; y++) {
            for (int x = 0; x < cw; x++) {
                double v = base + 18 * Math.sin(fx * x + phase) * Math.cos(fy * y) + 14 * (rng.nextDouble() - 0.5);
                if (rng.nextDouble() < 0.01) {
                    v += 60 * (rng.nextDouble() - 0.5);
                }
                for (int c = 0; c < 3; c++) {
                    floor[(y * cw + x) * 3 + c] = (float) (v * tint[c]);
                }
            }
        }
        int period = 48 + 8 * rng.nextInt(3);
        float[] belt = new float[beltRows * period * 3];
        double beltBase = 45 + 25 * rng.nextDouble();
        int slat = 6 + rng.nextInt(6);
        for (int y = 0; y < beltRows; y++) {
            for (int x = 0; x < period; x++) {
                double v = beltBase + 20 * (rng.nextDouble() - 0.5);
                if (x % slat == 0) {
                    v -= 25;
                } else if (x % slat == 1) {
                    v += 20;
                }
                if (y == 0 || y == beltRows - 1 || y == 1 || y == beltRows - 2) {
                    v = 170;
                }
                for (int c = 0; c < 3; c++) {
                    belt[(y * period + x) * 3 + c] = (float) v;
                }
            }
        }
        int scuffs = 4 + rng.nextInt(5);
        for (int s = 0; s < scuffs; s++) {
            int sx = rng.nextInt(period);
            int sy = 2 + rng.nextInt(Math.max(1, beltRows - 6));
            int size = 1 + rng.nextInt(3);
            double v = rng.nextDouble() < 0.5 ? 20 : 150;
            for (int y = sy; y < Math.min(beltRows - 2, sy + size); y++) {
                for (int x = sx; x < sx + size; x++) {
                    for (int c = 0; c < 3; c++) {
                        belt[(y * period + (x % period)) * 3 + c] = (float) v;
                    }
                }
            }
        }
        return new SceneBackdrop(cw, ch, floor, belt, period, beltTop, beltRows);
    }

    /** A fresh canvas: the floor with the belt band scrolled by {@code offset} pixels (+x), bilinear in x. */
    float[] canvas(double offset) {
        float[] canvas = floor.clone();
        for (int r = 0; r < beltRows; r++) {
            int y = beltTop + r;
            if (y < 0 || y >= ch) {
                continue;
            }
            for (int x = 0; x < cw; x++) {
                double u = x - offset;
                double fl = Math.floor(u);
                double f = u - fl;
                int a = (int) Math.floorMod((long) fl, (long) period);
                int b = (a + 1) % period;
                for (int c = 0; c < 3; c++) {
                    canvas[(y * cw + x) * 3 + c] = (float) ((1 - f) * belt[(r * period + a) * 3 + c]
                            + f * belt[(r * period + b) * 3 + c]);
                }
            }
        }
        return canvas;
    }
}
