package org.anomalyforge.segmenter.metrics;

import java.io.Serializable;
import java.util.List;

/**
 * The metrics of one class (product category), on the [0, 1] scale (§7.2, §7.3). A metric that is
 * undefined for this data (e.g. AUROC without normal images) is NaN, and {@code warnings} says why;
 * {@link MetricsFormat} prints NaN as "n/a".
 *
 * @param imageAuroc image AUROC over pred_score vs gt_label
 * @param imageAp image average precision
 * @param imageF1Max image F1-max
 * @param pixelAuroc pixel AUROC over the pooled anomaly_map pixels vs gt_mask
 * @param pixelAp pixel average precision
 * @param pixelF1Max pixel F1-max
 * @param iou SeaS/LFD per-image oracle IoU, averaged over anomalous images
 * @param strictIou IoU@τ_pixel, averaged over anomalous images
 * @param pooledStrictIou pooled IoU@τ_pixel over all images, normal ones included
 * @param aupro AUPRO up to the configured FPR limit (0.3), normalised by the limit
 * @param tauPixel the τ_pixel used for the strict IoUs
 * @param pixelMode how pixel scores were accumulated
 * @param errorBounds bounds on the binning error of the pixel metrics ({@link StreamingErrorBounds#ZERO}
 *     in exact mode)
 * @param counts what the evaluation saw
 * @param warnings undefined metrics and flagged error bounds, in plain words
 */
public record AnomalyMetrics(
        double imageAuroc,
        double imageAp,
        double imageF1Max,
        double pixelAuroc,
        double pixelAp,
        double pixelF1Max,
        double iou,
        double strictIou,
        double pooledStrictIou,
        double aupro,
        float tauPixel,
        PixelMode pixelMode,
        StreamingErrorBounds errorBounds,
        EvaluationCounts counts,
        List<String> warnings) implements Serializable {

    /** Copies the warnings into an immutable list. */
    public AnomalyMetrics {
        if (pixelMode == null || errorBounds == null || counts == null || warnings == null) {
            throw new IllegalArgumentException("pixelMode, errorBounds, counts and warnings must not be null");
        }
        warnings = List.copyOf(warnings);
    }
}
