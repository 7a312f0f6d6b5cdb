package org.anomalyforge.generator.quality;

import org.anomalyforge.ingest.image.RgbImage;

/**
 * A {@link PerceptualDistance} whose per-image work (resizing, pyramids, filtered statistics, network features)
 * can be done once per image and reused for every pair that image takes part in. {@link ImageDistances} uses
 * it when present: n images cost n preparations instead of one per pair.
 *
 * @param <P> the prepared form of one image; must be immutable so pairs can be evaluated in parallel
 */
public interface PreparedDistance<P> extends PerceptualDistance {

    P prepare(RgbImage image);

    double distance(P a, P b);

    @Override
    default double distance(RgbImage a, RgbImage b) {
        return distance(prepare(a), prepare(b));
    }
}
