package org.anomalyforge.ingest.dataset;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * A defect image and, when the dataset has one, its ground-truth mask file.
 *
 * @param image the image file ({@code <product>/test/<defect>/<stem>.<ext>})
 * @param mask  {@code ground_truth/<defect>/<stem>_mask.png} or {@code <stem>.png}; empty if none was found
 */
public record LabeledImage(Path image, Optional<Path> mask) {
    public LabeledImage {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(mask, "mask");
    }

    /** File name without extension, the key that pairs an image with its mask. */
    public String stem() {
        return DatasetFiles.stem(image);
    }
}
