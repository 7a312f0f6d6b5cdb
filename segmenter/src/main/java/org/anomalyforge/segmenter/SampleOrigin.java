package org.anomalyforge.segmenter;

/** Where a training sample comes from (LFD spec §5.1). */
public enum SampleOrigin {
    /** A real few-shot defect image with its mask (the training part of the few-shot split). */
    REAL_SHOT,
    /** A SeaS-generated defect image–mask pair. */
    GENERATED,
    /** A normal ({@code train/good}) image; its mask is empty. */
    NORMAL
}
