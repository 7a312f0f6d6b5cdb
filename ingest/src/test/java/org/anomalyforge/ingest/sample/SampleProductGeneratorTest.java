package org.anomalyforge.ingest.sample;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.anomalyforge.ingest.image.BinaryMask;
import org.anomalyforge.ingest.image.ImageCodec;
import org.anomalyforge.ingest.image.RgbImage;
import org.junit.jupiter.api.Test;

class SampleProductGeneratorTest {

    private static final int SIZE = 128;
    private static final long SEED = 7L;
    /** Images checked per (kind, defect type); small enough to keep the test at a few seconds. */
    private static final int PER_DEFECT = 8;

    private final ImageCodec codec = ImageCodec.withDefaults();

    @Test
    void sameSeedGivesByteIdenticalPngs() {
        for (ProductKind kind : ProductKind.values()) {
            Optional<String> defect = Optional.of(kind.defectTypes().get(0));
            SampleImage first = SampleProductGenerator.render(kind, "test", defect, 2, SEED, SIZE);
            SampleImage second = SampleProductGenerator.render(kind, "test", defect, 2, SEED, SIZE);
            assertArrayEquals(codec.encodePng(first.image()), codec.encodePng(second.image()), kind + " image");
            assertArrayEquals(codec.encodeMaskPng(first.mask()), codec.encodeMaskPng(second.mask()), kind + " mask");
            SampleImage good = SampleProductGenerator.render(kind, "train", Optional.empty(), 2, SEED, SIZE);
            assertArrayEquals(codec.encodePng(good.image()),
                    codec.encodePng(SampleProductGenerator.render(kind, "train", Optional.empty(), 2, SEED, SIZE)
                            .image()), kind + " good image");
        }
    }

    @Test
    void differentSeedGivesDifferentImagesAndMasks() {
        for (ProductKind kind : ProductKind.values()) {
            Optional<String> defect = Optional.of(kind.defectTypes().get(1));
            SampleImage a = SampleProductGenerator.render(kind, "test", defect, 0, SEED, SIZE);
            SampleImage b = SampleProductGenerator.render(kind, "test", defect, 0, SEED + 1, SIZE);
            assertTrue(meanAbsDifference(a.image(), b.image()) > 3, kind + " images barely differ across seeds");
            assertFalse(a.mask().equals(b.mask()), kind + " masks are equal across seeds");
        }
    }

    @Test
    void imageDoesNotDependOnRenderOrderOrThread() {
        for (ProductKind kind : ProductKind.values()) {
            Optional<String> defect = Optional.of(kind.defectTypes().get(2));
            SampleImage alone = SampleProductGenerator.render(kind, "test", defect, 3, SEED, SIZE);
            for (int i = 0; i < 3; i++) {
                SampleProductGenerator.render(kind, "test", defect, i, SEED, SIZE);
            }
            assertEquals(alone, SampleProductGenerator.render(kind, "test", defect, 3, SEED, SIZE), kind.name());
            List<SampleImage> parallel = IntStream.rangeClosed(0, 3).parallel()
                    .mapToObj(i -> SampleProductGenerator.render(kind, "test", defect, i, SEED, SIZE)).toList();
            assertEquals(alone, parallel.get(3), kind + " rendered in parallel");
        }
    }

