package org.anomalyforge.generator.baseline;

import java.util.SplittableRandom;
import org.anomalyforge.ingest.image.RgbImage;

/**
 * Where the anomaly's appearance comes from: DRAEM blends a DTD texture into the mask region; we offer
 * procedural textures ({@link ProceduralTextureSource}), other images ({@link ImageAnomalySource}) and
 * DRAEM's random augmentations on top of either ({@link AugmentedAnomalySource}).
 *
 * <p>Implementations must be pure functions of (width, height, the draws taken from {@code rng}) and must not
 * return an image they keep a reference to, so generated pairs are reproducible and independent.
 */
public interface AnomalySource {

    /** A fresh {@code width × height} image drawn with {@code rng}. */
    RgbImage texture(int width, int height, SplittableRandom rng);
}
