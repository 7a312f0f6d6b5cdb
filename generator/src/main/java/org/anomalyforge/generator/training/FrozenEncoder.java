package org.anomalyforge.generator.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.util.Arrays;
import org.anomalyforge.generator.checkpoint.SeasModels;
import org.anomalyforge.generator.vae.LatentDistribution;

/**
 * The frozen VAE encoder of stages 1 and 2: (μ, logvar) per (image, augmentation), cached. A missing entry is
 * encoded alone (grad mode off), so its moments never depend on which batch first needed it and a resumed run
 * reproduces them bit for bit.
 */
final class FrozenEncoder {

    private final SeasModels models;
    private final LatentCache cache = new LatentCache();

    FrozenEncoder(SeasModels models) {
        this.models = models;
    }

    /** μ, logvar [2b, 4, r₀, r₀] of the micro-batch's images, in {@code m}. */
    LatentDistribution moments(MicroBatch batch, NDManager m) {
        int side = models.config().imageSize();
        int r0 = models.config().unet().sampleSize();
        int n = batch.latentKeys().length;
        Shape latentShape = new Shape(n, models.config().unet().inChannels(), r0, r0);
        int per = (int) (latentShape.size() / n);
        int image = 3 * side * side;
        for (int i = 0; i < n; i++) {
            String key = batch.latentKeys()[i];
            if (cache.get(key) == null) {
                NDArray pixels = m.create(Arrays.copyOfRange(batch.pixels(), i * image, (i + 1) * image),
                        new Shape(1, 3, side, side));
                LatentDistribution d = models.vae().encode(new ParameterStore(m, false), pixels, false);
                cache.put(key, new LatentCache.Moments(d.mean().toFloatArray(), d.logvar().toFloatArray()));
            }
        }
        float[] mean = new float[n * per];
        float[] logvar = new float[n * per];
        for (int i = 0; i < n; i++) {
            LatentCache.Moments mo = cache.get(batch.latentKeys()[i]);
            System.arraycopy(mo.mean(), 0, mean, i * per, per);
            System.arraycopy(mo.logvar(), 0, logvar, i * per, per);
        }
        return new LatentDistribution(m.create(mean, latentShape), m.create(logvar, latentShape));
    }

    /** Cached (image, augmentation) encodings. */
    int size() {
        return cache.size();
    }
}
