package org.anomalyforge.segmenter.inference;

/** How the image score is derived from the probability map (LFD spec §6.1). */
public enum ImageScoreMode {
    /** s = max p (the default and the published protocol). */
    MAX,
    /** s = max of p after a separable Gaussian blur, σ = 4·(H/256) px, radius ⌈3σ⌉, replicated borders. */
    BLURRED_MAX
}
