package org.anomalyforge.ingest.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.anomalyforge.ingest.image.RgbImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.imgcodecs.Imgcodecs;

class DatasetValidatorTest {
    @TempDir
    Path tmp;

    private ValidationReport validate(Path root) throws IOException {
        return new DatasetValidator(TreeBuilder.CODEC).validate(new MvtecDatasetReader().read(root));
    }

    private static String only(List<DatasetIssue> issues, Path file) {
        List<DatasetIssue> hits = issues.stream().filter(i -> i.file().equals(file)).toList();
        assertEquals(1, hits.size(), "issues for " + file + ": " + issues);
        return hits.get(0).problem();
    }

    @Test
    void aGoodTreeHasNoIssueAndCountsEveryGroup() throws IOException {
        Path p = new TreeBuilder(tmp.resolve("p")).good("train", "0.png").good("train", "1.png").good("test", "0.png")
                .pair("hole", "0").pair("hole", "1").pair("hole", "2").root();
        ValidationReport r = validate(p);
        assertEquals(List.of(), r.issues());
        assertTrue(r.ok());
        assertEquals(List.of(new GroupStats("p", "train/good", 2, 0, new SizeRange(2, 8, 8, 8, 8)),
                new GroupStats("p", "test/good", 1, 0, new SizeRange(1, 8, 8, 8, 8)),
                new GroupStats("p", "hole", 3, 3, new SizeRange(3, 8, 8, 8, 8))), r.groups());
    }

    @Test
    void imageWithoutMask() throws IOException {
        Path p = new TreeBuilder(tmp.resolve("p")).good("train", "0.png").pair("hole", "0")
                .defectImage("hole", "1.png", 8, 8).root();
        ValidationReport r = validate(p);
        assertEquals("image without mask: expected ground_truth/hole/1_mask.png (or 1.png)",
                only(r.errors(), p.resolve("test/hole/1.png")));
        assertFalse(r.ok());
    }

    @Test
    void maskWithoutImage() throws IOException {
        Path p = new TreeBuilder(tmp.resolve("p")).good("train", "0.png").pair("hole", "0")
                .mask("hole", "9_mask.png", 8, 8).root();
        assertEquals("mask without image: no test/hole/9.<png|jpg|jpeg|bmp>",
                only(validate(p).errors(), p.resolve("ground_truth/hole/9_mask.png")));
    }

    @Test
    void sizeMismatch() throws IOException {
        Path p = new TreeBuilder(tmp.resolve("p")).good("train", "0.png")
                .defectImage("hole", "0.png", 8, 8).mask("hole", "0_mask.png", 8, 6).root();
        assertEquals("size mismatch: mask is 8×6 but image 0.png is 8×8",
                only(validate(p).errors(), p.resolve("ground_truth/hole/0_mask.png")));
    }

    @Test
    void undecodableImageAndMask() throws IOException {
        byte[] png = TreeBuilder.CODEC.encodePng(RgbImage.blank(8, 8));
        byte[] truncated = java.util.Arrays.copyOf(png, 30);
        Path p = new TreeBuilder(tmp.resolve("p")).good("train", "0.png")
                .raw("train/good/1.png", "hello".getBytes())
                .raw("test/hole/0.png", truncated).mask("hole", "0_mask.png", 8, 8).root();
        ValidationReport r = validate(p);
        assertEquals("undecodable: not a PNG, JPEG or BMP image (first bytes 68656c6c)",
                only(r.errors(), p.resolve("train/good/1.png")));
        assertEquals("undecodable: OpenCV could not decode the image data (corrupt or truncated)",
                only(r.errors(), p.resolve("test/hole/0.png")));
    }

    @Test
    void emptyDefectFolderAndMissingFolders() throws IOException {
        Path p = tmp.resolve("p");
        Files.createDirectories(p.resolve("test/hole"));
        ValidationReport r = validate(p);
        assertEquals("defect folder has no images", only(r.errors(), p.resolve("test/hole")));
        assertTrue(only(r.errors(), p.resolve("train/good")).startsWith("missing folder"));
        assertTrue(only(r.errors(), p.resolve("ground_truth")).startsWith("missing folder"));
    }

    @Test
    void nonBinaryAndEmptyMasksAreWarningsWithCounts() throws IOException {
        OpenCvForTests.load();
        Mat soft = new Mat(4, 4, CvType.CV_8UC1);
        soft.put(0, 0, new byte[] {0, 0, 0, 0, 0, (byte) 255, (byte) 200, 0, 0, 100, 127, 0, 0, 0, 0, 0});
        MatOfByte buf = new MatOfByte();
        Imgcodecs.imencode(".png", soft, buf);
        Path p = new TreeBuilder(tmp.resolve("p")).good("train", "0.png")
                .defectImage("stain", "0.png", 4, 4).raw("ground_truth/stain/0_mask.png", buf.toArray())
                .defectImage("stain", "1.png", 4, 4).raw("ground_truth/stain/1_mask.png",
                        TreeBuilder.CODEC.encodeMaskPng(org.anomalyforge.ingest.image.BinaryMask.empty(4, 4)))
                .root();
        ValidationReport r = validate(p);
        assertTrue(r.ok(), r.errors().toString());
        assertEquals("mask is not binary: 3 pixels are neither 0 nor 255; binarised at 128",
                only(r.warnings(), p.resolve("ground_truth/stain/0_mask.png")));
        assertEquals("mask has no defect pixel (all below grey level 128)",
                only(r.warnings(), p.resolve("ground_truth/stain/1_mask.png")));
    }

    @Test
    void strayFilesAreWarnings() throws IOException {
        Path p = new TreeBuilder(tmp.resolve("p")).good("train", "0.png").pair("hole", "0")
                .raw("train/good/notes.txt", "x".getBytes()).root();
        assertEquals("ignored: not a PNG, JPEG or BMP image", only(validate(p).warnings(), p.resolve("train/good/notes.txt")));
    }
}
