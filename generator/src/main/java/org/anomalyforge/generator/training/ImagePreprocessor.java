package org.anomalyforge.generator.training;

import org.anomalyforge.ingest.image.ImageCodec;
import org.anomalyforge.ingest.image.ImageDecodeException;
import org.anomalyforge.ingest.image.Interpolation;
import org.anomalyforge.ingest.image.Normalization;
import org.anomalyforge.ingest.image.RgbImage;

/**
 * seas.md §2.5: decode, resize the shorter side to S (area filter when shrinking, bilinear when enlarging; the
 * long side becomes ⌊S·long/short⌋), crop the centre S×S (top = round((H−S)/2)), normalise images to [−1, 1] and
 * masks to [0, 1]. Masks are read as {0, 1} when their maximum raw value is 1, else divided by 255, and resized
 * with the same filter (their 8-bit intermediate keeps fractional edges in steps of 1/255); they are not binarised.
 */
public final class ImagePreprocessor {

    private final int side;
    private final ImageCodec codec = ImageCodec.withDefaults();

    public ImagePreprocessor(int side) {
        if (side < 8) {
            throw new IllegalArgumentException("ImagePreprocessor.side must be >= 8, got " + side);
        }
        this.side = side;
    }

    /** S. */
    public int side() {
        return side;
    }

    /** Encoded image → [3, S, S] floats in [−1, 1] (C order). */
    public float[] image(byte[] encoded, String source) throws ImageDecodeException {
        return ImageCodec.toChw(geometry(codec.decode(encoded, source)), Normalization.MINUS_ONE_TO_ONE);
    }

    /** Encoded mask → [S, S] floats in [0, 1]. */
    public float[] mask(byte[] encoded, String source) throws ImageDecodeException {
        RgbImage raw = codec.decode(encoded, source);
        byte[] p = raw.pixels();
        int max = 0;
        for (int i = 0; i < p.length; i += 3) {
            max = Math.max(max, p[i] & 0xff);
        }
        int factor = max == 1 ? 255 : 1;                 // a {0, 1} mask is stretched to {0, 255}
        byte[] grey = new byte[p.length];
        for (int i = 0; i < p.length; i += 3) {
            byte v = (byte) ((p[i] & 0xff) * factor);
            grey[i] = v;
            grey[i + 1] = v;
            grey[i + 2] = v;
        }
        RgbImage cropped = geometry(new RgbImage(raw.width(), raw.height(), grey));
        float[] out = new float[side * side];
        byte[] q = cropped.pixels();
        for (int i = 0; i < out.length; i++) {
            out[i] = (q[3 * i] & 0xff) / 255f;
        }
        return out;
    }

    /** Resize the shorter side to S, then centre-crop S×S. */
    RgbImage geometry(RgbImage image) {
        int w = image.width();
        int h = image.height();
        int shortSide = Math.min(w, h);
        int newW = w <= h ? side : (int) Math.floor((double) side * w / h);
        int newH = h < w ? side : (int) Math.floor((double) side * h / w);
        Interpolation filter = shortSide > side ? Interpolation.AREA : Interpolation.BILINEAR;
        RgbImage resized = ImageCodec.resize(image, newW, newH, filter);
        int top = (int) Math.round((newH - side) / 2.0);
        int left = (int) Math.round((newW - side) / 2.0);
        byte[] src = resized.pixels();
        byte[] dst = new byte[side * side * 3];
        for (int y = 0; y < side; y++) {
            System.arraycopy(src, ((top + y) * newW + left) * 3, dst, y * side * 3, side * 3);
        }
        return new RgbImage(side, side, dst);
    }
}
