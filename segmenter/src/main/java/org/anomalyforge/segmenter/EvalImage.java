package org.anomalyforge.segmenter;

/**
 * One test image for {@link Lfd#evaluate}.
 *
 * @param id         image id (reported back in {@link ImageScore})
 * @param defectType defect type, {@code "good"} for normal images
 * @param image      encoded image bytes
 * @param mask       encoded mask bytes; null for good images
 */
public record EvalImage(String id, String defectType, byte[] image, byte[] mask) {

    /** The defect type of normal images. */
    public static final String GOOD = "good";

    /** Checks the fields. */
    public EvalImage {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("EvalImage.id must not be blank, got '" + id + "'");
        }
        if (defectType == null || defectType.isBlank()) {
            throw new IllegalArgumentException("EvalImage " + id + ": defectType must not be blank");
        }
        if (image == null || image.length == 0) {
            throw new IllegalArgumentException("EvalImage " + id + ": image must not be empty");
        }
        if (GOOD.equals(defectType) != (mask == null)) {
            throw new IllegalArgumentException("EvalImage " + id + ": mask must be null exactly for defectType '"
                    + GOOD + "', got defectType '" + defectType + "' with " + (mask == null ? "no mask" : "a mask"));
        }
    }
}
