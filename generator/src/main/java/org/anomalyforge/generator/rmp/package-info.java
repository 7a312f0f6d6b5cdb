/**
 * SeaS stage 2, Refined Mask Prediction (seas.md §8): {@link org.anomalyforge.generator.rmp.RefinedMaskPredictor}
 * (compressors, self-attention fusion, {@link org.anomalyforge.generator.rmp.MaskRefinementModule}s, head), with the
 * original state-dict key names so a converted original checkpoint maps 1:1.
 */
package org.anomalyforge.generator.rmp;
