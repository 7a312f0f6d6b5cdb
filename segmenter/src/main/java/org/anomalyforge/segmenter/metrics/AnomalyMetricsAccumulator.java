package org.anomalyforge.segmenter.metrics;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Accumulates one class's evaluation, image by image, and computes the §7 metrics. A Spark job keeps
 * one accumulator per partition, {@link #merge}s them (the result does not depend on merge order up to
 * floating-point summation order of the IoU and AUPRO sums) and calls {@link #compute()} once; the class
 * is {@link Serializable}, and its histogram state is plain arrays ({@link BinnedScoreDistribution#state()}).
 *
 * <p>Per image: pred_score (the image score, §6.1), gt_label, anomaly_map (H×W probabilities, row-major)
 * and gt_mask (H×W bytes 0/1). Image scores are kept exactly; pixel scores exactly or in logit bins
 * ({@link MetricsConfig#pixelMode()}); IoUs exactly, one image at a time; GT regions for AUPRO are the
 * connected components of each mask. Not thread-safe.
 */
public final class AnomalyMetricsAccumulator implements Serializable {

    private static final long serialVersionUID = 1L;

    private final MetricsConfig config;
    private final ExactScoreDistribution imageScores = new ExactScoreDistribution();
    private final ScoreDistribution pixelScores;
    private final IouStatistics iou;
    private long images;
    private long anomalousImages;
    private long pixels;
    private long defectPixels;
    private long defectRegions;

    /** Creates an empty accumulator. */
    public AnomalyMetricsAccumulator(MetricsConfig config) {
        if (config == null) {
            throw new IllegalArgumentException("config must not be null");
        }
        this.config = config;
        this.pixelScores = config.pixelMode() == PixelMode.EXACT
                ? new ExactScoreDistribution()
                : new BinnedScoreDistribution(config.binning());
        this.iou = new IouStatistics(config.tauPixel());
    }

    /** The configuration. */
    public MetricsConfig config() {
        return config;
    }

    /**
     * Adds one image. All inputs are checked before any state changes.
     *
     * @param predScore image score (finite)
     * @param gtLabel true iff the image is anomalous; must agree with a non-empty {@code gtMask}
     * @param anomalyMap width·height probabilities in [0, 1], row-major
     * @param gtMask width·height values 0/1, row-major
     * @param width W
     * @param height H
     */
    public void update(float predScore, boolean gtLabel, float[] anomalyMap, byte[] gtMask, int width,
            int height) {
        int count = MetricInputs.pixelCount(width, height);
        MetricInputs.requireFiniteScore("predScore", predScore);
        MetricInputs.requireProbabilityMap("anomalyMap", anomalyMap, count);
        int defects = MetricInputs.requireBinaryMask("gtMask", gtMask, count);
        MetricInputs.requireLabelMatchesMask(gtLabel, defects);

        ComponentLabels regions = ConnectedComponents.label(gtMask, width, height, config.regionConnectivity());
        for (int i = 0; i < count; i++) {
            pixelScores.add(anomalyMap[i], regions.regionSizeAt(i));
        }
        imageScores.add(predScore, gtLabel ? 1 : 0);
        iou.update(anomalyMap, gtMask, defects);
        images++;
        anomalousImages += gtLabel ? 1 : 0;
        pixels += count;
        defectPixels += defects;
        defectRegions += regions.count();
    }

    /** Adds everything {@code other} accumulated; its configuration must be equal. */
    public void merge(AnomalyMetricsAccumulator other) {
        if (other == null) {
            throw new IllegalArgumentException("other must not be null");
        }
        if (!other.config.equals(config)) {
            throw new IllegalArgumentException("other.config must equal " + config + ", got " + other.config);
        }
        imageScores.merge(other.imageScores);
        pixelScores.merge(other.pixelScores);
        iou.merge(other.iou);
        images += other.images;
        anomalousImages += other.anomalousImages;
        pixels += other.pixels;
        defectPixels += other.defectPixels;
        defectRegions += other.defectRegions;
    }

    /** Forgets every image. */
    public void reset() {
        imageScores.reset();
        pixelScores.reset();
        iou.reset();
        images = 0;
        anomalousImages = 0;
        pixels = 0;
        defectPixels = 0;
        defectRegions = 0;
    }

    /** Number of images added so far. */
    public long imageCount() {
        return images;
    }

    /**
     * Computes all metrics. Undefined metrics are NaN with a warning each; in histogram mode the error
     * bounds are computed and any bound above 0.05 percentage points adds a warning.
     *
     * @throws IllegalStateException when no image was added
     */
    public AnomalyMetrics compute() {
        if (images == 0) {
            throw new IllegalStateException(
                    "compute() needs at least one image; none was added since creation or reset()");
        }
        List<String> warnings = new ArrayList<>();
        TieGroups imageGroups = imageScores.tieGroups();
        TieGroups pixelGroups = pixelScores.tieGroups();
        warnUndefined(warnings, "image", "anomalous images", "normal images", anomalousImages,
                images - anomalousImages);
        warnUndefined(warnings, "pixel", "defect pixels", "normal pixels", defectPixels, pixels - defectPixels);
        if (anomalousImages == 0) {
            warnings.add("iou and strictIou are n/a: no anomalous images (images with an empty GT mask do not"
                    + " enter the IoU means)");
        }
        double pooled = iou.pooledStrict();
        if (Double.isNaN(pooled)) {
            warnings.add("pooledStrictIou is n/a: no GT defect pixel and no pixel with p >= tauPixel "
                    + config.tauPixel());
        }
        double aupro = Aupro.compute(pixelGroups, defectRegions, config.fprLimit());
        StreamingErrorBounds bounds = config.pixelMode() == PixelMode.EXACT
                ? StreamingErrorBounds.ZERO
                : StreamingErrorBounds.of(pixelGroups, defectRegions, config.fprLimit());
        if (bounds.flagged()) {
            warnings.add(String.format(Locale.ROOT,
                    "streaming error bounds exceed %.2f pp (pixelAuroc %.4f pp, pixelAp %.4f pp, pixelF1Max"
                            + " %.4f pp, aupro %.4f pp): use PixelMode.EXACT or more bins than %d",
                    100 * StreamingErrorBounds.FLAG_LEVEL, 100 * bounds.pixelAuroc(), 100 * bounds.pixelAp(),
                    100 * bounds.pixelF1Max(), 100 * bounds.aupro(), config.binning().binCount()));
        }
        return new AnomalyMetrics(
                Auroc.compute(imageGroups), AveragePrecision.compute(imageGroups), F1Max.compute(imageGroups),
                Auroc.compute(pixelGroups), AveragePrecision.compute(pixelGroups), F1Max.compute(pixelGroups),
                iou.oracleMean(), iou.strictMean(), pooled, aupro, config.tauPixel(), config.pixelMode(),
                bounds, new EvaluationCounts(images, anomalousImages, pixels, defectPixels, defectRegions),
                warnings);
    }

    private static void warnUndefined(List<String> warnings, String level, String positiveName,
            String negativeName, long positives, long negatives) {
        if (positives == 0) {
            warnings.add(level + "Auroc, " + level + "Ap and " + level + "F1Max are n/a: no " + positiveName
                    + (level.equals("pixel") ? "; aupro is n/a: no GT regions" : ""));
        } else if (negatives == 0) {
            warnings.add(level + "Auroc and " + level + "Ap are n/a: no " + negativeName
                    + (level.equals("pixel") ? "; aupro is n/a: no GT-negative pixels" : ""));
        }
    }
}
