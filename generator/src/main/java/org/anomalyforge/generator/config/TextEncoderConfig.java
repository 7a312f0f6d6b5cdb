package org.anomalyforge.generator.config;

/**
 * CLIPTextModel layout (seas.md §3.1, §3.6).
 *
 * @param vocabSize     rows of the token table: the base vocabulary (7 tiny, 49,408 sd14) plus any rows added
 *                      by §4.4 ({@link #withVocabSize} after appending)
 * @param width         hidden width (128 / 768)
 * @param layers        encoder layers (2 / 12)
 * @param heads         attention heads (4 / 12)
 * @param mlpWidth      MLP hidden width (512 / 3072)
 * @param maxPositions  sequence length and position rows (77)
 * @param activation    MLP activation (quick-GELU)
 * @param layerNormEps  LayerNorm eps (1e-5)
 */
public record TextEncoderConfig(int vocabSize, int width, int layers, int heads, int mlpWidth, int maxPositions,
        TextActivation activation, double layerNormEps) {

    private static final String R = "TextEncoderConfig";

    public TextEncoderConfig {
        ConfigChecks.positive(R, "vocabSize", vocabSize);
        ConfigChecks.positive(R, "width", width);
        ConfigChecks.positive(R, "layers", layers);
        ConfigChecks.positive(R, "heads", heads);
        ConfigChecks.divisible(R, "width", width, "heads", heads);
        ConfigChecks.positive(R, "mlpWidth", mlpWidth);
        ConfigChecks.positive(R, "maxPositions", maxPositions);
        if (activation == null) {
            throw new IllegalArgumentException(R + ".activation must be set (quick_gelu or gelu), got null");
        }
        ConfigChecks.positive(R, "layerNormEps", layerNormEps);
    }

    /** The same encoder with a token table of {@code rows} rows. */
    public TextEncoderConfig withVocabSize(int rows) {
        return new TextEncoderConfig(rows, width, layers, heads, mlpWidth, maxPositions, activation, layerNormEps);
    }
}
