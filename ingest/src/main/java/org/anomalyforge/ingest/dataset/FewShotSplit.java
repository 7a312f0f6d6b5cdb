package org.anomalyforge.ingest.dataset;

import java.util.List;
import java.util.OptionalInt;

/**
 * The SeaS few-shot protocol: per defect type, the first ⌊n/3⌋ images by sorted file name (at least
 * one) are the training shots, the rest are held out for evaluation; {@code test/good} stays held out
 * and {@code train/good} is the normal pool.
 *
 * <p>An optional cap keeps only the first K shots for true 1–3-shot runs on large datasets. The held-out
 * set does not change with the cap, so runs with different caps are evaluated on the same images.
 */
public final class FewShotSplit {

    private FewShotSplit() {}

    /** Number of training shots for a defect type with {@code n} images: max(1, ⌊n/3⌋), or 0 if n = 0. */
    public static int shotCount(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("image count must be ≥ 0, got " + n);
        }
        return n == 0 ? 0 : Math.max(1, n / 3);
    }

    /**
     * Splits every defect type of {@code product}.
     *
     * @param maxShots if present, keep at most this many shots per type (at least 1)
     */
    public static ProductSplit of(Product product, OptionalInt maxShots) {
        if (maxShots.isPresent() && maxShots.getAsInt() < 1) {
            throw new IllegalArgumentException("maxShots must be at least 1, got " + maxShots.getAsInt());
        }
        List<DefectSplit> defects = product.defects().stream().map(d -> split(d, maxShots)).toList();
        return new ProductSplit(product, product.trainGood(), product.testGood(), defects);
    }

    private static DefectSplit split(DefectType defect, OptionalInt maxShots) {
        List<LabeledImage> images = defect.images();
        int shots = shotCount(images.size());
        int kept = maxShots.isPresent() ? Math.min(shots, maxShots.getAsInt()) : shots;
        return new DefectSplit(defect.name(), images.subList(0, kept), images.subList(shots, images.size()),
                images.subList(kept, shots));
    }
}
