package org.anomalyforge.ingest.dataset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Lists a dataset in MVTec AD layout without reading any pixel.
 *
 * <pre>
 * &lt;product&gt;/train/good/*                       normal images for training
 * &lt;product&gt;/test/good/*                        normal images, held out
 * &lt;product&gt;/test/&lt;defect&gt;/&lt;stem&gt;.&lt;ext&gt;           defect images
 * &lt;product&gt;/ground_truth/&lt;defect&gt;/&lt;stem&gt;_mask.png   masks (also accepted: &lt;stem&gt;.png)
 * </pre>
 *
 * <p>The path given may be a folder of products or a single product folder (one that has {@code train}
 * or {@code test} inside). Reading never fails on content: missing folders, unmatched images and
 * masks are recorded in the tree for {@link DatasetValidator} to report all at once.
 */
public final class MvtecDatasetReader {

    /** Reads the tree under {@code path}. */
    public Dataset read(Path path) throws DatasetException {
        if (!Files.isDirectory(path)) {
            throw new DatasetException(path, Files.exists(path) ? "not a folder" : "no such folder");
        }
        try {
            if (looksLikeProduct(path)) {
                Path parent = path.toAbsolutePath().normalize().getParent();
                return new Dataset(parent, List.of(readProduct(path)));
            }
            List<Product> products = new ArrayList<>();
            for (Path sub : DatasetFiles.subfolders(path)) {
                if (looksLikeProduct(sub)) {
                    products.add(readProduct(sub));
                }
            }
            if (products.isEmpty()) {
                throw new DatasetException(path, "no products found: expected <product>/train/good and "
                        + "<product>/test/<defect> folders (MVTec AD layout), either here or one level below");
            }
            return new Dataset(path, products);
        } catch (DatasetException e) {
            throw e;
        } catch (IOException e) {
            throw new DatasetException(path, "cannot list folder: " + e.getMessage());
        }
    }

    private static boolean looksLikeProduct(Path dir) {
        return Files.isDirectory(dir.resolve("train")) || Files.isDirectory(dir.resolve("test"));
    }

    private static Product readProduct(Path root) throws IOException {
        List<String> missing = new ArrayList<>();
        for (String required : List.of("train/good", "test", "ground_truth")) {
            if (!Files.isDirectory(root.resolve(required))) {
                missing.add(required);
            }
        }
        List<DefectType> defects = new ArrayList<>();
        for (Path dir : DatasetFiles.subfolders(root.resolve("test"))) {
            String name = dir.getFileName().toString();
            if (!name.equals("good")) {
                defects.add(readDefect(name, dir, root.resolve("ground_truth").resolve(name)));
            }
        }
        return new Product(root.getFileName().toString(), root,
                DatasetFiles.images(root.resolve("train/good")), DatasetFiles.images(root.resolve("test/good")),
                defects, missing);
    }

    private static DefectType readDefect(String name, Path imageDir, Path maskDir) throws IOException {
        // Index masks by the image stem they belong to: "<stem>_mask.<ext>" first, then "<stem>.<ext>".
        Map<String, Path> masksByStem = new HashMap<>();
        List<Path> maskFiles = DatasetFiles.images(maskDir);
        for (Path mask : maskFiles) {
            String stem = DatasetFiles.stem(mask);
            if (stem.endsWith(DatasetFiles.MASK_SUFFIX)) {
                masksByStem.put(stem.substring(0, stem.length() - DatasetFiles.MASK_SUFFIX.length()), mask);
            }
        }
        for (Path mask : maskFiles) {
            masksByStem.putIfAbsent(DatasetFiles.stem(mask), mask);
        }
        List<LabeledImage> images = new ArrayList<>();
        Set<Path> used = new HashSet<>();
        for (Path image : DatasetFiles.images(imageDir)) {
            Optional<Path> mask = Optional.ofNullable(masksByStem.get(DatasetFiles.stem(image)));
            mask.ifPresent(used::add);
            images.add(new LabeledImage(image, mask));
        }
        List<Path> orphans = maskFiles.stream().filter(m -> !used.contains(m)).toList();
        return new DefectType(name, images, orphans);
    }
}
