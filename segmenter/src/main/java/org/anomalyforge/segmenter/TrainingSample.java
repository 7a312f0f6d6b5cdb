package org.anomalyforge.segmenter;

import java.util.Objects;

/**
 * One training image with its mask, as encoded PNG/JPEG bytes (decoded lazily, per batch, by the trainer's
 * loader thread, so a large training set stays memory-light).
 *
 * @param id         unique id within a request (file name or record key); also the sort key of the split
 * @param origin     where the sample comes from
 * @param defectType defect type for REAL_SHOT and GENERATED; null for NORMAL
 * @param image      encoded image bytes
 * @param mask       encoded mask bytes (0/1, 0/255 or 16-bit); null for NORMAL
 */
public record TrainingSample(String id, SampleOrigin origin, String defectType, byte[] image, byte[] mask) {

    /** Checks the fields and the origin-specific rules. */
    public TrainingSample {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("TrainingSample.id must not be blank, got '" + id + "'");
        }
        Objects.requireNonNull(origin, "TrainingSample.origin (id " + id + ")");
        if (image == null || image.length == 0) {
            throw new IllegalArgumentException("TrainingSample.image must not be empty (id " + id + ")");
        }
        if (origin == SampleOrigin.NORMAL) {
            if (defectType != null || mask != null) {
                throw new IllegalArgumentException("NORMAL sample " + id + " must have defectType and mask null, got "
                        + "defectType=" + defectType + ", mask=" + (mask == null ? "null" : mask.length + " bytes"));
            }
        } else {
            if (defectType == null || defectType.isBlank()) {
                throw new IllegalArgumentException(origin + " sample " + id + " needs a defectType, got '"
                        + defectType + "'");
            }
            if (mask == null || mask.length == 0) {
                throw new IllegalArgumentException(origin + " sample " + id + " needs mask bytes, got none");
            }
        }
    }
}
