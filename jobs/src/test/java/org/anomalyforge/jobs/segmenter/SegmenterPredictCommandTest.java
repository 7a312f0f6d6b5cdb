package org.anomalyforge.jobs.segmenter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.anomalyforge.ingest.image.ImageCodec;
import org.anomalyforge.ingest.image.MaskDecoding;
import org.anomalyforge.ingest.image.RgbImage;
import org.anomalyforge.ingest.sample.ProductKind;
import org.anomalyforge.ingest.sample.SampleProductGenerator;
import org.anomalyforge.jobs.ForgeRun;
import org.anomalyforge.jobs.bench.QuickLfdModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SegmenterPredictCommandTest {
    @TempDir
    Path tmp;

    @Test
    void writesMasksAtFrameSizeOverlaysAndCsvAndReportsUnreadableFilesWithoutLosingTheOthers() throws IOException {
        Path model = QuickLfdModel.train(tmp.resolve("store"), ProductKind.METAL, 64);
        ImageCodec codec = ImageCodec.withDefaults();
        Path images = Files.createDirectories(tmp.resolve("in/line-2"));
        RgbImage frame = SampleProductGenerator.render(ProductKind.METAL, "test", Optional.of("rust"), 0, 3, 160).image();
        codec.writePng(images.resolve("a.png"), frame);
        codec.writeJpeg(images.resolve("b.jpg"), ImageCodec.resize(frame, 200, 120,
                org.anomalyforge.ingest.image.Interpolation.AREA), 90);
        Files.write(images.resolve("broken.png"), new byte[] {1, 2, 3});

        ForgeRun r = ForgeRun.of("segmenter", "predict", "--model", model.toString(), "--images",
                tmp.resolve("in").toString(), "--out", tmp.resolve("out").toString(), "--batch", "2");
        assertEquals(1, r.exitCode(), "one unreadable file makes the run fail: " + r.out());
        assertTrue(r.out().contains("2 images: "), r.out());
        assertTrue(r.out().contains("broken.png: not a PNG, JPEG or BMP image"), r.out());

        MaskDecoding mask = codec.readMask(tmp.resolve("out/line-2_b_mask.png"));
        assertEquals(200, mask.mask().width());      // masks come back at the image's own size
        assertEquals(120, mask.mask().height());
        assertEquals(0, mask.nonBinaryPixels());
        assertEquals(160, codec.read(tmp.resolve("out/line-2_a_overlay.png")).width());
        List<String> csv = Files.readAllLines(tmp.resolve("out/predictions.csv"));
        assertEquals("image,score,verdict,defect_area_px,width,height", csv.get(0));
        assertEquals(3, csv.size());
        assertTrue(csv.get(2).startsWith("line-2/b.jpg,") && csv.get(2).endsWith(",200,120"), csv.get(2));
    }
}
