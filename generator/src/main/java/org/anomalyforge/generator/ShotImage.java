package org.anomalyforge.generator;

import java.util.Objects;

/**
 * One few-shot defect image with its mask (seas.md §2.3), as encoded file bytes.
 *
 * @param id         a name for messages (e.g. the file stem)
 * @param defectType the defect type (sub-folder of {@code test/})
 * @param image      encoded PNG/JPEG/BMP bytes
 * @param mask       encoded mask bytes ({0, 1} or {0, 255}, soft values allowed)
 */
public record ShotImage(String id, String defectType, byte[] image, byte[] mask) {

    public ShotImage {
        Objects.requireNonNull(id, "ShotImage.id");
        if (defectType == null || defectType.isBlank()) {
            throw new IllegalArgumentException("ShotImage.defectType of '" + id + "' must be non-blank, got '"
                    + defectType + "'");
        }
        if (image == null || image.length == 0) {
            throw new IllegalArgumentException("ShotImage.image of '" + id + "' must be non-empty");
        }
        if (mask == null || mask.length == 0) {
            throw new IllegalArgumentException("ShotImage.mask of '" + id + "' must be non-empty");
        }
    }
}
