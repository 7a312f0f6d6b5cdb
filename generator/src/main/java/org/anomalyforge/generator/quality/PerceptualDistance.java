package org.anomalyforge.generator.quality;

import org.anomalyforge.ingest.image.RgbImage;

/**
 * A distance between two images for the diversity and memorisation measures of seas.md §11.2.
 *
 * <p>Contract: {@code d(a, b) ≥ 0}, {@code d(a, b) = d(b, a)} and {@code d(a, a) = 0}. Symmetry lets
 * {@link IntraClusterDiversity} evaluate each unordered pair once: the mean over ordered pairs i ≠ j equals
 * the mean over unordered pairs. The default is {@link MsSsimDistance}; a user-supplied network (LPIPS)
 * plugs in here.
 */
public interface PerceptualDistance {

    /** The name recorded in reports, e.g. {@code 1-MS-SSIM}. */
    String name();

    double distance(RgbImage a, RgbImage b);
}
