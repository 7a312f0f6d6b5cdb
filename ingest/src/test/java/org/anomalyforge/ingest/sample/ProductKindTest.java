package org.anomalyforge.ingest.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProductKindTest {

    @Test
    void folderNamesAndDefectTypes() {
        assertEquals("fabric", ProductKind.FABRIC.folderName());
        assertEquals("metal", ProductKind.METAL.folderName());
        assertEquals("tile", ProductKind.TILE.folderName());
        assertEquals(List.of("hole", "stain", "thread"), ProductKind.FABRIC.defectTypes());
        assertEquals(List.of("dent", "rust", "scratch"), ProductKind.METAL.defectTypes());
        assertEquals(List.of("chip", "crack", "stain"), ProductKind.TILE.defectTypes());
        for (ProductKind kind : ProductKind.values()) {
            List<String> sorted = new ArrayList<>(kind.defectTypes());
            sorted.sort(null);
            assertEquals(sorted, kind.defectTypes(), kind + " defect types must be sorted");
            assertThrows(UnsupportedOperationException.class, () -> kind.defectTypes().add("x"));
        }
    }

    @Test
    void fromFolderNameRoundTripsAndRejectsUnknownNames() {
        for (ProductKind kind : ProductKind.values()) {
            assertEquals(kind, ProductKind.fromFolderName(kind.folderName()));
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ProductKind.fromFolderName("Fabric"));
        assertEquals("product must be one of fabric, metal, tile, got 'Fabric'", e.getMessage());
    }
}
