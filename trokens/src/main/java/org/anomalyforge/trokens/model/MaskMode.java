package org.anomalyforge.trokens.model;

/** Which attention masks the space-time block applies ({@code attention.mask}, spec §11 and §15 #1). */
public enum MaskMode {
    /** Time attention masks invisible frames; space attention masks invisible points and padding (default). */
    VISIBILITY,
    /** No masks: the released code's effective behaviour, kept for comparisons. */
    NONE
}
