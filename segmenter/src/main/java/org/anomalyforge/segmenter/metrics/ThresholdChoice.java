package org.anomalyforge.segmenter.metrics;

/**
 * A threshold fitted on validation data (§5.7), to be stored in the model's {@code config.json} and
 * applied as [score ≥ threshold].
 *
 * @param threshold the chosen threshold
 * @param objective the validation objective it reaches (mean per-image IoU for τ_pixel, image F1 for
 *     τ_image); NaN when it could not be evaluated
 * @param rule how it was chosen, in plain words (includes any fallback)
 */
public record ThresholdChoice(float threshold, double objective, String rule) {

    /** Checks the fields. */
    public ThresholdChoice {
        if (!Float.isFinite(threshold)) {
            throw new IllegalArgumentException("threshold must be finite, got " + threshold);
        }
        if (rule == null || rule.isBlank()) {
            throw new IllegalArgumentException("rule must not be blank, got '" + rule + "'");
        }
    }
}
