package org.anomalyforge.segmenter;

/**
 * Per-image result of {@link Lfd#evaluate}.
 *
 * @param id           image id
 * @param defectType   defect type or {@code "good"}
 * @param gtLabel      true iff the source mask has a defect pixel (§5.2 step 5)
 * @param predScore    image score (§6.1)
 * @param predLabel    predScore ≥ τ_image
 * @param defectAreaPx predicted defect area in source-image pixels
 */
public record ImageScore(String id, String defectType, boolean gtLabel, float predScore, boolean predLabel,
                         long defectAreaPx) {
}
