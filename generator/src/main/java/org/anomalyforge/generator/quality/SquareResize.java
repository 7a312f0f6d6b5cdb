package org.anomalyforge.generator.quality;

import org.anomalyforge.ingest.image.ImageCodec;
import org.anomalyforge.ingest.image.Interpolation;
import org.anomalyforge.ingest.image.RgbImage;

/**
 * The resize every quality measure applies first (seas.md §11.2 step 1): to side × side, with OpenCV area averaging
 * when shrinking on both axes, else bilinear.
 */
public final class SquareResize {

    private SquareResize() {
    }

    public static RgbImage to(RgbImage image, int side) {
        boolean shrink = image.width() >= side && image.height() >= side;
        return ImageCodec.resize(image, side, side, shrink ? Interpolation.AREA : Interpolation.BILINEAR);
    }
}
