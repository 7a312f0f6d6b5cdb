package org.anomalyforge.ingest.dataset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.anomalyforge.ingest.image.BinaryMask;
import org.anomalyforge.ingest.image.ImageCodec;
import org.anomalyforge.ingest.image.RgbImage;

/** Writes small MVTec-layout trees for tests, file by file. */
final class TreeBuilder {
    static final ImageCodec CODEC = ImageCodec.withDefaults();

    private final Path product;

    TreeBuilder(Path product) throws IOException {
        this.product = product;
        Files.createDirectories(product.resolve("train/good"));
        Files.createDirectories(product.resolve("test/good"));
        Files.createDirectories(product.resolve("ground_truth"));
    }

    Path root() {
        return product;
    }

    TreeBuilder good(String split, String name) throws IOException {
        CODEC.writePng(product.resolve(split).resolve("good").resolve(name), RgbImage.blank(8, 8));
        return this;
    }

    TreeBuilder defectImage(String defect, String name, int w, int h) throws IOException {
        CODEC.writePng(product.resolve("test").resolve(defect).resolve(name), RgbImage.blank(w, h));
        return this;
    }

    TreeBuilder mask(String defect, String name, int w, int h) throws IOException {
        BinaryMask m = BinaryMask.empty(w, h);
        m.set(1, 1, true);
        CODEC.writeMaskPng(product.resolve("ground_truth").resolve(defect).resolve(name), m);
        return this;
    }

    /** A defect image with its {@code <stem>_mask.png}. */
    TreeBuilder pair(String defect, String stem) throws IOException {
        return defectImage(defect, stem + ".png", 8, 8).mask(defect, stem + "_mask.png", 8, 8);
    }

    TreeBuilder raw(String relative, byte[] bytes) throws IOException {
        Path p = product.resolve(relative);
        Files.createDirectories(p.getParent());
        Files.write(p, bytes);
        return this;
    }
}
