package org.anomalyforge.ingest.image;

/**
 * A mask read from an 8-bit file and binarised at grey level 128.
 *
 * @param mask             the binarised mask (value ≥ 128 → defect)
 * @param nonBinaryPixels  pixels that were neither 0 nor 255 before binarisation (soft edges, JPEG noise)
 */
public record MaskDecoding(BinaryMask mask, long nonBinaryPixels) {
    /** Grey level at and above which a mask pixel counts as defect. */
    public static final int THRESHOLD = 128;
}
