package org.anomalyforge.ingest.image;

import org.opencv.imgproc.Imgproc;

/** Resampling filter for {@link ImageCodec#resize}; always chosen explicitly, never defaulted. */
public enum Interpolation {
    NEAREST(Imgproc.INTER_NEAREST),
    BILINEAR(Imgproc.INTER_LINEAR),
    /** Pixel-area averaging; the right choice for large downscales. */
    AREA(Imgproc.INTER_AREA),
    BICUBIC(Imgproc.INTER_CUBIC);

    final int openCvFlag;

    Interpolation(int openCvFlag) {
        this.openCvFlag = openCvFlag;
    }
}