    @Test
    void goodImagesVaryByIndexSplitAndHaveEmptyMasks() {
        for (ProductKind kind : ProductKind.values()) {
            RgbImage previous = null;
            for (int i = 0; i < 4; i++) {
                SampleImage good = SampleProductGenerator.render(kind, "train", Optional.empty(), i, SEED, SIZE);
                assertEquals(0, good.mask().area(), kind + " good image " + i + " has a defect mask");
                assertEquals(SIZE, good.image().width());
                assertEquals(SIZE, good.image().height());
                assertEquals(good.image(),
                        SampleProductGenerator.renderSurface(kind, "train", Optional.empty(), i, SEED, SIZE));
                if (previous != null) {
                    // Normal images form a distribution: phase, angle, colour and lighting all move.
                    assertTrue(meanAbsDifference(previous, good.image()) > 3,
                            kind + " train images " + (i - 1) + " and " + i + " are near copies");
                }
                previous = good.image();
            }
            RgbImage train = SampleProductGenerator.render(kind, "train", Optional.empty(), 0, SEED, SIZE).image();
            RgbImage test = SampleProductGenerator.render(kind, "test", Optional.empty(), 0, SEED, SIZE).image();
            assertFalse(train.equals(test), kind + " train/good/000 equals test/good/000");
        }
    }

    /**
     * The ground truth is exact: outside the mask the defect image equals its defect-free surface bit for bit;
     * every mask pixel changed by at least {@link DefectRegion#MIN_CHANGE} levels in some channel, and the mean
     * change over the mask is at least 15 grey levels; the mask covers 0.2 %–25 % of the image.
     */
    @Test
    void maskMatchesExactlyThePixelsTheDefectChanged() {
        for (ProductKind kind : ProductKind.values()) {
            for (String defect : kind.defectTypes()) {
                for (int i = 0; i < PER_DEFECT; i++) {
                    String where = kind.folderName() + "/test/" + defect + "/" + i;
                    SampleImage sample = SampleProductGenerator.render(kind, "test", Optional.of(defect), i, SEED, SIZE);
                    RgbImage surface = SampleProductGenerator.renderSurface(kind, "test", Optional.of(defect), i,
                            SEED, SIZE);
                    BinaryMask mask = sample.mask();
                    double coverage = mask.coverage();
                    assertTrue(coverage >= 0.002 && coverage <= 0.25, where + " mask coverage " + coverage);
                    double sumInside = 0;
                    for (int y = 0; y < SIZE; y++) {
                        for (int x = 0; x < SIZE; x++) {
                            int maxChange = 0;
                            int sumChange = 0;
                            for (int c = 0; c < 3; c++) {
                                int change = Math.abs(sample.image().get(x, y, c) - surface.get(x, y, c));
                                maxChange = Math.max(maxChange, change);
                                sumChange += change;
                            }
                            if (mask.get(x, y)) {
                                assertTrue(maxChange >= DefectRegion.MIN_CHANGE, where + " mask pixel (" + x + ", "
                                        + y + ") changed only " + maxChange);
                                sumInside += sumChange / 3.0;
                            } else {
                                assertEquals(0, maxChange, where + " pixel (" + x + ", " + y + ") outside the mask");
                            }
                        }
                    }
                    double meanInside = sumInside / mask.area();
                    assertTrue(meanInside >= 15, where + " mean change inside the mask " + meanInside);
                }
            }
        }
    }

    /**
     * The kinds are different materials: mean colours at least 50 levels apart (Euclidean, RGB); brushed metal
     * has at least 3× more gradient energy across its (horizontal) grain than along it, tiles are isotropic
     * within 25 %, and fabric and tile carry at least 5× the gradient energy of the smooth metal.
     */
    @Test
    void productKindsDifferInTextureStatistics() {
        double[][] meanColour = new double[3][];
        double[][] energy = new double[3][];
        for (ProductKind kind : ProductKind.values()) {
            meanColour[kind.ordinal()] = new double[3];
            energy[kind.ordinal()] = new double[2];
            for (int i = 0; i < 4; i++) {
                RgbImage image = SampleProductGenerator.render(kind, "train", Optional.empty(), i, SEED, SIZE).image();
                accumulate(image, meanColour[kind.ordinal()], energy[kind.ordinal()]);
            }
        }
        for (int a = 0; a < 3; a++) {
            for (int b = a + 1; b < 3; b++) {
                double distance = Math.sqrt(square(meanColour[a][0] - meanColour[b][0])
                        + square(meanColour[a][1] - meanColour[b][1]) + square(meanColour[a][2] - meanColour[b][2]))
                        / (4.0 * SIZE * SIZE);
                assertTrue(distance >= 50, ProductKind.values()[a] + " vs " + ProductKind.values()[b]
                        + " mean colour distance " + distance);
            }
        }
        double[] metal = energy[ProductKind.METAL.ordinal()];
        double[] tile = energy[ProductKind.TILE.ordinal()];
        double[] fabric = energy[ProductKind.FABRIC.ordinal()];
        assertTrue(metal[1] >= 3 * metal[0], "metal across/along grain energy " + metal[1] / metal[0]);
        assertTrue(tile[1] / tile[0] > 0.75 && tile[1] / tile[0] < 1.25, "tile anisotropy " + tile[1] / tile[0]);
        assertTrue(fabric[0] + fabric[1] >= 5 * (metal[0] + metal[1]), "fabric vs metal gradient energy");
        assertTrue(tile[0] + tile[1] >= 5 * (metal[0] + metal[1]), "tile vs metal gradient energy");
    }

