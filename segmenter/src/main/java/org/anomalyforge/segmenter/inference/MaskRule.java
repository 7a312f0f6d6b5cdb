package org.anomalyforge.segmenter.inference;

import org.anomalyforge.ingest.image.ImageDecodeException;
import org.anomalyforge.ingest.image.ImageHeader;
import org.anomalyforge.ingest.image.OpenCv;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.Core;
import org.opencv.imgcodecs.Imgcodecs;

/**
 * The one mask rule of LFD spec §5.2, for training targets, validation and test alike.
 * <ol>
 *   <li>decode to [0, 1]: a mask whose maximum raw value is 1 is read as {0, 1}; otherwise 8-bit values are
 *       divided by 255 and 16-bit values by 65535 (colour masks are converted to grey first);</li>
 *   <li>resize as floats with the §4 image filter ({@link FrameResizer}) and any geometric augmentation;</li>
 *   <li>defect ⇔ value ≥ 0.5;</li>
 *   <li>tiny-defect rule: if the source region has a defect but step 3 leaves none, the pixel(s) with the
 *       maximal resized value are marked (only when that maximum is above 0, so a crop that removed the
 *       defect marks nothing);</li>
 *   <li>image label = the source mask has a defect pixel (value ≥ 0.5 after step 1).</li>
 * </ol>
 */
public final class MaskRule {

    /** How the rule is recorded in {@code config.json}. */
    public static final String NAME = "ge-0.5-after-float-resize+tiny-defect (LFD spec 5.2)";

    private static final long MAX_MASK_PIXELS = 40_000_000L;

    private MaskRule() {
    }

    /**
     * Step 1.
     *
     * @param bytes  PNG/JPEG/BMP bytes (8- or 16-bit, grey or colour)
     * @param source name for error messages
     */
    public static FloatMask decode(byte[] bytes, String source) throws ImageDecodeException {
        ImageHeader header = ImageHeader.probe(bytes, source);
        if (header.pixels() > MAX_MASK_PIXELS) {
            throw new ImageDecodeException(source, "mask declares " + header.pixels() + " pixels, over the limit of "
                    + MAX_MASK_PIXELS);
        }
        OpenCv.ensureLoaded();
        Mat raw = Imgcodecs.imdecode(new MatOfByte(bytes), Imgcodecs.IMREAD_GRAYSCALE | Imgcodecs.IMREAD_ANYDEPTH);
        Mat f = new Mat();
        try {
            if (raw.empty()) {
                throw new ImageDecodeException(source, "OpenCV could not decode the mask data (corrupt or truncated)");
            }
            double max = Core.minMaxLoc(raw).maxVal;
            double scale = max <= 1.0 ? 1.0 : raw.depth() == CvType.CV_16U ? 1.0 / 65535.0 : 1.0 / 255.0;
            raw.convertTo(f, CvType.CV_32F, scale);
            float[] values = new float[raw.rows() * raw.cols()];
            f.get(0, 0, values);
            return new FloatMask(raw.cols(), raw.rows(), values);
        } finally {
            raw.release();
            f.release();
        }
    }

    /**
     * Steps 3–4 on an already resized (and possibly augmented) float mask.
     *
     * @param resized         row-major values in [0, 1]
     * @param sourceHasDefect whether the source region mapped into {@code resized} has a defect pixel
     * @return 0/1 bytes, same length
     */
    public static byte[] binarise(float[] resized, boolean sourceHasDefect) {
        byte[] out = new byte[resized.length];
        boolean any = false;
        float max = 0f;
        for (int i = 0; i < resized.length; i++) {
            if (resized[i] >= FloatMask.DEFECT_THRESHOLD) {
                out[i] = 1;
                any = true;
            }
            max = Math.max(max, resized[i]);
        }
        if (sourceHasDefect && !any && max > 0f) {
            for (int i = 0; i < resized.length; i++) {
                if (resized[i] == max) {
                    out[i] = 1;
                }
            }
        }
        return out;
    }

    /**
     * Steps 1–5 without augmentation: the target at tw×th and the image label.
     *
     * @return the binary target and label
     */
    public static MaskTarget target(byte[] bytes, String source, int tw, int th) throws ImageDecodeException {
        FloatMask mask = decode(bytes, source);
        boolean label = mask.hasDefect();
        return new MaskTarget(binarise(FrameResizer.resize(mask, tw, th), label), label);
    }

    /**
     * A binarised target.
     *
     * @param pixels 0/1 bytes, row-major, at the network size
     * @param label  image label (§5.2 step 5)
     */
    public record MaskTarget(byte[] pixels, boolean label) {
    }
}
