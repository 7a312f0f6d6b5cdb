package org.anomalyforge.segmenter;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.anomalyforge.segmenter.metrics.AnomalyMetrics;

/**
 * The §7 metrics of one evaluation.
 *
 * @param overall       metrics over all images
 * @param perDefectType per defect type: that type's images plus all good images (so AUROC is defined);
 *                      sorted by type name, without {@code "good"}
 * @param scores        one entry per image, in input order
 */
public record LfdEvaluation(AnomalyMetrics overall, Map<String, AnomalyMetrics> perDefectType,
                            List<ImageScore> scores) {

    /** Copies the collections. */
    public LfdEvaluation {
        perDefectType = Collections.unmodifiableMap(new TreeMap<>(perDefectType));
        scores = List.copyOf(scores);
    }
}
