package org.anomalyforge.ingest.sample;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What {@link SampleProductGenerator#write} renders: which products, the seed, the image size and how many
 * images of each group.
 *
 * @param products  product kinds to render, at least one, no duplicates
 * @param seed      the seed every image's random stream is derived from
 * @param size      image width and height in pixels, {@value #MIN_SIZE}..{@value #MAX_SIZE}
 * @param trainGood defect-free training images per product, 1..{@value #MAX_COUNT}
 * @param testGood  defect-free test images per product, 0..{@value #MAX_COUNT}
 * @param perDefect test images per defect type, 1..{@value #MAX_COUNT}
 */
public record SampleSpec(List<ProductKind> products, long seed, int size, int trainGood, int testGood,
                         int perDefect) {

    public static final int MIN_SIZE = 128;
    public static final int MAX_SIZE = 512;
    /** File names are three digits ({@code 000.png}), so a group holds at most 999 images. */
    public static final int MAX_COUNT = 999;

    public SampleSpec {
        Objects.requireNonNull(products, "products must not be null");
        if (products.isEmpty()) {
            throw new IllegalArgumentException("products must name at least one product kind, got []");
        }
        Set<ProductKind> seen = new HashSet<>();
        for (ProductKind kind : products) {
            if (kind == null) {
                throw new IllegalArgumentException("products must not contain null, got " + products);
            }
            if (!seen.add(kind)) {
                throw new IllegalArgumentException("products must be distinct, got " + kind + " twice in "
                        + products);
            }
        }
        products = List.copyOf(products);
        if (size < MIN_SIZE || size > MAX_SIZE) {
            throw new IllegalArgumentException("size must be in " + MIN_SIZE + ".." + MAX_SIZE + ", got " + size);
        }
        checkCount("trainGood", trainGood, 1);
        checkCount("testGood", testGood, 0);
        checkCount("perDefect", perDefect, 1);
    }

    /** All three products, seed 7, 256 px, 30 train/good, 10 test/good and 9 images per defect type. */
    public static SampleSpec defaults() {
        return new SampleSpec(List.of(ProductKind.values()), 7L, 256, 30, 10, 9);
    }

    public SampleSpec withProducts(List<ProductKind> newProducts) {
        return new SampleSpec(newProducts, seed, size, trainGood, testGood, perDefect);
    }

    public SampleSpec withSeed(long newSeed) {
        return new SampleSpec(products, newSeed, size, trainGood, testGood, perDefect);
    }

    public SampleSpec withSize(int newSize) {
        return new SampleSpec(products, seed, newSize, trainGood, testGood, perDefect);
    }

    public SampleSpec withCounts(int newTrainGood, int newTestGood, int newPerDefect) {
        return new SampleSpec(products, seed, size, newTrainGood, newTestGood, newPerDefect);
    }

    /** Number of images (not counting masks) a write of this spec produces. */
    public int totalImages() {
        int total = 0;
        for (ProductKind kind : products) {
            total += trainGood + testGood + perDefect * kind.defectTypes().size();
        }
        return total;
    }

    private static void checkCount(String field, int value, int min) {
        if (value < min || value > MAX_COUNT) {
            throw new IllegalArgumentException(field + " must be in " + min + ".." + MAX_COUNT + ", got " + value);
        }
    }
}
