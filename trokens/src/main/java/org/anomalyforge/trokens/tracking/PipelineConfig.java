package org.anomalyforge.trokens.tracking;

import org.anomalyforge.trokens.sampling.GridSampler;
import org.anomalyforge.trokens.sampling.SamplingMode;
import org.anomalyforge.trokens.sampling.SemanticSamplerConfig;
import org.anomalyforge.trokens.tokens.HodMode;

/**
 * Configuration of {@link TrackingPipeline}. Immutable.
 *
 * @param mode                 BIPARTITE (default), KMEANS or GRID
 * @param points               {@code M}, fixed per model (it sizes the relational MLP)
 * @param semantic             semantic sampler settings (BIPARTITE/KMEANS); its mode is overridden by {@code mode}
 * @param grid                 grid baseline settings
 * @param hodMode              HoD layout
 * @param standardiseClustering z-score features before clustering (patch descriptors: yes; raw ViT: no)
 * @param selectionSeed        {@code pointSelection.seed} for inference (default 1)
 */
public record PipelineConfig(SamplingMode mode, int points, SemanticSamplerConfig semantic, GridSampler grid,
                             HodMode hodMode, boolean standardiseClustering, long selectionSeed) {

    public PipelineConfig {
        if (points < 1) {
            throw new IllegalArgumentException("points (M) must be >= 1, got " + points);
        }
        java.util.Objects.requireNonNull(mode, "mode");
        java.util.Objects.requireNonNull(semantic, "semantic");
        java.util.Objects.requireNonNull(grid, "grid");
        java.util.Objects.requireNonNull(hodMode, "hodMode");
    }

    /** The {@code descriptor-cpu} profile: bipartite, M = 64, snap on, per-frame HoD, standardised clustering, seed 1. */
    public static PipelineConfig descriptorCpu() {
        return new PipelineConfig(SamplingMode.BIPARTITE, 64, SemanticSamplerConfig.defaults(), GridSampler.DEFAULT,
                HodMode.PER_FRAME, true, 1);
    }

    /** Copy with another mode. */
    public PipelineConfig withMode(SamplingMode newMode) {
        return new PipelineConfig(newMode, points, semantic, grid, hodMode, standardiseClustering, selectionSeed);
    }

    /** Copy with another {@code M}. */
    public PipelineConfig withPoints(int newPoints) {
        return new PipelineConfig(mode, newPoints, semantic, grid, hodMode, standardiseClustering, selectionSeed);
    }
}
