package org.anomalyforge.trokens.encoders.dinov2;

/**
 * Architecture of a DINOv2 ViT (spec §6.2): the only way to build a {@link Dinov2Vit}.
 *
 * @param variant      name used in ids and messages, e.g. {@code vits14}; {@code [a-z0-9-]+}
 * @param width        token width {@code D}, divisible by {@code heads}
 * @param depth        number of blocks, ≥ 1
 * @param heads        attention heads, ≥ 1
 * @param mlpHidden    MLP hidden width (4D)
 * @param patchSize    patch side in pixels (14)
 * @param positionGrid side of the stored position-embedding grid (37 in the published checkpoints, the
 *                     encoder grid {@code G} once imported: the table is interpolated at import time)
 * @param gridSize     encoder output grid side {@code G} (16, input {@code G·patchSize} = 224 px)
 * @param layerNormEps LayerNorm epsilon (1e-6)
 */
public record Dinov2Config(String variant, int width, int depth, int heads, int mlpHidden, int patchSize,
                           int positionGrid, int gridSize, float layerNormEps) {

    /** Position grid of the published checkpoints (518 px / 14). */
    public static final int PUBLISHED_POSITION_GRID = 37;

    public Dinov2Config {
        if (variant == null || !variant.matches("[a-z0-9-]+")) {
            throw new IllegalArgumentException("variant must match [a-z0-9-]+, got '" + variant + "'");
        }
        if (width < 1 || heads < 1 || width % heads != 0) {
            throw new IllegalArgumentException("width must be a positive multiple of heads, got width " + width
                    + ", heads " + heads);
        }
        requirePositive("depth", depth);
        requirePositive("mlpHidden", mlpHidden);
        requirePositive("patchSize", patchSize);
        requirePositive("positionGrid", positionGrid);
        requirePositive("gridSize", gridSize);
        if (!(layerNormEps > 0)) {
            throw new IllegalArgumentException("layerNormEps must be > 0, got " + layerNormEps);
        }
    }

    /** ViT-S/14: D 384, depth 12, 6 heads, MLP 1536, 37×37 positions. */
    public static Dinov2Config vitS14() {
        return new Dinov2Config("vits14", 384, 12, 6, 1536, 14, PUBLISHED_POSITION_GRID, 16, 1e-6f);
    }

    /** ViT-B/14: D 768, depth 12, 12 heads, MLP 3072, 37×37 positions. */
    public static Dinov2Config vitB14() {
        return new Dinov2Config("vitb14", 768, 12, 12, 3072, 14, PUBLISHED_POSITION_GRID, 16, 1e-6f);
    }

    /** The same architecture with a position table of {@code grid × grid} (+ CLS) rows. */
    public Dinov2Config withPositionGrid(int grid) {
        return new Dinov2Config(variant, width, depth, heads, mlpHidden, patchSize, grid, gridSize, layerNormEps);
    }

    /** Input side in pixels, {@code G · patchSize} (224). */
    public int inputSize() {
        return gridSize * patchSize;
    }

    /** Rows of the position table: {@code 1 + positionGrid²} (1370 published). */
    public int positionRows() {
        return 1 + positionGrid * positionGrid;
    }

    /**
     * Exact parameter count from the architecture: patch embed, CLS, position table, blocks
     * ({@code 4D² + 2D·hidden + 9D + hidden} each, with both LayerScales), final norm, optionally
     * {@code mask_token} (D). ViT-S/14: 22,056,576 with the mask token; ViT-B/14: 86,580,480.
     */
    public long parameterCount(boolean withMaskToken) {
        long d = width;
        long patchEmbed = d * 3L * patchSize * patchSize + d;
        long perBlock = 2 * d + (3 * d * d + 3 * d) + (d * d + d) + d + 2 * d
                + (d * mlpHidden + mlpHidden) + ((long) mlpHidden * d + d) + d;
        return patchEmbed + d + (long) positionRows() * d + depth * perBlock + 2 * d + (withMaskToken ? d : 0);
    }

    private static void requirePositive(String field, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(field + " must be >= 1, got " + value);
        }
    }
}
