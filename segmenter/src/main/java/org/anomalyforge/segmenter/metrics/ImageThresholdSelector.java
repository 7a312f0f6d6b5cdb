package org.anomalyforge.segmenter.metrics;

import java.io.Serializable;

/**
 * Chooses τ_image (§5.7): the threshold maximising validation image F1 over the distinct pred_score
 * values, the prediction being [pred_score ≥ τ]. Among equal F1 the lowest threshold wins, as in
 * anomalib's F1AdaptiveThreshold. Accumulates like a metric (update / merge / reset / compute).
 */
public final class ImageThresholdSelector implements Serializable {

    private static final long serialVersionUID = 1L;

    private final ExactScoreDistribution scores = new ExactScoreDistribution();

    /** Adds one validation image. */
    public void update(float predScore, boolean gtLabel) {
        MetricInputs.requireFiniteScore("predScore", predScore);
        scores.add(predScore, gtLabel ? 1 : 0);
    }

    /** Adds everything {@code other} accumulated. */
    public void merge(ImageThresholdSelector other) {
        if (other == null) {
            throw new IllegalArgumentException("other must not be null");
        }
        scores.merge(other.scores);
    }

    /** Forgets every image. */
    public void reset() {
        scores.reset();
    }

    /**
     * The F1-maximising threshold.
     *
     * @throws IllegalStateException when no anomalous validation image was added (F1 is undefined, and a
     *     silent default would hide a broken validation split)
     */
    public ThresholdChoice compute() {
        TieGroups groups = scores.tieGroups();
        if (groups.totalPositives() == 0) {
            throw new IllegalStateException(
                    "tauImage needs at least one anomalous validation image (gtLabel true), got 0 of "
                            + scores.count() + " images");
        }
        F1Max.Point best = F1Max.best(groups);
        return new ThresholdChoice((float) best.threshold(), best.f1(),
                "max validation image F1 over distinct pred_score values (lowest threshold among ties)");
    }
}
