package org.anomalyforge.generator.quality;

import org.anomalyforge.ingest.image.RgbImage;

/**
 * An image embedding network (seas.md §11.2, "Pluggable network"): Inception-v3 pool features for IS and KID.
 * No implementation ships, because no weights can be downloaded; without a user-supplied network the report
 * states IS and KID as "n/a" instead of approximating them.
 */
public interface FeatureNet {

    /** The name recorded in reports, with the SHA-256 of the user's network file. */
    String name();

    /** The feature vector of one image; every call returns the same length. */
    float[] features(RgbImage image);
}
