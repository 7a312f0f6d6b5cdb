package org.anomalyforge.segmenter.train;

import ai.djl.ndarray.NDManager;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.anomalyforge.segmenter.TrainingSample;
import org.anomalyforge.segmenter.inference.AnomalyMaps;
import org.anomalyforge.segmenter.inference.ImageScoreMode;
import org.anomalyforge.segmenter.inference.ImageScorer;
import org.anomalyforge.segmenter.lfd.LfdNet;
import org.anomalyforge.segmenter.metrics.AnomalyMetrics;
import org.anomalyforge.segmenter.metrics.AnomalyMetricsAccumulator;
import org.anomalyforge.segmenter.metrics.ImageThresholdSelector;
import org.anomalyforge.segmenter.metrics.LogitBinning;
import org.anomalyforge.segmenter.metrics.MetricsConfig;
import org.anomalyforge.segmenter.metrics.PixelThresholdSelector;
import org.anomalyforge.segmenter.metrics.ThresholdChoice;

/**
 * One §5.7 validation pass: eval-mode forwards over the validation samples in batches of B (decoded per
 * pass, so memory does not grow with the validation set), §7.2 metrics in exact mode, and the two
 * thresholds, τ_pixel with {@link PixelThresholdSelector} and τ_image with {@link ImageThresholdSelector}.
 * Computing the thresholds in every pass avoids reloading the selected weights for a second pass.
 */
final class Validator {

    private final List<TrainingSample> samples;
    private final SamplePreparer preparer;
    private final int batchSize;
    private final int width;
    private final int height;

    Validator(List<TrainingSample> samples, SamplePreparer preparer, int batchSize, int width, int height) {
        this.samples = samples;
        this.preparer = preparer;
        this.batchSize = batchSize;
        this.width = width;
        this.height = height;
    }

    /** Validates the network's current weights. */
    ValidationSummary run(LfdNet net, NDManager parent, int epoch) throws IOException {
        AnomalyMetricsAccumulator metrics = new AnomalyMetricsAccumulator(MetricsConfig.exact(0.5f));
        PixelThresholdSelector pixel = new PixelThresholdSelector(LogitBinning.standard());
        ImageThresholdSelector image = new ImageThresholdSelector();
        ImageScorer scorer = new ImageScorer(ImageScoreMode.MAX, width, height);
        int hw = width * height;
        for (int from = 0; from < samples.size(); from += batchSize) {
            List<PreparedSample> chunk = new ArrayList<>();
            for (int i = from; i < Math.min(samples.size(), from + batchSize); i++) {
                chunk.add(preparer.plain(samples.get(i)));
            }
            Batch batch = Batch.of(chunk);
            float[] maps = AnomalyMaps.probabilities(net, parent, batch.inputs(), batch.size(), height, width);
            for (int i = 0; i < chunk.size(); i++) {
                float[] map = java.util.Arrays.copyOfRange(maps, i * hw, (i + 1) * hw);
                byte[] target = chunk.get(i).target();
                boolean label = chunk.get(i).label();
                float score = scorer.score(map, 0);
                metrics.update(score, label, map, target, width, height);
                pixel.update(map, target, width, height);
                image.update(score, label);
            }
        }
        AnomalyMetrics m = metrics.compute();
        ThresholdChoice tauPixel = pixel.compute();
        ThresholdChoice tauImage = image.compute();
        return new ValidationSummary(epoch, m.pixelAp(), m.pixelAuroc(), m.imageAuroc(), m.imageAp(), m.iou(),
                m.aupro(), tauPixel.threshold(), tauPixel.objective(), tauImage.threshold(), tauImage.objective());
    }
}
