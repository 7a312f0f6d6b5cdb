package org.anomalyforge.segmenter.inference;

import org.anomalyforge.ingest.image.ImageCodec;
import org.anomalyforge.ingest.image.Interpolation;
import org.anomalyforge.ingest.image.Normalization;
import org.anomalyforge.ingest.image.OpenCv;
import org.anomalyforge.ingest.image.RgbImage;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * The §4 frame resize to the network size, shared by training, validation and inference: OpenCV
 * {@code INTER_AREA} when shrinking, {@code INTER_LINEAR} when enlarging, no aspect preservation. A
 * resize that shrinks one axis and enlarges the other counts as enlarging (area would alias nothing, and
 * linear keeps the enlarged axis smooth). Masks are resized as floats with the same filter (§5.2 step 2).
 */
public final class FrameResizer {

    /** How the mode is recorded in {@code config.json}. */
    public static final String MODE = "opencv INTER_AREA when shrinking, INTER_LINEAR when enlarging";

    private FrameResizer() {
    }

    /** True iff resizing (w, h) → (tw, th) shrinks or keeps both axes. */
    public static boolean shrinks(int w, int h, int tw, int th) {
        return tw <= w && th <= h;
    }

    /** The image at tw×th (a copy when the size is unchanged). */
    public static RgbImage resize(RgbImage image, int tw, int th) {
        Interpolation filter = shrinks(image.width(), image.height(), tw, th) ? Interpolation.AREA
                : Interpolation.BILINEAR;
        return ImageCodec.resize(image, tw, th, filter);
    }

    /** The float mask at tw×th with the image's filter. */
    public static float[] resize(FloatMask mask, int tw, int th) {
        if (mask.width() == tw && mask.height() == th) {
            return mask.values().clone();
        }
        OpenCv.ensureLoaded();
        int flag = shrinks(mask.width(), mask.height(), tw, th) ? Imgproc.INTER_AREA : Imgproc.INTER_LINEAR;
        Mat src = new Mat(mask.height(), mask.width(), CvType.CV_32FC1);
        Mat dst = new Mat();
        try {
            src.put(0, 0, mask.values());
            Imgproc.resize(src, dst, new Size(tw, th), 0, 0, flag);
            float[] out = new float[tw * th];
            dst.get(0, 0, out);
            return out;
        } finally {
            src.release();
            dst.release();
        }
    }

    /**
     * The network input of one frame: resized to tw×th, ImageNet-normalised, planar.
     *
     * @return 3·th·tw floats (C×H×W)
     */
    public static float[] toInput(RgbImage frame, int tw, int th) {
        return ImageCodec.toChw(resize(frame, tw, th), Normalization.IMAGENET);
    }
}
