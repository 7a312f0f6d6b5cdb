package org.anomalyforge.ingest.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class SampleSpecTest {

    @Test
    void defaultsRenderAllProductsAt256Pixels() {
        SampleSpec spec = SampleSpec.defaults();
        assertEquals(List.of(ProductKind.FABRIC, ProductKind.METAL, ProductKind.TILE), spec.products());
        assertEquals(7L, spec.seed());
        assertEquals(256, spec.size());
        assertEquals(30, spec.trainGood());
        assertEquals(10, spec.testGood());
        assertEquals(9, spec.perDefect());
        // 3 × (30 + 10 + 3 × 9)
        assertEquals(201, spec.totalImages());
    }

    @Test
    void withCopiesChangeOnlyTheirField() {
        SampleSpec spec = SampleSpec.defaults().withSeed(11).withSize(128).withCounts(3, 0, 1)
                .withProducts(List.of(ProductKind.METAL));
        assertEquals(new SampleSpec(List.of(ProductKind.METAL), 11, 128, 3, 0, 1), spec);
        assertEquals(3 + 0 + 3, spec.totalImages());
    }

    @Test
    void productsAreCopiedDefensively() {
        List<ProductKind> products = new ArrayList<>(List.of(ProductKind.TILE));
        SampleSpec spec = new SampleSpec(products, 1, 128, 1, 0, 1);
        products.add(ProductKind.FABRIC);
        assertEquals(List.of(ProductKind.TILE), spec.products());
    }

    @Test
    void validationNamesTheFieldTheRuleAndTheValue() {
        List<ProductKind> all = List.of(ProductKind.values());
        assertMessage("size must be in 128..512, got 100", () -> new SampleSpec(all, 7, 100, 30, 10, 9));
        assertMessage("size must be in 128..512, got 1024", () -> new SampleSpec(all, 7, 1024, 30, 10, 9));
        assertMessage("trainGood must be in 1..999, got 0", () -> new SampleSpec(all, 7, 256, 0, 10, 9));
        assertMessage("testGood must be in 0..999, got -1", () -> new SampleSpec(all, 7, 256, 30, -1, 9));
        assertMessage("perDefect must be in 1..999, got 0", () -> new SampleSpec(all, 7, 256, 30, 10, 0));
        assertMessage("perDefect must be in 1..999, got 1000", () -> new SampleSpec(all, 7, 256, 30, 10, 1000));
        assertMessage("products must name at least one product kind, got []",
                () -> new SampleSpec(List.of(), 7, 256, 30, 10, 9));
        assertMessage("products must be distinct, got FABRIC twice in [FABRIC, METAL, FABRIC]",
                () -> new SampleSpec(List.of(ProductKind.FABRIC, ProductKind.METAL, ProductKind.FABRIC),
                        7, 256, 30, 10, 9));
        assertMessage("products must not contain null, got [TILE, null]",
                () -> new SampleSpec(Arrays.asList(ProductKind.TILE, null), 7, 256, 30, 10, 9));
    }

    private static void assertMessage(String expected, Executable construction) {
        assertEquals(expected, assertThrows(IllegalArgumentException.class, construction).getMessage());
    }
}
