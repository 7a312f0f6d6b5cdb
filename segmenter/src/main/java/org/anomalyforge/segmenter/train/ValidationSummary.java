package org.anomalyforge.segmenter.train;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one validation pass (§5.7, exact mode) measured, kept in {@code trainer-state.json} and the manifest.
 * NaN marks a metric undefined for the validation set (e.g. image AUROC without normal images).
 *
 * @param epoch       1-based epoch after which validation ran
 * @param pixelAp     pixel AP, the selection criterion
 * @param pixelAuroc  pixel AUROC
 * @param imageAuroc  image AUROC
 * @param imageAp     image AP
 * @param iou         per-image oracle IoU
 * @param aupro       AUPRO@0.3
 * @param tauPixel    τ_pixel (max mean per-image IoU over the §7.4 bin edges; 0.5 without defect images)
 * @param tauPixelIou the mean IoU τ_pixel reaches
 * @param tauImage    τ_image (max image F1)
 * @param tauImageF1  the F1 τ_image reaches
 */
public record ValidationSummary(int epoch, double pixelAp, double pixelAuroc, double imageAuroc, double imageAp,
                                double iou, double aupro, float tauPixel, double tauPixelIou, float tauImage,
                                double tauImageF1) {

    /** True iff this result should replace {@code best}: higher pixel AP, ties to the later epoch; NaN loses. */
    public boolean beats(ValidationSummary best) {
        if (best == null) {
            return true;
        }
        if (Double.isNaN(pixelAp)) {
            return Double.isNaN(best.pixelAp);
        }
        return Double.isNaN(best.pixelAp) || pixelAp >= best.pixelAp;
    }

    /** The finite values as manifest metrics, prefixed {@code val.}. */
    public Map<String, Double> asMetrics() {
        Map<String, Double> m = new LinkedHashMap<>();
        put(m, "val.pixel_ap", pixelAp);
        put(m, "val.pixel_auroc", pixelAuroc);
        put(m, "val.image_auroc", imageAuroc);
        put(m, "val.image_ap", imageAp);
        put(m, "val.iou", iou);
        put(m, "val.aupro", aupro);
        put(m, "val.tau_pixel", tauPixel);
        put(m, "val.tau_pixel_iou", tauPixelIou);
        put(m, "val.tau_image", tauImage);
        put(m, "val.tau_image_f1", tauImageF1);
        m.put("selected_epoch", (double) epoch);
        return m;
    }

    private static void put(Map<String, Double> m, String key, double v) {
        if (Double.isFinite(v)) {
            m.put(key, v);
        }
    }
}
