package org.anomalyforge.ingest.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.MatOfInt;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;

class ImageHeaderTest {

    private final ImageCodec codec = ImageCodec.withDefaults();

    @Test
    void probesPngSize() throws ImageDecodeException {
        byte[] png = codec.encodePng(RgbImage.blank(7, 5));
        assertEquals(new ImageHeader("png", 7, 5), ImageHeader.probe(png, "a.png"));
    }

    @Test
    void probesJpegSizeFromTheFrameHeader() throws ImageDecodeException {
        byte[] jpeg = codec.encodeJpeg(RgbImage.blank(9, 4), 90);
        assertEquals(new ImageHeader("jpeg", 9, 4), ImageHeader.probe(jpeg, "a.jpg"));
    }

    @Test
    void probesProgressiveJpegAndSkipsFillBytes() throws ImageDecodeException {
        byte[] progressive = imencode(".jpg", RgbImage.blank(12, 3), Imgcodecs.IMWRITE_JPEG_PROGRESSIVE, 1);
        assertEquals(new ImageHeader("jpeg", 12, 3), ImageHeader.probe(progressive, "p.jpg"));

        // Any number of 0xFF fill bytes may precede a marker (ITU T.81 B.1.1.2).
        byte[] baseline = codec.encodeJpeg(RgbImage.blank(6, 8), 90);
        byte[] filled = new byte[baseline.length + 3];
        filled[0] = (byte) 0xFF;
        filled[1] = (byte) 0xD8;
        filled[2] = (byte) 0xFF;
        filled[3] = (byte) 0xFF;
        filled[4] = (byte) 0xFF;
        System.arraycopy(baseline, 2, filled, 5, baseline.length - 2);
        assertEquals(new ImageHeader("jpeg", 6, 8), ImageHeader.probe(filled, "filled.jpg"));
    }

    @Test
    void probesBmpSizeIncludingTopDownRows() throws ImageDecodeException {
        byte[] bmp = imencode(".bmp", RgbImage.blank(6, 3));
        assertEquals(new ImageHeader("bmp", 6, 3), ImageHeader.probe(bmp, "a.bmp"));

        // A negative height marks a top-down BMP; the size is its absolute value.
        ByteBuffer.wrap(bmp).order(ByteOrder.LITTLE_ENDIAN).putInt(22, -3);
        assertEquals(new ImageHeader("bmp", 6, 3), ImageHeader.probe(bmp, "top-down.bmp"));
    }

    @Test
    void probedBmpIsDecodedByTheCodec() throws ImageDecodeException {
        RgbImage image = ImageCodecTest.randomImage(5, 4, 2);
        assertEquals(image, codec.decode(imencode(".bmp", image), "a.bmp"));
    }

    @Test
    void pixelsDoNotOverflowForHugeDeclaredSizes() throws ImageDecodeException {
        ImageHeader header = ImageHeader.probe(ImageCodecTest.pngWithIhdrOnly(100_000, 100_000), "bomb.png");
        assertEquals(new ImageHeader("png", 100_000, 100_000), header);
        assertEquals(10_000_000_000L, header.pixels());
    }

    @Test
    void refusesInvalidSizes() {
        assertEquals("zero.png: PNG header declares an invalid size 0×5", assertThrows(ImageDecodeException.class,
                () -> ImageHeader.probe(ImageCodecTest.pngWithIhdrOnly(0, 5), "zero.png")).getMessage());
        assertEquals("neg.png: PNG header declares an invalid size 4294967295×5", assertThrows(ImageDecodeException.class,
                () -> ImageHeader.probe(ImageCodecTest.pngWithIhdrOnly(-1, 5), "neg.png")).getMessage());
    }

    @Test
    void refusesTruncatedAndUnknownBytesNamingTheSource() {
        byte[] bmp = imencode(".bmp", RgbImage.blank(2, 2));
        assertEquals("cut.bmp: BMP is truncated before its info header", assertThrows(ImageDecodeException.class,
                () -> ImageHeader.probe(Arrays.copyOf(bmp, 25), "cut.bmp")).getMessage());
        assertEquals("x.gif: not a PNG, JPEG or BMP image (first bytes 47494638)", assertThrows(ImageDecodeException.class,
                () -> ImageHeader.probe("GIF89a".getBytes(), "x.gif")).getMessage());
        assertEquals("one: not a PNG, JPEG or BMP image (first bytes 00)", assertThrows(ImageDecodeException.class,
                () -> ImageHeader.probe(new byte[1], "one")).getMessage());
        assertEquals("null: file is empty", assertThrows(ImageDecodeException.class,
                () -> ImageHeader.probe(null, "null")).getMessage());
        byte[] badMarker = {(byte) 0xFF, (byte) 0xD8, 0x12, 0x34, 0x00, 0x10};
        assertEquals("bad.jpg: JPEG marker expected at byte 2", assertThrows(ImageDecodeException.class,
                () -> ImageHeader.probe(badMarker, "bad.jpg")).getMessage());
        byte[] badLength = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0x00, 0x01};
        assertEquals("len.jpg: JPEG segment at byte 2 has invalid length 1", assertThrows(ImageDecodeException.class,
                () -> ImageHeader.probe(badLength, "len.jpg")).getMessage());
    }

    private static byte[] imencode(String ext, RgbImage image, int... params) {
        OpenCv.ensureLoaded();
        Mat bgr = new Mat(image.height(), image.width(), CvType.CV_8UC3);
        MatOfByte out = new MatOfByte();
        MatOfInt options = new MatOfInt(params);
        try {
            bgr.put(0, 0, image.pixels());
            Imgproc.cvtColor(bgr, bgr, Imgproc.COLOR_RGB2BGR);
            if (!Imgcodecs.imencode(ext, bgr, out, options)) {
                throw new IllegalStateException("OpenCV could not encode " + ext);
            }
            return out.toArray();
        } finally {
            bgr.release();
            out.release();
            options.release();
        }
    }
}
