package org.anomalyforge.ingest.dataset;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The few-shot split of one product.
 *
 * @param product  the product
 * @param normals  {@code train/good}: the normal pool for training
 * @param testGood {@code test/good}: held out for evaluation
 * @param defects  one split per defect type, in the product's (sorted) order
 */
public record ProductSplit(Product product, List<Path> normals, List<Path> testGood, List<DefectSplit> defects) {
    public ProductSplit {
        normals = List.copyOf(normals);
        testGood = List.copyOf(testGood);
        defects = List.copyOf(defects);
    }

    public Optional<DefectSplit> defect(String type) {
        return defects.stream().filter(d -> d.defectType().equals(type)).findFirst();
    }
}
