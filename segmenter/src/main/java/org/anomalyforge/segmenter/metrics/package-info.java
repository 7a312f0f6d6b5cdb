/**
 * Anomaly-detection metrics of the LFD segmenter, exactly as {@code shared/specs/lfd.md} §7 defines them.
 *
 * <p><b>Definitions (§7.2, §7.3).</b> Scores carry binary labels; the prediction at threshold t is
 * [s ≥ t] and the candidate thresholds are the distinct score values, so tied scores always fall on the
 * same side ({@link org.anomalyforge.segmenter.metrics.TieGroups}). {@link
 * org.anomalyforge.segmenter.metrics.Auroc} (= sklearn {@code roc_auc_score}, trapezoids, ties count ½),
 * {@link org.anomalyforge.segmenter.metrics.AveragePrecision} (= sklearn
 * {@code average_precision_score}, step sum, no interpolation), {@link
 * org.anomalyforge.segmenter.metrics.F1Max} (max 2TP/(TP + FP + P)), the SeaS/LFD per-image oracle IoU
 * and IoU@τ_pixel ({@link org.anomalyforge.segmenter.metrics.SegmentationIou}), and the MVTec
 * {@link org.anomalyforge.segmenter.metrics.Aupro} to FPR 0.3 over 8-connected GT regions
 * ({@link org.anomalyforge.segmenter.metrics.ConnectedComponents}). Image level uses pred_score vs
 * gt_label; pixel level pools the anomaly_map pixels of all images of a class against gt_mask.
 *
 * <p><b>Exact and streaming (§7.4).</b> {@link org.anomalyforge.segmenter.metrics.ExactScoreDistribution}
 * keeps every score (8 bytes each) and reproduces sklearn. {@link
 * org.anomalyforge.segmenter.metrics.BinnedScoreDistribution} keeps {@code long pos[K], neg[K]} over
 * K = 10,000 uniform bins of z = logit(p) in [−20, 20], the AUPRO mass per bin, and each bin's min/max
 * score, treats each bin as one tie group, and reports {@link
 * org.anomalyforge.segmenter.metrics.StreamingErrorBounds}; a bin holding a single distinct value is an
 * exact tie group and adds nothing to the bounds. Both are mergeable and serialisable as plain arrays.
 *
 * <p><b>Use.</b> {@link org.anomalyforge.segmenter.metrics.AnomalyMetricsAccumulator} takes one image at a
 * time ({@code update(predScore, gtLabel, anomalyMap, gtMask, width, height)}), merges across Spark
 * partitions and computes an {@link org.anomalyforge.segmenter.metrics.AnomalyMetrics} record per class;
 * {@link org.anomalyforge.segmenter.metrics.ClassMeans} averages classes and {@link
 * org.anomalyforge.segmenter.metrics.MetricsFormat} prints ×100 with two decimals. The thresholds of §5.7
 * come from {@link org.anomalyforge.segmenter.metrics.PixelThresholdSelector} (τ_pixel, mean per-image
 * IoU over the bin edges, 0.5 without defects) and {@link
 * org.anomalyforge.segmenter.metrics.ImageThresholdSelector} (τ_image, max image F1).
 *
 * <p><b>Undefined values.</b> Following §7.4, a class without positives or without negatives has NaN
 * AUROC and AP (F1-max is NaN only without positives; AUPRO without regions or negative pixels; the IoU
 * means without anomalous images). Every NaN comes with a warning in {@link
 * org.anomalyforge.segmenter.metrics.AnomalyMetrics#warnings()}, is printed "n/a" and is excluded from
 * the class mean with a warning.
 */
package org.anomalyforge.segmenter.metrics;
