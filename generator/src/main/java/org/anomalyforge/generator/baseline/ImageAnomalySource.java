package org.anomalyforge.generator.baseline;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.anomalyforge.ingest.image.ImageCodec;
import org.anomalyforge.ingest.image.Interpolation;
import org.anomalyforge.ingest.image.RgbImage;

/**
 * Anomaly appearance taken from other images — a different normal image, or another product's image —
 * picked uniformly from a pool and resized to the target (area averaging when shrinking both sides,
 * bilinear otherwise). Wrap it in {@link AugmentedAnomalySource} to re-colour it as DRAEM does.
 *
 * <p>The pool is copied at construction, so later changes to the caller's images do not leak in.
 */
public final class ImageAnomalySource implements AnomalySource {
    private final List<RgbImage> pool;

    /** @param pool at least one image, any sizes */
    public ImageAnomalySource(List<RgbImage> pool) {
        if (pool == null || pool.isEmpty()) {
            throw new IllegalArgumentException("pool must hold at least one image, got " + pool);
        }
        List<RgbImage> copies = new ArrayList<>(pool.size());
        for (int i = 0; i < pool.size(); i++) {
            RgbImage image = pool.get(i);
            if (image == null) {
                throw new IllegalArgumentException("pool image " + i + " must not be null");
            }
            copies.add(new RgbImage(image.width(), image.height(), image.pixels().clone()));
        }
        this.pool = List.copyOf(copies);
    }

    /** Number of images in the pool. */
    public int size() {
        return pool.size();
    }

    @Override
    public RgbImage texture(int width, int height, SplittableRandom rng) {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("texture size must be at least 1×1, got " + width + "×" + height);
        }
        RgbImage picked = pool.get(rng.nextInt(pool.size()));
        boolean shrinking = picked.width() > width && picked.height() > height;
        // resize always returns a new image, so the pool is never handed out.
        return ImageCodec.resize(picked, width, height, shrinking ? Interpolation.AREA : Interpolation.BILINEAR);
    }
}
