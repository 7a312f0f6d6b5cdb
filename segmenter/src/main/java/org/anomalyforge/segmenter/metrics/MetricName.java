package org.anomalyforge.segmenter.metrics;

import java.util.function.ToDoubleFunction;

/** The reported metrics, in report column order, each bound to its {@link AnomalyMetrics} field. */
public enum MetricName {
    IMAGE_AUROC("image AUROC", AnomalyMetrics::imageAuroc),
    IMAGE_AP("image AP", AnomalyMetrics::imageAp),
    IMAGE_F1_MAX("image F1-max", AnomalyMetrics::imageF1Max),
    PIXEL_AUROC("pixel AUROC", AnomalyMetrics::pixelAuroc),
    PIXEL_AP("pixel AP", AnomalyMetrics::pixelAp),
    PIXEL_F1_MAX("pixel F1-max", AnomalyMetrics::pixelF1Max),
    IOU("IoU (oracle)", AnomalyMetrics::iou),
    STRICT_IOU("IoU@tau", AnomalyMetrics::strictIou),
    POOLED_STRICT_IOU("pooled IoU@tau", AnomalyMetrics::pooledStrictIou),
    AUPRO("AUPRO@0.3", AnomalyMetrics::aupro);

    private final String label;
    private final ToDoubleFunction<AnomalyMetrics> field;

    MetricName(String label, ToDoubleFunction<AnomalyMetrics> field) {
        this.label = label;
        this.field = field;
    }

    /** Column heading for reports. */
    public String label() {
        return label;
    }

    /** This metric's value in {@code metrics} (NaN when undefined). */
    public double of(AnomalyMetrics metrics) {
        return field.applyAsDouble(metrics);
    }
}
