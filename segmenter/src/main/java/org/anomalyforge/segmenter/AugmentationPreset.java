package org.anomalyforge.segmenter;

/** The augmentation presets of LFD spec §5.3. */
public enum AugmentationPreset {
    /** No augmentation (the original; the default with ImageNet initialisation). */
    NONE,
    /**
     * The default from scratch: brightness, contrast and saturation ×U(0.8, 1.2), Gaussian noise σ ≤ 0.02,
     * Gaussian blur σ ∈ [0, 1] px with p = 0.2, random resized crop (area 0.6–1.0, aspect 3/4–4/3), h-flip,
     * v-flip and rot90 (square inputs only).
     */
    SCRATCH
}
