package org.anomalyforge.trokens.model;

import org.anomalyforge.trokens.tokens.HodMode;

import java.util.Objects;

/**
 * Architecture of the recogniser (spec §9–§11, §14): the only way to build a {@link TrokensNet}; saved as
 * part of {@code config.json} next to the weights.
 *
 * @param profile          profile name ({@code descriptor-cpu}, {@code dinov2-s14}, {@code dinov2-b14} or custom)
 * @param featureDim       appearance width {@code A}
 * @param modelDim         model width {@code d}, divisible by {@code heads}
 * @param heads            attention heads (8)
 * @param points           trajectories per clip {@code M} (sizes the relational MLP)
 * @param frames           model frames {@code T} (8)
 * @param gridSize         patch-grid side {@code G} (16)
 * @param hodMode          HoD features (input width 32, 224 or 256)
 * @param baseClasses      classes {@code C} of the auxiliary CLS head, ≥ 1
 * @param maskMode         attention masks
 * @param appearance       whether appearance tokens are fused (ablation switch)
 * @param hod              whether HoD tokens are fused
 * @param relational       whether relational tokens are fused
 * @param standardizeAppearance whether appearance features are standardised per dimension with statistics
 *                         of the training clips (descriptor encoder, spec §6.1); false for ViT features
 */
public record TrokensConfig(String profile, int featureDim, int modelDim, int heads, int points, int frames,
                            int gridSize, HodMode hodMode, int baseClasses, MaskMode maskMode, boolean appearance,
                            boolean hod, boolean relational, boolean standardizeAppearance) {

    public TrokensConfig {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(hodMode, "hodMode");
        Objects.requireNonNull(maskMode, "maskMode");
        positive("featureDim", featureDim);
        positive("modelDim", modelDim);
        positive("heads", heads);
        positive("points", points);
        positive("frames", frames);
        positive("gridSize", gridSize);
        positive("baseClasses", baseClasses);
        if (modelDim % heads != 0) {
            throw new IllegalArgumentException("modelDim must be divisible by heads " + heads + ", got " + modelDim);
        }
        if (!appearance && !hod && !relational) {
            throw new IllegalArgumentException("at least one of appearance, hod, relational must be enabled");
        }
    }

    /** {@code descriptor-cpu} (default): A 16, d 128, 8 heads, M 64. */
    public static TrokensConfig descriptorCpu(int baseClasses) {
        return standard("descriptor-cpu", 16, 128, 64, baseClasses, true);
    }

    /** {@code dinov2-s14}: A 384, d 384, 8 heads, M 128. */
    public static TrokensConfig dinov2S14(int baseClasses) {
        return standard("dinov2-s14", 384, 384, 128, baseClasses, false);
    }

    /** {@code dinov2-b14} (paper): A 768, d 768, 8 heads, M 256. */
    public static TrokensConfig dinov2B14(int baseClasses) {
        return standard("dinov2-b14", 768, 768, 256, baseClasses, false);
    }

    private static TrokensConfig standard(String profile, int a, int d, int m, int c, boolean standardize) {
        return new TrokensConfig(profile, a, d, 8, m, 8, 16, HodMode.PER_FRAME, c, MaskMode.VISIBILITY, true, true,
                true, standardize);
    }

    /** The same architecture with other sizes (tests and the shrunk integration profile). */
    public TrokensConfig resized(int newFeatureDim, int newModelDim, int newHeads, int newPoints, int newClasses) {
        return new TrokensConfig(profile, newFeatureDim, newModelDim, newHeads, newPoints, frames, gridSize, hodMode,
                newClasses, maskMode, appearance, hod, relational, standardizeAppearance);
    }

    /** The same architecture with another mask mode. */
    public TrokensConfig withMaskMode(MaskMode mode) {
        return new TrokensConfig(profile, featureDim, modelDim, heads, points, frames, gridSize, hodMode,
                baseClasses, mode, appearance, hod, relational, standardizeAppearance);
    }

    /**
     * The same architecture with other token streams fused (spec §10 switches; at least one must stay on).
     * Without relational tokens the relational MLP is not built, so {@code M} no longer sizes any weight.
     */
    public TrokensConfig withTokens(boolean useAppearance, boolean useHod, boolean useRelational) {
        return new TrokensConfig(profile, featureDim, modelDim, heads, points, frames, gridSize, hodMode,
                baseClasses, maskMode, useAppearance, useHod, useRelational, standardizeAppearance);
    }

    /** Whether appearance features are projected ({@code Linear(A → d)} when {@code A ≠ d}, spec §10). */
    public boolean projectsAppearance() {
        return appearance && featureDim != modelDim;
    }

    /**
     * Exact trainable parameter count (spec §11 table): embeddings, cls, token MLPs, optional projection,
     * block ({@code 17d² + 20d}), final LN and head.
     */
    public long parameterCount() {
        long d = modelDim;
        long total = (appearance ? (long) gridSize * gridSize * d + (long) frames * d : 0) + d;
        if (hod) {
            total += tokenMlp(hodMode.width(), d);
        }
        if (relational) {
            total += tokenMlp(2L * points, d);
        }
        if (projectsAppearance()) {
            total += (long) featureDim * d + d;
        }
        total += 17 * d * d + 20 * d; // block
        total += 2 * d; // final LN
        total += d * d + d + d * baseClasses + baseClasses; // head
        return total;
    }

    private static long tokenMlp(long in, long d) {
        return in * 4 * d + 4 * d + 4 * d * d + d + 2 * d;
    }

    private static void positive(String field, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(field + " must be >= 1, got " + value);
        }
    }
}
