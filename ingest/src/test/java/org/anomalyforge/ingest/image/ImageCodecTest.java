package org.anomalyforge.ingest.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.imgcodecs.Imgcodecs;

class ImageCodecTest {

    /** Largest mean absolute error per sample accepted for a smooth 32×32 image at JPEG quality 95. */
    private static final double JPEG_Q95_MAX_MEAN_ABS_ERROR = 2.0;

    private final ImageCodec codec = ImageCodec.withDefaults();

    @TempDir
    Path dir;

    @Test
    void pngRoundTripIsBitExact() throws IOException {
        RgbImage noise = randomImage(7, 5, 1);
        assertEquals(noise, codec.decode(codec.encodePng(noise), "noise.png"));

        Path file = dir.resolve("nested/noise.png");
        codec.writePng(file, noise);
        assertEquals(noise, codec.read(file));
        try (Stream<Path> files = Files.list(file.getParent())) {
            assertEquals(List.of(file), files.toList(), "no temporary file may be left behind");
        }
    }

    @Test
    void jpegRoundTripStaysWithinTheMeanAbsoluteErrorBound() throws IOException {
        RgbImage smooth = RgbImage.blank(32, 32);
        for (int y = 0; y < 32; y++) {
            for (int x = 0; x < 32; x++) {
                smooth.set(x, y, x * 8, y * 8, 128);
            }
        }
        Path file = dir.resolve("smooth.jpg");
        codec.writeJpeg(file, smooth, 95);
        RgbImage back = codec.read(file);
        assertEquals(32, back.width());
        assertEquals(32, back.height());
        double error = meanAbsoluteError(smooth, back);
        assertTrue(error <= JPEG_Q95_MAX_MEAN_ABS_ERROR, "mean absolute error " + error);
        assertTrue(error > 0, "JPEG is lossy; an exact round trip means the PNG path was taken");
    }

