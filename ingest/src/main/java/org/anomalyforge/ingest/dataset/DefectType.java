package org.anomalyforge.ingest.dataset;

import java.nio.file.Path;
import java.util.List;

/**
 * One defect type of a product ({@code test/<name>/}).
 *
 * @param name        folder name, e.g. {@code crack}
 * @param images      the defect images sorted by file name, each with its mask if found
 * @param orphanMasks mask files in {@code ground_truth/<name>/} that match no image
 */
public record DefectType(String name, List<LabeledImage> images, List<Path> orphanMasks) {
    public DefectType {
        images = List.copyOf(images);
        orphanMasks = List.copyOf(orphanMasks);
    }
}
