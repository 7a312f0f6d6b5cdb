package org.anomalyforge.ingest.dataset;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * One product in MVTec AD layout. Lists are sorted by file name; defect types by name.
 *
 * @param name      folder name of the product
 * @param root      the product folder
 * @param trainGood {@code train/good} images: the normal pool for training
 * @param testGood  {@code test/good} images: always held out
 * @param defects   {@code test/<defect>} folders other than {@code good}
 * @param missing   required sub-folders that do not exist (relative, e.g. {@code train/good})
 */
public record Product(String name, Path root, List<Path> trainGood, List<Path> testGood,
                      List<DefectType> defects, List<String> missing) {
    public Product {
        trainGood = List.copyOf(trainGood);
        testGood = List.copyOf(testGood);
        defects = List.copyOf(defects);
        missing = List.copyOf(missing);
    }

    public Optional<DefectType> defect(String type) {
        return defects.stream().filter(d -> d.name().equals(type)).findFirst();
    }

    public List<String> defectNames() {
        return defects.stream().map(DefectType::name).toList();
    }
}
