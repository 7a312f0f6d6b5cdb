package org.anomalyforge.segmenter.metrics;

/**
 * Per-image IoU of an H×W probability map against its binary GT mask (§7.2, §7.3).
 * <ul>
 *   <li>{@link #oracle}: the SeaS/LFD per-image oracle, max over the image's distinct scores t of
 *       TP/(TP + FP + FN) = TP/(FP + P_img) for [p ≥ t]. It equals F1max_img/(2 − F1max_img).</li>
 *   <li>{@link #countsAt}: TP, FP and FN of [p ≥ τ] at one fixed threshold (IoU@τ).</li>
 * </ul>
 * Inputs are assumed validated by the caller ({@link AnomalyMetricsAccumulator}).
 */
public final class SegmentationIou {

    private SegmentationIou() {}

    /**
     * TP, FP and FN of the prediction [p ≥ τ].
     *
     * @param tp predicted and GT defect pixels
     * @param fp predicted defect pixels outside the GT
     * @param fn GT defect pixels not predicted
     */
    public record Counts(long tp, long fp, long fn) {

        /** TP/(TP + FP + FN); NaN when all three are 0. */
        public double iou() {
            long union = tp + fp + fn;
            return union == 0 ? Double.NaN : (double) tp / union;
        }
    }

    /** Counts of [p ≥ threshold] against the mask; map and mask have equal length. */
    public static Counts countsAt(float[] anomalyMap, byte[] gtMask, float threshold) {
        MetricInputs.requireSameLength("anomalyMap", anomalyMap.length, "gtMask", gtMask.length);
        long tp = 0;
        long fp = 0;
        long fn = 0;
        for (int i = 0; i < anomalyMap.length; i++) {
            boolean predicted = anomalyMap[i] >= threshold;
            boolean defect = gtMask[i] == 1;
            if (predicted && defect) {
                tp++;
            } else if (predicted) {
                fp++;
            } else if (defect) {
                fn++;
            }
        }
        return new Counts(tp, fp, fn);
    }

    /** The per-image oracle IoU; NaN when the mask is empty (such images do not enter the IoU means). */
    public static double oracle(float[] anomalyMap, byte[] gtMask) {
        MetricInputs.requireSameLength("anomalyMap", anomalyMap.length, "gtMask", gtMask.length);
        ExactScoreDistribution scores = new ExactScoreDistribution();
        for (int i = 0; i < anomalyMap.length; i++) {
            scores.add(anomalyMap[i], gtMask[i]);
        }
        return oracle(scores.tieGroups());
    }

    /** max over groups of TP/(FP + P) for groups of one image; NaN when P = 0. */
    static double oracle(TieGroups groups) {
        long p = groups.totalPositives();
        if (p == 0) {
            return Double.NaN;
        }
        double best = 0.0;
        long tp = 0;
        long fp = 0;
        for (int g = 0; g < groups.size(); g++) {
            tp += groups.positives[g];
            fp += groups.negatives[g];
            best = Math.max(best, (double) tp / (fp + p));
        }
        return best;
    }
}
