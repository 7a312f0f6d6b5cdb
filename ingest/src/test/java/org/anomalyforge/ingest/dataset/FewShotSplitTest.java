package org.anomalyforge.ingest.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FewShotSplitTest {
    @TempDir
    Path tmp;

    /** n images named 00..n-1, written in reverse so the split cannot rely on creation order. */
    private Product productWith(int n) throws IOException {
        TreeBuilder t = new TreeBuilder(tmp.resolve("p" + n)).good("train", "0.png").good("test", "0.png");
        for (int i = n - 1; i >= 0; i--) {
            t.pair("crack", String.format("%02d", i));
        }
        return new MvtecDatasetReader().read(t.root()).products().get(0);
    }

    private static List<String> stems(List<LabeledImage> images) {
        return images.stream().map(LabeledImage::stem).toList();
    }

    @ParameterizedTest(name = "{0} images -> {1} shots")
    @CsvSource({"1, 1, 00, ''", "2, 1, 00, 01", "3, 1, 00, 01 02", "7, 2, 00 01, 02 03 04 05 06",
            "10, 3, 00 01 02, 03 04 05 06 07 08 09"})
    void firstThirdBySortedNameAreShots(int n, int shots, String shotStems, String heldStems) throws IOException {
        ProductSplit split = FewShotSplit.of(productWith(n), OptionalInt.empty());
        DefectSplit d = split.defect("crack").orElseThrow();
        assertEquals(shots, FewShotSplit.shotCount(n));
        assertEquals(List.of(shotStems.split(" ")), stems(d.shots()));
        assertEquals(heldStems.isEmpty() ? List.of() : List.of(heldStems.split(" ")), stems(d.heldOut()));
        assertEquals(List.of(), d.unused());
        assertEquals(1, split.normals().size());
        assertEquals(1, split.testGood().size());
    }

    @Test
    void capKeepsTheFirstShotsAndLeavesTheHeldOutSetUnchanged() throws IOException {
        DefectSplit d = FewShotSplit.of(productWith(10), OptionalInt.of(1)).defect("crack").orElseThrow();
        assertEquals(List.of("00"), stems(d.shots()));
        assertEquals(List.of("01", "02"), stems(d.unused()));
        assertEquals(List.of("03", "04", "05", "06", "07", "08", "09"), stems(d.heldOut()));
        DefectSplit big = FewShotSplit.of(productWith(7), OptionalInt.of(5)).defect("crack").orElseThrow();
        assertEquals(List.of("00", "01"), stems(big.shots()));
    }

    @Test
    void shotCountMatchesTheMagneticTileNumbers() {
        assertEquals(38, FewShotSplit.shotCount(115)); // blowhole: 38 shots, 77 held out
        assertEquals(0, FewShotSplit.shotCount(0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FewShotSplit.of(new Product("p", tmp, List.of(), List.of(), List.of(), List.of()), OptionalInt.of(0)));
        assertEquals("maxShots must be at least 1, got 0", e.getMessage());
    }
}