    @Test
    void supportsTheWholeSizeRange() {
        for (int size : new int[] {128, 200, 512}) {
            SampleImage sample = SampleProductGenerator.render(ProductKind.TILE, "test", Optional.of("crack"), 1,
                    SEED, size);
            assertEquals(size, sample.image().width());
            assertEquals(size, sample.mask().height());
            assertTrue(sample.mask().area() > 0, "crack mask empty at " + size);
        }
    }

    @Test
    void rejectsInvalidArgumentsWithTheRuleAndValue() {
        assertMessage("split must be 'train' or 'test', got 'val'",
                () -> SampleProductGenerator.render(ProductKind.FABRIC, "val", Optional.empty(), 0, SEED, SIZE));
        assertMessage("split 'train' holds only good images, got defect 'hole'",
                () -> SampleProductGenerator.render(ProductKind.FABRIC, "train", Optional.of("hole"), 0, SEED, SIZE));
        assertMessage("defect must be one of [hole, stain, thread] for fabric, got 'rust'",
                () -> SampleProductGenerator.render(ProductKind.FABRIC, "test", Optional.of("rust"), 0, SEED, SIZE));
        assertMessage("index must be ≥ 0, got -1",
                () -> SampleProductGenerator.render(ProductKind.METAL, "test", Optional.empty(), -1, SEED, SIZE));
        assertMessage("size must be in 128..512, got 513",
                () -> SampleProductGenerator.renderSurface(ProductKind.TILE, "test", Optional.empty(), 0, SEED, 513));
    }

    private static void assertMessage(String expected, Runnable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call::run);
        assertEquals(expected, e.getMessage());
    }

    /** Adds per-channel colour sums to {@code colour} and grey gradient energy along x and y to {@code energy}. */
    private static void accumulate(RgbImage image, double[] colour, double[] energy) {
        for (int y = 0; y < image.height(); y++) {
            for (int x = 0; x < image.width(); x++) {
                for (int c = 0; c < 3; c++) {
                    colour[c] += image.get(x, y, c);
                }
                if (x + 1 < image.width() && y + 1 < image.height()) {
                    energy[0] += square(grey(image, x + 1, y) - grey(image, x, y));
                    energy[1] += square(grey(image, x, y + 1) - grey(image, x, y));
                }
            }
        }
    }

    private static double grey(RgbImage image, int x, int y) {
        return (image.get(x, y, 0) + image.get(x, y, 1) + image.get(x, y, 2)) / 3.0;
    }

    private static double square(double v) {
        return v * v;
    }

    private static double meanAbsDifference(RgbImage a, RgbImage b) {
        long sum = 0;
        for (int i = 0; i < a.pixels().length; i++) {
            sum += Math.abs((a.pixels()[i] & 0xff) - (b.pixels()[i] & 0xff));
        }
        return (double) sum / a.pixels().length;
    }
}
