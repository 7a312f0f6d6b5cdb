package org.anomalyforge.segmenter.inference;

/**
 * The §6.1 outputs for one frame.
 *
 * @param score        image score (max p, or blurred max; see {@link ImageScoreMode})
 * @param defect       verdict: score ≥ τ_image
 * @param defectAreaPx mask pixels × frame area / (H·W), rounded: the defect area in frame pixels
 * @param anomalyMap   H·W probabilities at the model input size, row-major
 * @param maskPng      the mask p ≥ τ_pixel at the model input size as a 0/255 PNG; null if the worker was
 *                     created without mask PNGs
 */
public record FrameResult(float score, boolean defect, long defectAreaPx, float[] anomalyMap, byte[] maskPng) {
}
