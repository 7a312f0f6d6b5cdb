package org.anomalyforge.generator.baseline;

import java.util.SplittableRandom;
import org.anomalyforge.ingest.image.BinaryMask;
import org.anomalyforge.ingest.image.RgbImage;

/**
 * DRAEM-style anomaly pairs: a Perlin mask, an anomaly appearance from an {@link AnomalySource}, blended with
 * β ~ U(0, betaMax).
 *
 * <p>{@link #generate} is a pure function of (normal image, seed): one {@link SplittableRandom} seeded with
 * {@code seed} feeds, in this order, the mask ({@link PerlinMaskSampler#sample}), the anomaly source and β.
 * Immutable and thread-safe when the source is (all sources of this package are).
 */
public final class PerlinAnomalyGenerator {
    private final PerlinConfig config;
    private final PerlinMaskSampler maskSampler;
    private final AnomalySource source;

    /** A generator blending appearances from {@code source} under {@code config}. */
    public PerlinAnomalyGenerator(PerlinConfig config, AnomalySource source) {
        if (config == null || source == null) {
            throw new IllegalArgumentException("config and source must not be null, got config=" + config
                    + ", source=" + source);
        }
        this.config = config;
        this.maskSampler = new PerlinMaskSampler(config);
        this.source = source;
    }

    /** The mask and blend settings. */
    public PerlinConfig config() {
        return config;
    }

    /**
     * An anomaly pair for {@code normal}.
     *
     * @throws IllegalStateException when no non-empty mask is found within {@code maxMaskAttempts}
     */
    public SyntheticPair generate(RgbImage normal, long seed) {
        if (normal == null) {
            throw new IllegalArgumentException("normal image must not be null (seed " + seed + ")");
        }
        SplittableRandom rng = new SplittableRandom(seed);
        BinaryMask mask = maskSampler.sample(normal.width(), normal.height(), rng);
        RgbImage anomaly = source.texture(normal.width(), normal.height(), rng);
        if (anomaly == null || anomaly.width() != normal.width() || anomaly.height() != normal.height()) {
            throw new IllegalStateException("anomaly source " + source.getClass().getSimpleName() + " must return a "
                    + normal.width() + "×" + normal.height() + " image, got " + anomaly);
        }
        double beta = config.betaMax() == 0 ? 0.0 : rng.nextDouble(config.betaMax());
        return new SyntheticPair(AnomalyBlend.blend(normal, mask, anomaly, beta), mask, seed, beta);
    }
}
