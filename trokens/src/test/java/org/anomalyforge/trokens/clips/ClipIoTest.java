package org.anomalyforge.trokens.clips;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.anomalyforge.ingest.image.ImageCodec;
import org.anomalyforge.ingest.image.RgbImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClipIoTest {

    @TempDir
    Path dir;

    private static List<RgbImage> gradientFrames(int n, int w, int h) {
        List<RgbImage> frames = new ArrayList<>();
        for (int t = 0; t < n; t++) {
            RgbImage f = RgbImage.blank(w, h);
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    f.set(x, y, (x * 2 + t * 10) % 256, y * 2, 100);
                }
            }
            frames.add(f);
        }
        return frames;
    }

    @Test
    void mjpegAviRoundTripsFrameCountSizeFpsAndContent() throws Exception {
        List<RgbImage> frames = gradientFrames(12, 96, 64);
        Path avi = dir.resolve("clip.avi");
        new AviClipWriter(95).write(avi, frames, 10);
        ClipFrames read = new ClipReader(ImageCodec.withDefaults()).read(avi, "clip", 0);
        assertEquals(12, read.size());
        assertEquals(96, read.width());
        assertEquals(64, read.height());
        assertEquals(10.0, read.fps(), 1e-6);
        double sum = 0;
        byte[] a = frames.get(7).pixels();
        byte[] b = read.frames().get(7).pixels();
        for (int i = 0; i < a.length; i++) {
            sum += Math.abs((a[i] & 0xff) - (b[i] & 0xff));
        }
        assertTrue(sum / a.length < 4, "mean abs JPEG error " + sum / a.length);
        assertTrue(Files.list(dir).noneMatch(p -> p.getFileName().toString().contains(".tmp")));
    }

    @Test
    void frameFolderIsReadInLexicographicOrder() throws Exception {
        ImageCodec codec = ImageCodec.withDefaults();
        Path folder = Files.createDirectories(dir.resolve("frames"));
        List<RgbImage> frames = gradientFrames(3, 32, 24);
        codec.writePng(folder.resolve("000002.png"), frames.get(2));
        codec.writePng(folder.resolve("000000.png"), frames.get(0));
        codec.writePng(folder.resolve("000001.png"), frames.get(1));
        Files.writeString(folder.resolve("notes.txt"), "ignored");
        ClipFrames read = new ClipReader(codec).read(folder, "f", 25);
        assertEquals(3, read.size());
        assertEquals(frames, read.frames());
        assertEquals(25.0, read.fps());
        ClipFormatException noFps = assertThrows(ClipFormatException.class,
                () -> new ClipReader(codec).read(folder, "f", 0));
        assertTrue(noFps.getMessage().endsWith("frame folder needs fps > 0, got 0.0"), noFps.getMessage());
    }

    @Test
    void mp4GivesConversionHint() throws Exception {
        Path mp4 = Files.writeString(dir.resolve("cam.mp4"), "not really");
        ClipFormatException e = assertThrows(ClipFormatException.class,
                () -> new ClipReader(ImageCodec.withDefaults()).read(mp4, "cam", 0));
        assertEquals(mp4 + ": unsupported video container; " + ClipReader.CONVERSION_HINT, e.getMessage());
        assertTrue(e.getMessage().contains("ffmpeg -i input.mp4 -c:v mjpeg"));
    }
}
