package org.anomalyforge.ingest.image;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.MatOfInt;
import org.opencv.core.Size;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;

/**
 * Decodes and encodes images and masks with OpenCV, exchanging only {@link RgbImage} and
 * {@link BinaryMask} with callers. Every OpenCV {@code Mat} is released before a method returns.
 *
 * <p>Immutable and thread-safe: one instance may serve all Spark task threads of an executor.
 */
public final class ImageCodec {

    /** Default pixel limit: 40 megapixels, far above any inspection camera, far below a bomb. */
    public static final long DEFAULT_MAX_PIXELS = 40_000_000L;

    private final long maxPixels;

    /** @param maxPixels largest width × height accepted; larger images are refused before decoding */
    public ImageCodec(long maxPixels) {
        if (maxPixels < 1) {
            throw new IllegalArgumentException("maxPixels must be at least 1, got " + maxPixels);
        }
        this.maxPixels = maxPixels;
        OpenCv.ensureLoaded();
    }

    public static ImageCodec withDefaults() {
        return new ImageCodec(DEFAULT_MAX_PIXELS);
    }

    public long maxPixels() {
        return maxPixels;
    }

    /** Reads a PNG, JPEG or BMP file; grayscale becomes 3 equal channels, alpha is dropped. */
    public RgbImage read(Path file) throws IOException {
        return decode(readBytes(file), file.toString());
    }

    /**
     * Decodes PNG, JPEG or BMP bytes.
     *
     * @param source how to name the bytes in error messages (file path, Kafka record, …)
     */
    public RgbImage decode(byte[] bytes, String source) throws ImageDecodeException {
        checkHeader(bytes, source);
        Mat bgr = Imgcodecs.imdecode(new MatOfByte(bytes), Imgcodecs.IMREAD_COLOR);
        try {
            if (bgr.empty()) {
                throw new ImageDecodeException(source, "OpenCV could not decode the image data (corrupt or truncated)");
            }
            Imgproc.cvtColor(bgr, bgr, Imgproc.COLOR_BGR2RGB);
            return toRgb(bgr);
        } finally {
            bgr.release();
        }
    }

    /** Reads a mask file and binarises it at grey level {@value MaskDecoding#THRESHOLD}. */
    public MaskDecoding readMask(Path file) throws IOException {
        return decodeMask(readBytes(file), file.toString());
    }

    /** Decodes mask bytes (any channel count; colour is converted to grey) and binarises at 128. */
    public MaskDecoding decodeMask(byte[] bytes, String source) throws ImageDecodeException {
        checkHeader(bytes, source);
        Mat grey = Imgcodecs.imdecode(new MatOfByte(bytes), Imgcodecs.IMREAD_GRAYSCALE);
        try {
            if (grey.empty()) {
                throw new ImageDecodeException(source, "OpenCV could not decode the mask data (corrupt or truncated)");
            }
            byte[] raw = new byte[grey.rows() * grey.cols()];
            grey.get(0, 0, raw);
            long soft = 0;
            for (int i = 0; i < raw.length; i++) {
                int v = raw[i] & 0xff;
                if (v != 0 && v != 255) {
                    soft++;
                }
                raw[i] = (byte) (v >= MaskDecoding.THRESHOLD ? 1 : 0);
            }
            return new MaskDecoding(new BinaryMask(grey.cols(), grey.rows(), raw), soft);
        } finally {
            grey.release();
        }
    }

    /** Lossless PNG bytes of {@code image}. */
    public byte[] encodePng(RgbImage image) {
        Mat bgr = toBgrMat(image);
        try {
            return encode(bgr, ".png", new MatOfInt(Imgcodecs.IMWRITE_PNG_COMPRESSION, 3));
        } finally {
            bgr.release();
        }
    }

    /** JPEG bytes of {@code image} at {@code quality} (1–100). */
    public byte[] encodeJpeg(RgbImage image, int quality) {
        if (quality < 1 || quality > 100) {
            throw new IllegalArgumentException("JPEG quality must be in 1..100, got " + quality);
        }
        Mat bgr = toBgrMat(image);
        try {
            return encode(bgr, ".jpg", new MatOfInt(Imgcodecs.IMWRITE_JPEG_QUALITY, quality));
        } finally {
            bgr.release();
        }
    }

    /** PNG bytes of a mask as 0/255 grey levels (the MVTec convention). */
    public byte[] encodeMaskPng(BinaryMask mask) {
        byte[] grey = new byte[mask.pixels().length];
        for (int i = 0; i < grey.length; i++) {
            grey[i] = (byte) (mask.pixels()[i] == 0 ? 0 : 255);
        }
        Mat m = new Mat(mask.height(), mask.width(), CvType.CV_8UC1);
        try {
            m.put(0, 0, grey);
            return encode(m, ".png", new MatOfInt(Imgcodecs.IMWRITE_PNG_COMPRESSION, 3));
        } finally {
            m.release();
        }
    }

    /** Writes {@code image} as PNG atomically (temporary file, then rename), creating parent folders. */
    public void writePng(Path file, RgbImage image) throws IOException {
        writeAtomically(file, encodePng(image));
    }

