package org.anomalyforge.trokens.tracking;

/** Dense optical flow algorithm of {@link DenseFlowTracker} (spec §8.3). */
public enum FlowMethod {
    /** {@code DISOpticalFlow} with {@code PRESET_MEDIUM} (default). */
    DIS_MEDIUM,
    /** Farnebäck: pyrScale 0.5, 3 levels, window 15, 3 iterations, polyN 5, polySigma 1.2. */
    FARNEBACK
}
