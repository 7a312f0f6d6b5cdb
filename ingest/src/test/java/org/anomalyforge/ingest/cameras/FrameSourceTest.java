package org.anomalyforge.ingest.cameras;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.anomalyforge.ingest.frames.FrameEncoding;
import org.anomalyforge.ingest.image.ImageCodec;
import org.anomalyforge.ingest.image.ImageHeader;
import org.anomalyforge.ingest.image.OpenCv;
import org.anomalyforge.ingest.image.RgbImage;
import org.anomalyforge.ingest.sample.ProductKind;
import org.anomalyforge.ingest.sample.SampleProductGenerator;
import org.anomalyforge.ingest.sample.SampleSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.videoio.VideoWriter;
import org.opencv.videoio.Videoio;

class FrameSourceTest {

    @TempDir
    Path dir;

    private final ImageCodec codec = ImageCodec.withDefaults();

    @Test
    void mvtecProductGivesTrainGoodThenTestImagesAndItsName() throws Exception {
        SampleSpec spec = new SampleSpec(List.of(ProductKind.FABRIC, ProductKind.TILE), 1, 128, 2, 1, 1);
        new SampleProductGenerator(codec).write(dir, spec, (done, total) -> { });
        IllegalArgumentException ambiguous = assertThrows(IllegalArgumentException.class,
                () -> FrameSource.resolve(dir, Optional.empty()));
        assertEquals("dataset " + dir + " has 2 products [fabric, tile]: choose one with --product",
                ambiguous.getMessage());
        FrameSource source = FrameSource.resolve(dir, Optional.of("tile"));
        assertEquals("tile", source.product());
        // 2 train/good + 1 test/good + 1 per defect type (chip, crack, stain).
        assertEquals(List.of("train/good/000.png", "train/good/001.png", "test/good/000.png", "test/chip/000.png",
                "test/crack/000.png", "test/stain/000.png"),
                source.files().stream().map(f -> dir.resolve("tile").relativize(f).toString()).toList());
        FrameLibrary library = FrameLibrary.load(source.files(), new FrameRendering(FrameEncoding.JPEG, 32, 80), codec);
        assertEquals(6, library.size());
        assertEquals(new ImageHeader("jpeg", 32, 32), ImageHeader.probe(library.payload(5), "frame"));
    }

    @Test
    void plainFolderOfImagesAndAnMjpgClip() throws Exception {
        codec.writePng(dir.resolve("b.png"), solid(20, 10));
        codec.writePng(dir.resolve("a.png"), solid(20, 10));
        Files.writeString(dir.resolve("notes.txt"), "not an image");
        writeClip(dir.resolve("c.avi"), 4);
        FrameSource source = FrameSource.resolve(dir, Optional.empty());
        assertEquals(dir.getFileName().toString(), source.product());
        assertEquals(List.of("a.png", "b.png", "c.avi"),
                source.files().stream().map(f -> f.getFileName().toString()).toList());
        FrameLibrary library = FrameLibrary.load(source.files(), new FrameRendering(FrameEncoding.PNG, 16, 80), codec);
        assertEquals(2 + 4, library.size());
        assertEquals(new ImageHeader("png", 16, 16), ImageHeader.probe(library.payload(4), "clip frame"));
        assertEquals("clip", FrameSource.resolve(dir.resolve("c.avi"), Optional.of("clip")).product());
    }

    @Test
    void emptyOrMissingSourcesAreNamed() throws Exception {
        Files.createDirectories(dir.resolve("empty"));
        assertEquals("source folder " + dir.resolve("empty") + " holds no images (.png .jpg .jpeg .bmp) or .avi "
                + "clips, and is no MVTec-layout dataset", assertThrows(IllegalArgumentException.class,
                () -> FrameSource.resolve(dir.resolve("empty"), Optional.empty())).getMessage());
        assertEquals("source " + dir.resolve("nope") + " does not exist", assertThrows(IllegalArgumentException.class,
                () -> FrameSource.resolve(dir.resolve("nope"), Optional.empty())).getMessage());
    }

    private static RgbImage solid(int width, int height) {
        return new RgbImage(width, height, new byte[width * height * 3]);
    }

    private static void writeClip(Path file, int frames) {
        OpenCv.ensureLoaded();
        VideoWriter writer = new VideoWriter(file.toString(), Videoio.CAP_OPENCV_MJPEG,
                VideoWriter.fourcc('M', 'J', 'P', 'G'), 10, new Size(24, 24), true);
        Mat frame = new Mat(24, 24, CvType.CV_8UC3, new Scalar(10, 200, 30));
        try {
            for (int i = 0; i < frames; i++) {
                writer.write(frame);
            }
        } finally {
            frame.release();
            writer.release();
        }
    }
}
