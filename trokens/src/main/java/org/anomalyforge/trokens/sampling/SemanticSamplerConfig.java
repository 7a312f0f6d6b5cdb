package org.anomalyforge.trokens.sampling;

/**
 * Configuration of semantic-aware point sampling (spec §7.1–7.4). Immutable.
 *
 * @param mode         {@link SamplingMode#BIPARTITE} or {@link SamplingMode#KMEANS}
 * @param merger       bipartite merging (11 rounds of 0.25)
 * @param union        temporal union threshold (0.2)
 * @param maskPoints   points per cluster (16) and the k-means subsample limit
 * @param kmeansK      clusters in KMEANS mode (32)
 * @param snapToCorner move points to Shi–Tomasi corners (on with LK)
 * @param snapper      corner snapping parameters
 * @param seed         seeds the k-means++ initialisations
 */
public record SemanticSamplerConfig(SamplingMode mode, BipartiteMerger merger, TemporalUnion union,
                                    MaskPointSampler maskPoints, int kmeansK, boolean snapToCorner,
                                    CornerSnapper snapper, long seed) {

    public SemanticSamplerConfig {
        if (mode == SamplingMode.GRID) {
            throw new IllegalArgumentException("semantic sampler mode must be BIPARTITE or KMEANS, got GRID");
        }
        if (kmeansK < 1) {
            throw new IllegalArgumentException("kmeansK must be >= 1, got " + kmeansK);
        }
    }

    /** Spec defaults for the LK profiles: bipartite, snap on, seed 1. */
    public static SemanticSamplerConfig defaults() {
        return new SemanticSamplerConfig(SamplingMode.BIPARTITE, BipartiteMerger.DEFAULT, TemporalUnion.DEFAULT,
                MaskPointSampler.DEFAULT, 32, true, CornerSnapper.DEFAULT, 1);
    }

    /** Copy with another mode. */
    public SemanticSamplerConfig withMode(SamplingMode newMode) {
        return new SemanticSamplerConfig(newMode, merger, union, maskPoints, kmeansK, snapToCorner, snapper, seed);
    }

    /** Copy with corner snapping switched. */
    public SemanticSamplerConfig withSnapToCorner(boolean snap) {
        return new SemanticSamplerConfig(mode, merger, union, maskPoints, kmeansK, snap, snapper, seed);
    }
}
