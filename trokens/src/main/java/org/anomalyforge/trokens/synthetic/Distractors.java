package org.anomalyforge.trokens.synthetic;

import org.anomalyforge.trokens.sampling.SplitMix64;

/**
 * Motion that belongs to no action class: one or two dark blobs (a worker's glove, a passing tool) crossing
 * the floor off the belt on straight paths, and an indicator light that blinks. The recogniser must learn to
 * ignore them.
 */
final class Distractors {

    private final Sprite[] blobs;
    private final double[][] paths;
    private final Sprite light;
    private final double lightX;
    private final double lightY;
    private final int blinkPeriod;

    Distractors(int width, int height, SceneLayout layout, int frames, SplitMix64 rng) {
        int count = 1 + rng.nextInt(2);
        blobs = new Sprite[count];
        paths = new double[count][4];
        for (int i = 0; i < count; i++) {
            int r = 4 + rng.nextInt(4);
            blobs[i] = Sprite.solid(r, r, 25, 22, 20, 0.9f);
            int side = rng.nextDouble() < 0.5 ? -1 : 1;
            double y = layout.beltY() + side * (layout.beltHalf() + 0.08 * height + rng.nextDouble() * 0.1 * height);
            double x0 = rng.nextDouble() * width;
            double x1 = rng.nextDouble() * width;
            paths[i] = new double[] {x0, y, (x1 - x0) / frames, (rng.nextDouble() - 0.5) * 0.2};
        }
        light = Sprite.solid(4, 4, 250, 60, 40, 1f);
        lightX = 4 + rng.nextDouble() * (width - 8);
        lightY = rng.nextDouble() < 0.5 ? 3 : height - 4;
        blinkPeriod = 3 + rng.nextInt(4);
    }

    void draw(float[] canvas, int cw, int ch, int margin, int t) {
        for (int i = 0; i < blobs.length; i++) {
            double[] p = paths[i];
            blobs[i].draw(canvas, cw, ch, margin + p[0] + p[2] * t, margin + p[1] + p[3] * t, 0, 1);
        }
        if ((t / blinkPeriod) % 2 == 0) {
            light.draw(canvas, cw, ch, margin + lightX, margin + lightY, 0, 1);
        }
    }
}
