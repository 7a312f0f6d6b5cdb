package org.anomalyforge.generator.quality;

import java.util.Arrays;
import java.util.List;
import org.anomalyforge.ingest.image.BinaryMask;
import org.anomalyforge.ingest.image.ImageCodec;
import org.anomalyforge.ingest.image.OpenCv;
import org.anomalyforge.ingest.image.RgbImage;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Point;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * One PNG grid of generated images for review: every image resized to {@code tile}², its mask drawn on it
 * (defect pixels blended 50 % towards red, the mask outline solid red, every other pixel untouched) and a label
 * band below it with the seed.
 *
 * <p>Layout: {@code columns} tiles per row, {@value #GAP} px of dark grey between and around tiles, each tile
 * {@code tile} px wide and {@code tile + }{@value #LABEL} px tall. Sheet size: width = columns·(tile + GAP) +
 * GAP, height = rows·(tile + LABEL + GAP) + GAP with rows = ⌈n / columns⌉.
 */
public final class ContactSheet {
    public static final int GAP = 2;
    public static final int LABEL = 14;
    private static final int BACKGROUND = 40;
    private static final int FONT = Imgproc.FONT_HERSHEY_PLAIN;

    private final int columns;
    private final int tile;

    /**
     * @param columns tiles per row, at least 1
     * @param tile    side of each image on the sheet, in 32..1024
     */
    public ContactSheet(int columns, int tile) {
        if (columns < 1) {
            throw new IllegalArgumentException("contact sheet columns must be at least 1, got " + columns);
        }
        if (tile < 32 || tile > 1024) {
            throw new IllegalArgumentException("contact sheet tile side must be in 32..1024, got " + tile);
        }
        this.columns = columns;
        this.tile = tile;
    }

    /** The sheet as PNG bytes. */
    public byte[] png(List<GeneratedSample> samples, ImageCodec codec) {
        return codec.encodePng(render(samples));
    }

    /** The sheet as an image; at least one sample. */
    public RgbImage render(List<GeneratedSample> samples) {
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("a contact sheet needs at least one generated image");
        }
        int cols = Math.min(columns, samples.size());
        int rows = (samples.size() + cols - 1) / cols;
        int width = cols * (tile + GAP) + GAP;
        int height = rows * (tile + LABEL + GAP) + GAP;
        byte[] sheet = new byte[width * height * 3];
        Arrays.fill(sheet, (byte) BACKGROUND);
        OpenCv.ensureLoaded();
        Mat mat = new Mat(height, width, CvType.CV_8UC3);
        try {
            for (int k = 0; k < samples.size(); k++) {
                GeneratedSample s = samples.get(k);
                int x0 = GAP + (k % cols) * (tile + GAP);
                int y0 = GAP + (k / cols) * (tile + LABEL + GAP);
                RgbImage shown = overlay(resized(s.image()), ImageCodec.resize(s.mask(), tile, tile));
                for (int y = 0; y < tile; y++) {
                    System.arraycopy(shown.pixels(), y * tile * 3, sheet, ((y0 + y) * width + x0) * 3, tile * 3);
                }
                for (int y = y0 + tile; y < y0 + tile + LABEL; y++) {
                    Arrays.fill(sheet, (y * width + x0) * 3, (y * width + x0 + tile) * 3, (byte) 0);
                }
            }
            mat.put(0, 0, sheet);
            for (int k = 0; k < samples.size(); k++) {
                int x0 = GAP + (k % cols) * (tile + GAP);
                int y0 = GAP + (k / cols) * (tile + LABEL + GAP);
                label(mat, "seed " + samples.get(k).seed(), x0, y0 + tile);
            }
            mat.get(0, 0, sheet);
            return new RgbImage(width, height, sheet);
        } finally {
            mat.release();
        }
    }

    /**
     * The review overlay of one image: mask pixels on the mask's outline (a 4-neighbour outside the mask or the
     * image border) become pure red; other mask pixels are blended 50 % towards red; the rest is unchanged.
     */
    public static RgbImage overlay(RgbImage image, BinaryMask mask) {
        if (image.width() != mask.width() || image.height() != mask.height()) {
            throw new IllegalArgumentException("mask " + mask.width() + "×" + mask.height() + " does not match image "
                    + image.width() + "×" + image.height());
        }
        RgbImage out = new RgbImage(image.width(), image.height(), image.pixels().clone());
        for (int y = 0; y < image.height(); y++) {
            for (int x = 0; x < image.width(); x++) {
                if (!mask.get(x, y)) {
                    continue;
                }
                if (outline(mask, x, y)) {
                    out.set(x, y, 255, 0, 0);
                } else {
                    out.set(x, y, (image.get(x, y, 0) + 255) / 2, image.get(x, y, 1) / 2, image.get(x, y, 2) / 2);
                }
            }
        }
        return out;
    }

    private RgbImage resized(RgbImage image) {
        return SquareResize.to(image, tile);
    }

    /** White text in the black band below a tile, scaled down until it fits the band. */
    private void label(Mat sheet, String text, int x0, int bandTop) {
        int[] baseline = new int[1];
        Size size = Imgproc.getTextSize(text, FONT, 1.0, 1, baseline);
        double scale = Math.min(1.0, Math.min((tile - 4) / size.width, (LABEL - 4) / size.height));
        Mat band = sheet.submat(bandTop, bandTop + LABEL, x0, x0 + tile);
        try {
            Imgproc.putText(band, text, new Point(2, LABEL - 3), FONT, scale, new Scalar(255, 255, 255), 1,
                    Imgproc.LINE_8);
        } finally {
            band.release();
        }
    }

    private static boolean outline(BinaryMask m, int x, int y) {
        return x == 0 || y == 0 || x == m.width() - 1 || y == m.height() - 1
                || !m.get(x - 1, y) || !m.get(x + 1, y) || !m.get(x, y - 1) || !m.get(x, y + 1);
    }
}
