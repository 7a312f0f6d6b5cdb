package org.anomalyforge.segmenter.metrics;

/** How pixel scores are accumulated (§7.4). Image scores and per-image IoU are always exact. */
public enum PixelMode {
    /** Keep every pixel score and sort: sklearn-identical values, 8 bytes per pixel. */
    EXACT,
    /** Fixed logit bins: constant memory, mergeable, with reported error bounds. */
    HISTOGRAM
}