    @Test
    void jpegQualityOutsideOneToHundredIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> codec.encodeJpeg(RgbImage.blank(2, 2), 0));
        assertEquals("JPEG quality must be in 1..100, got 0", e.getMessage());
    }

    @Test
    void grayscalePngDecodesToThreeEqualChannels() throws IOException {
        byte[] grey = {0, 17, (byte) 128, (byte) 255, 90, 3};
        RgbImage image = codec.decode(encodeGrey(".png", 3, 2, grey), "grey.png");
        assertEquals(3, image.width());
        assertEquals(2, image.height());
        for (int i = 0; i < grey.length; i++) {
            int x = i % 3;
            int y = i / 3;
            for (int c = 0; c < 3; c++) {
                assertEquals(grey[i] & 0xff, image.get(x, y, c), "pixel " + i + " channel " + c);
            }
        }
    }

    @Test
    void maskDecodeBinarisesAt128AndCountsSoftPixels() throws IOException {
        byte[] grey = {0, 100, 127, (byte) 128, (byte) 200, (byte) 255};
        MaskDecoding decoded = codec.decodeMask(encodeGrey(".png", 6, 1, grey), "mask.png");
        assertArrayEquals(new byte[] {0, 0, 0, 1, 1, 1}, decoded.mask().pixels());
        // "Soft" = neither 0 nor 255: 100, 127, 128 and 200.
        assertEquals(4, decoded.nonBinaryPixels());
    }

    @Test
    void colourMaskIsConvertedToGreyBeforeBinarising() throws IOException {
        RgbImage colour = RgbImage.blank(3, 1);
        colour.set(0, 0, 255, 255, 255);
        colour.set(1, 0, 255, 0, 0);   // grey 0.299 × 255 = 76  → background
        colour.set(2, 0, 0, 255, 0);   // grey 0.587 × 255 = 150 → defect
        MaskDecoding decoded = codec.decodeMask(codec.encodePng(colour), "colour-mask.png");
        assertArrayEquals(new byte[] {1, 0, 1}, decoded.mask().pixels());
        assertEquals(2, decoded.nonBinaryPixels());
    }

    @Test
    void maskPngRoundTrip() throws IOException {
        BinaryMask mask = BinaryMask.empty(5, 3);
        mask.set(0, 0, true);
        mask.set(4, 2, true);
        mask.set(2, 1, true);
        byte[] png = codec.encodeMaskPng(mask);
        MaskDecoding decoded = codec.decodeMask(png, "mask.png");
        assertEquals(mask, decoded.mask());
        assertEquals(0, decoded.nonBinaryPixels());
        // On disk the mask is 0/255 grey (MVTec convention).
        assertEquals(255, codec.decode(png, "mask.png").get(4, 2, 1));
        assertEquals(0, codec.decode(png, "mask.png").get(3, 2, 1));

        Path file = dir.resolve("masks/m.png");
        codec.writeMaskPng(file, mask);
        assertEquals(mask, codec.readMask(file).mask());
    }

    @Test
    void nearestResizeOfTwoByTwoToFourByFourRepeatsEachPixelAsABlock() {
        RgbImage small = RgbImage.blank(2, 2);
        small.set(0, 0, 10, 20, 30);
        small.set(1, 0, 40, 50, 60);
        small.set(0, 1, 70, 80, 90);
        small.set(1, 1, 100, 110, 120);
        RgbImage big = ImageCodec.resize(small, 4, 4, Interpolation.NEAREST);
        int[][] a = {{10, 20, 30}, {40, 50, 60}, {70, 80, 90}, {100, 110, 120}};
        int[][] layout = {
            {0, 0, 1, 1},
            {0, 0, 1, 1},
            {2, 2, 3, 3},
            {2, 2, 3, 3}};
        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < 4; x++) {
                int[] expected = a[layout[y][x]];
                assertArrayEquals(expected, new int[] {big.get(x, y, 0), big.get(x, y, 1), big.get(x, y, 2)},
                        "pixel (" + x + ", " + y + ")");
            }
        }
    }

    @Test
    void resizeToTheSameSizeIsAnIndependentCopy() {
        RgbImage image = randomImage(3, 2, 5);
        RgbImage copy = ImageCodec.resize(image, 3, 2, Interpolation.BICUBIC);
        assertEquals(image, copy);
        int before = image.get(0, 0, 0);
        copy.set(0, 0, (before + 1) % 256, 0, 0);
        assertEquals(before, image.get(0, 0, 0), "the copy must not share pixels with the source");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ImageCodec.resize(image, 0, 2, Interpolation.AREA));
        assertEquals("target size must be at least 1×1, got 0×2", e.getMessage());
    }

    @Test
    void maskResizeStaysBinaryWithExactPixels() {
        // Upscale 2×1 → 5×1: source column = floor((x + 0.5) × 2 / 5) = 0, 0, 1, 1, 1 in exact arithmetic;
        // x = 2 is a tie (2.5 × 0.4 = 1) that OpenCV's 16-bit fixed point (0.4 → 26214/65536) sends to 0.
        BinaryMask row = new BinaryMask(2, 1, new byte[] {1, 0});
        assertArrayEquals(new byte[] {1, 1, 1, 0, 0}, ImageCodec.resize(row, 5, 1).pixels());

        // Downscale 4×4 → 2×2 samples source rows/columns floor((i + 0.5) × 2) = 1 and 3.
        BinaryMask grid = new BinaryMask(4, 4, new byte[] {
            0, 0, 0, 0,
            0, 1, 0, 0,
            0, 0, 0, 0,
            0, 0, 0, 1});
        assertArrayEquals(new byte[] {1, 0, 0, 1}, ImageCodec.resize(grid, 2, 2).pixels());

        // 1×4 → 1×10 lands pixel centres exactly on source boundaries: whatever OpenCV's fixed-point
        // rounding picks there, the mask must pick the same rows as the image.
        BinaryMask column = new BinaryMask(1, 4, new byte[] {1, 0, 0, 1});
        RgbImage columnImage = RgbImage.blank(1, 4);
        columnImage.set(0, 0, 255, 255, 255);
        columnImage.set(0, 3, 255, 255, 255);
        RgbImage tallImage = ImageCodec.resize(columnImage, 1, 10, Interpolation.NEAREST);
        byte[] tall = ImageCodec.resize(column, 1, 10).pixels();
        for (int y = 0; y < 10; y++) {
            assertEquals(tallImage.get(0, y, 0) == 255 ? 1 : 0, tall[y], "row " + y);
        }

        // Upscale 2×2 → 4×4: blocks, nothing but 0 and 1.
        BinaryMask diag = new BinaryMask(2, 2, new byte[] {1, 0, 0, 1});
        assertArrayEquals(new byte[] {
            1, 1, 0, 0,
            1, 1, 0, 0,
            0, 0, 1, 1,
            0, 0, 1, 1}, ImageCodec.resize(diag, 4, 4).pixels());
    }

    @Test
    void toChwWithImagenetGivesHandComputedFloats() {
        RgbImage image = RgbImage.blank(2, 1);
        image.set(0, 0, 255, 0, 128);
        image.set(1, 0, 0, 255, 64);
        float[] chw = ImageCodec.toChw(image, Normalization.IMAGENET);
        // (v/255 − mean) / std with mean (0.485, 0.456, 0.406), std (0.229, 0.224, 0.225); layout R0 R1 G0 G1 B0 B1.
        float[] expected = {
            0.515f / 0.229f,          // (1 − 0.485) / 0.229      =  2.2489083
            -0.485f / 0.229f,         // (0 − 0.485) / 0.229      = −2.1179039
            -0.456f / 0.224f,         // (0 − 0.456) / 0.224      = −2.0357143
            0.544f / 0.224f,          // (1 − 0.456) / 0.224      =  2.4285714
            0.42649237f,              // (128/255 − 0.406) / 0.225 = 0.0959608 / 0.225
            -0.68897603f};            // (64/255 − 0.406) / 0.225  = −0.1550196 / 0.225
        assertArrayEquals(expected, chw, 1e-6f); // float arithmetic differs from the real value by a few ulps
    }

    @Test
    void toChwWithUnitAndMinusOneToOneRanges() {
        RgbImage image = RgbImage.blank(1, 1);
        image.set(0, 0, 0, 255, 51);
        assertArrayEquals(new float[] {0f, 1f, 0.2f}, ImageCodec.toChw(image, Normalization.UNIT), 1e-7f);
        assertArrayEquals(new float[] {-1f, 1f, -0.6f}, ImageCodec.toChw(image, Normalization.MINUS_ONE_TO_ONE), 1e-6f);
    }

    @Test
    void fromChwInvertsToChwForEveryByteValue() {
        RgbImage all = RgbImage.blank(256, 2);
        for (int x = 0; x < 256; x++) {
            all.set(x, 0, x, 255 - x, (x * 7) % 256);
            all.set(x, 1, (x * 13) % 256, x, 255 - x);
        }
        for (Normalization n : Normalization.values()) {
            assertEquals(all, ImageCodec.fromChw(ImageCodec.toChw(all, n), 256, 2, n), n.name());
        }
    }

    @Test
    void fromChwClampsAndChecksTheLength() {
        RgbImage clamped = ImageCodec.fromChw(new float[] {-5f, 0.5f, 9f}, 1, 1, Normalization.UNIT);
        assertArrayEquals(new byte[] {0, (byte) 128, (byte) 255}, clamped.pixels());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ImageCodec.fromChw(new float[17], 3, 2, Normalization.UNIT));
        assertEquals("expected 3*2*3 = 18 floats, got 17", e.getMessage());
    }

    @Test
    void pixelLimitRefusesElevenByTenAndAcceptsTenByTen() throws IOException {
        ImageCodec small = new ImageCodec(100);
        byte[] tooBig = codec.encodePng(RgbImage.blank(11, 10));
        ImageDecodeException e = assertThrows(ImageDecodeException.class, () -> small.decode(tooBig, "frame-11x10"));
        assertEquals("frame-11x10: PNG declares 11×10 = 110 pixels, over the limit of 100 (refused before decoding)",
                e.getMessage());
        assertTrue(assertThrows(ImageDecodeException.class, () -> small.decodeMask(tooBig, "mask-11x10"))
                .getMessage().contains("over the limit of 100"));
        RgbImage ok = small.decode(codec.encodePng(RgbImage.blank(10, 10)), "frame-10x10");
        assertEquals(10, ok.width());
        assertEquals(10, ok.height());
        assertEquals("maxPixels must be at least 1, got 0",
                assertThrows(IllegalArgumentException.class, () -> new ImageCodec(0)).getMessage());
    }

    @Test
    void pngBombIsRefusedFromItsIhdrAlone() {
        byte[] bomb = pngWithIhdrOnly(100_000, 100_000);
        ImageDecodeException e = assertThrows(ImageDecodeException.class, () -> codec.decode(bomb, "bomb.png"));
        assertEquals("bomb.png: PNG declares 100000×100000 = 10000000000 pixels, over the limit of 40000000"
                + " (refused before decoding)", e.getMessage());
        assertThrows(ImageDecodeException.class, () -> codec.decodeMask(bomb, "bomb.png"));
    }

    @Test
    void garbageAndTruncatedBytesNameTheSource() throws IOException {
        ImageDecodeException garbage = assertThrows(ImageDecodeException.class,
                () -> codec.decode("garbage!".getBytes(), "kafka:frames/3@17"));
        assertEquals("kafka:frames/3@17: not a PNG, JPEG or BMP image (first bytes 67617262)", garbage.getMessage());

        byte[] png = codec.encodePng(randomImage(16, 16, 9));
        ImageDecodeException cutHeader = assertThrows(ImageDecodeException.class,
                () -> codec.decode(Arrays.copyOf(png, 20), "cut-20.png"));
        assertEquals("cut-20.png: PNG is truncated before its IHDR header", cutHeader.getMessage());
        ImageDecodeException cutData = assertThrows(ImageDecodeException.class,
                () -> codec.decode(Arrays.copyOf(png, png.length / 2), "cut-half.png"));
        assertEquals("cut-half.png: OpenCV could not decode the image data (corrupt or truncated)", cutData.getMessage());
        ImageDecodeException cutMask = assertThrows(ImageDecodeException.class,
                () -> codec.decodeMask(Arrays.copyOf(png, png.length / 2), "cut-half-mask.png"));
        assertEquals("cut-half-mask.png: OpenCV could not decode the mask data (corrupt or truncated)",
                cutMask.getMessage());

        byte[] jpeg = codec.encodeJpeg(randomImage(16, 16, 9), 90);
        ImageDecodeException cutJpeg = assertThrows(ImageDecodeException.class,
                () -> codec.decode(Arrays.copyOf(jpeg, 60), "cut.jpg"));
        assertEquals("cut.jpg: JPEG is truncated before its frame header (SOF)", cutJpeg.getMessage());

        assertEquals("empty.png: file is empty", assertThrows(ImageDecodeException.class,
                () -> codec.decode(new byte[0], "empty.png")).getMessage());
        Path missing = dir.resolve("missing.png");
        assertEquals(missing + ": no such file",
                assertThrows(ImageDecodeException.class, () -> codec.read(missing)).getMessage());
    }

    /** PNG signature + a valid IHDR chunk (8-bit RGB) and nothing else: no pixel data at all. */
    static byte[] pngWithIhdrOnly(int width, int height) {
        ByteBuffer b = ByteBuffer.allocate(8 + 4 + 4 + 13 + 4);
        b.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
        b.putInt(13);
        int typeStart = b.position();
        b.put(new byte[] {'I', 'H', 'D', 'R'});
        b.putInt(width).putInt(height);
        b.put(new byte[] {8, 2, 0, 0, 0}); // bit depth 8, colour type RGB, deflate, no filter, no interlace
        CRC32 crc = new CRC32();
        crc.update(b.array(), typeStart, 4 + 13);
        b.putInt((int) crc.getValue());
        return b.array();
    }

    /** One-channel image bytes encoded by OpenCV ({@code ext} ".png", ".bmp", …). */
    static byte[] encodeGrey(String ext, int width, int height, byte[] grey) {
        OpenCv.ensureLoaded();
        Mat m = new Mat(height, width, CvType.CV_8UC1);
        MatOfByte out = new MatOfByte();
        try {
            m.put(0, 0, grey);
            assertTrue(Imgcodecs.imencode(ext, m, out));
            return out.toArray();
        } finally {
            m.release();
            out.release();
        }
    }

    static RgbImage randomImage(int width, int height, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        byte[] pixels = new byte[width * height * 3];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) random.nextInt(256);
        }
        return new RgbImage(width, height, pixels);
    }

    private static double meanAbsoluteError(RgbImage a, RgbImage b) {
        long sum = 0;
        for (int i = 0; i < a.pixels().length; i++) {
            sum += Math.abs((a.pixels()[i] & 0xff) - (b.pixels()[i] & 0xff));
        }
        return (double) sum / a.pixels().length;
    }

    @Test
    void nearestResizeSamplesTheSamePixelsForImageAndMask() {
        // Columns 1 and 3 are defect in both; halving must keep image and mask aligned (pixel-centre rule).
        RgbImage img = RgbImage.blank(4, 1);
        img.set(1, 0, 255, 0, 0);
        img.set(3, 0, 255, 0, 0);
        BinaryMask mask = new BinaryMask(4, 1, new byte[] {0, 1, 0, 1});
        RgbImage small = ImageCodec.resize(img, 2, 1, Interpolation.NEAREST);
        BinaryMask smallMask = ImageCodec.resize(mask, 2, 1);
        assertEquals(255, small.get(0, 0, 0));
        assertEquals(255, small.get(1, 0, 0));
        assertArrayEquals(new byte[] {1, 1}, smallMask.pixels());
    }

    @Test
    void truncatedJpegIsRefusedInsteadOfGreyFilled() {
        RgbImage img = RgbImage.blank(64, 64);
        byte[] jpeg = ImageCodec.withDefaults().encodeJpeg(img, 90);
        byte[] cut = java.util.Arrays.copyOf(jpeg, jpeg.length * 2 / 3);
        ImageDecodeException e = assertThrows(ImageDecodeException.class, () -> ImageCodec.withDefaults().decode(cut, "cut.jpg"));
        assertEquals("cut.jpg: JPEG is truncated: no end-of-image marker (FF D9) at the end", e.getMessage());
        byte[] padded = java.util.Arrays.copyOf(jpeg, jpeg.length + 3);
        assertDoesNotThrow(() -> ImageCodec.withDefaults().decode(padded, "padded.jpg"));
    }
}