    /** Writes {@code image} as JPEG atomically. */
    public void writeJpeg(Path file, RgbImage image, int quality) throws IOException {
        writeAtomically(file, encodeJpeg(image, quality));
    }

    /** Writes {@code mask} as a 0/255 PNG atomically. */
    public void writeMaskPng(Path file, BinaryMask mask) throws IOException {
        writeAtomically(file, encodeMaskPng(mask));
    }

    /** Resizes with an explicit filter. A no-op copy when the size is unchanged. */
    public static RgbImage resize(RgbImage image, int width, int height, Interpolation interpolation) {
        checkSize(width, height);
        if (image.width() == width && image.height() == height) {
            return new RgbImage(width, height, image.pixels().clone());
        }
        OpenCv.ensureLoaded();
        Mat src = new Mat(image.height(), image.width(), CvType.CV_8UC3);
        Mat dst = new Mat();
        try {
            src.put(0, 0, image.pixels());
            Imgproc.resize(src, dst, new Size(width, height), 0, 0, interpolation.openCvFlag);
            return toRgb(dst);
        } finally {
            src.release();
            dst.release();
        }
    }

    /**
     * Resizes a mask with {@link Interpolation#NEAREST}, so it stays binary and samples exactly the source
     * pixels that the image resized with {@code NEAREST} samples.
     */
    public static BinaryMask resize(BinaryMask mask, int width, int height) {
        checkSize(width, height);
        OpenCv.ensureLoaded();
        Mat src = new Mat(mask.height(), mask.width(), CvType.CV_8UC1);
        Mat dst = new Mat();
        try {
            src.put(0, 0, mask.pixels());
            Imgproc.resize(src, dst, new Size(width, height), 0, 0, Interpolation.NEAREST.openCvFlag);
            byte[] out = new byte[width * height];
            dst.get(0, 0, out);
            return new BinaryMask(width, height, out);
        } finally {
            src.release();
            dst.release();
        }
    }

    /**
     * Planar float tensor data (C × H × W, C = 3, RGB order) for network input.
     *
     * @return {@code 3 * height * width} floats, channel 0 first
     */
    public static float[] toChw(RgbImage image, Normalization normalization) {
        int hw = image.width() * image.height();
        float[] chw = new float[3 * hw];
        byte[] p = image.pixels();
        for (int i = 0; i < hw; i++) {
            for (int c = 0; c < 3; c++) {
                chw[c * hw + i] = normalization.apply(p[i * 3 + c] & 0xff, c);
            }
        }
        return chw;
    }

    /** Inverse of {@link #toChw}: 3 × H × W floats back to an 8-bit image (rounded, clamped). */
    public static RgbImage fromChw(float[] chw, int width, int height, Normalization normalization) {
        int hw = width * height;
        if (chw.length != 3 * hw) {
            throw new IllegalArgumentException("expected 3*" + height + "*" + width + " = " + 3 * hw
                    + " floats, got " + chw.length);
        }
        byte[] p = new byte[3 * hw];
        for (int i = 0; i < hw; i++) {
            for (int c = 0; c < 3; c++) {
                p[i * 3 + c] = (byte) normalization.invert(chw[c * hw + i], c);
            }
        }
        return new RgbImage(width, height, p);
    }

    private void checkHeader(byte[] bytes, String source) throws ImageDecodeException {
        ImageHeader header = ImageHeader.probe(bytes, source);
        if (header.pixels() > maxPixels) {
            throw new ImageDecodeException(source, header.format().toUpperCase() + " declares "
                    + header.width() + "×" + header.height() + " = " + header.pixels()
                    + " pixels, over the limit of " + maxPixels + " (refused before decoding)");
        }
    }

    private static byte[] readBytes(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new ImageDecodeException(file.toString(), "no such file");
        }
        return Files.readAllBytes(file);
    }

    private static RgbImage toRgb(Mat rgb) {
        Mat m = rgb;
        if (!rgb.isContinuous()) {
            m = rgb.clone();
        }
        try {
            byte[] data = new byte[m.rows() * m.cols() * 3];
            m.get(0, 0, data);
            return new RgbImage(m.cols(), m.rows(), data);
        } finally {
            if (m != rgb) {
                m.release();
            }
        }
    }

    private static Mat toBgrMat(RgbImage image) {
        Mat m = new Mat(image.height(), image.width(), CvType.CV_8UC3);
        m.put(0, 0, image.pixels());
        Imgproc.cvtColor(m, m, Imgproc.COLOR_RGB2BGR);
        return m;
    }

    private static byte[] encode(Mat m, String ext, MatOfInt params) {
        MatOfByte buf = new MatOfByte();
        try {
            if (!Imgcodecs.imencode(ext, m, buf, params)) {
                throw new IllegalStateException("OpenCV failed to encode a " + m.cols() + "×" + m.rows()
                        + " image as " + ext);
            }
            return buf.toArray();
        } finally {
            buf.release();
            params.release();
        }
    }

    private static void writeAtomically(Path file, byte[] bytes) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path tmp = Files.createTempFile(parent, "." + file.getFileName(), ".tmp");
        try {
            Files.write(tmp, bytes);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void checkSize(int width, int height) {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("target size must be at least 1×1, got " + width + "×" + height);
        }
    }
}
