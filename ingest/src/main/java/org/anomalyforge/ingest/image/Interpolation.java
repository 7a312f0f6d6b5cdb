package org.anomalyforge.ingest.image;

import org.opencv.imgproc.Imgproc;

/** Resampling filter for {@link ImageCodec#resize}; always chosen explicitly, never defaulted. */
public enum Interpolation {
    /** Pixel-centre sampling (OpenCV INTER_NEAREST_EXACT, as PIL); images and masks sample the same pixels. */
    NEAREST(Imgproc.INTER_NEAREST_EXACT),
    BILINEAR(Imgproc.INTER_LINEAR),
    /** Pixel-area averaging; the right choice for large downscales. */
    AREA(Imgproc.INTER_AREA),
    BICUBIC(Imgproc.INTER_CUBIC);

    final int openCvFlag;

    Interpolation(int openCvFlag) {
        this.openCvFlag = openCvFlag;
    }
}
