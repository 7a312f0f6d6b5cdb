package org.anomalyforge.ingest.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MvtecDatasetReaderTest {
    @TempDir
    Path tmp;

    @Test
    void readsProductsAndDefectTypesInSortedOrder() throws IOException {
        new TreeBuilder(tmp.resolve("zeta")).good("train", "b.png").good("train", "a.png")
                .pair("scratch", "002").pair("scratch", "001").pair("hole", "000");
        new TreeBuilder(tmp.resolve("alpha")).good("train", "x.png").pair("crack", "000");
        Dataset d = new MvtecDatasetReader().read(tmp);
        assertEquals(List.of("alpha", "zeta"), d.productNames());
        Product zeta = d.product("zeta").orElseThrow();
        assertEquals(List.of("hole", "scratch"), zeta.defectNames());
        assertEquals(List.of("a.png", "b.png"), zeta.trainGood().stream().map(p -> p.getFileName().toString()).toList());
        DefectType scratch = zeta.defect("scratch").orElseThrow();
        assertEquals(List.of("001", "002"), scratch.images().stream().map(LabeledImage::stem).toList());
        assertEquals(Optional.of(tmp.resolve("zeta/ground_truth/scratch/001_mask.png")), scratch.images().get(0).mask());
        assertEquals(List.of(), zeta.missing());
    }

    @Test
    void acceptsAProductFolderDirectlyAndMasksNamedLikeTheImage() throws IOException {
        Path product = new TreeBuilder(tmp.resolve("tile")).good("train", "n.png")
                .defectImage("crack", "007.jpg", 8, 8).mask("crack", "007.png", 8, 8).root();
        Dataset d = new MvtecDatasetReader().read(product);
        assertEquals(List.of("tile"), d.productNames());
        LabeledImage li = d.products().get(0).defect("crack").orElseThrow().images().get(0);
        assertEquals(Optional.of(product.resolve("ground_truth/crack/007.png")), li.mask());
    }

    @Test
    void prefersTheMaskSuffixWhenBothNamesExist() throws IOException {
        Path product = new TreeBuilder(tmp.resolve("p")).pair("hole", "1").mask("hole", "1.png", 8, 8).root();
        DefectType hole = new MvtecDatasetReader().read(product).products().get(0).defect("hole").orElseThrow();
        assertEquals(Optional.of(product.resolve("ground_truth/hole/1_mask.png")), hole.images().get(0).mask());
        assertEquals(List.of(product.resolve("ground_truth/hole/1.png")), hole.orphanMasks());
    }

    @Test
    void refusesAFolderWithoutProducts() throws IOException {
        Files.createDirectories(tmp.resolve("empty/nothing"));
        DatasetException e = assertThrows(DatasetException.class, () -> new MvtecDatasetReader().read(tmp.resolve("empty")));
        assertTrue(e.getMessage().contains("no products found"), e.getMessage());
        DatasetException missing = assertThrows(DatasetException.class,
                () -> new MvtecDatasetReader().read(tmp.resolve("absent")));
        assertEquals(tmp.resolve("absent") + ": no such folder", missing.getMessage());
    }
}
