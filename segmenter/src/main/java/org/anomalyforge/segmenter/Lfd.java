package org.anomalyforge.segmenter;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.anomalyforge.ingest.image.ImageCodec;
import org.anomalyforge.ingest.image.RgbImage;
import org.anomalyforge.segmenter.inference.FrameResult;
import org.anomalyforge.segmenter.inference.LfdSegmenter;
import org.anomalyforge.segmenter.inference.LfdWorker;
import org.anomalyforge.segmenter.inference.MaskRule;
import org.anomalyforge.segmenter.inference.SegmenterCache;
import org.anomalyforge.segmenter.metrics.AnomalyMetrics;
import org.anomalyforge.segmenter.metrics.AnomalyMetricsAccumulator;
import org.anomalyforge.segmenter.metrics.MetricsConfig;
import org.anomalyforge.segmenter.train.LfdTrainer;

/**
 * The LFD facade for {@code jobs} (LFD spec §6.2): train into the model store, load a verified run,
 * evaluate it. Only plain Java types cross this boundary.
 */
public final class Lfd {

    /**
     * The JVM's loaded runs. JVM-wide on purpose: all Spark tasks of an executor must share one loaded
     * network per run (see {@link SegmenterCache}); the cache is synchronised and reference-counted.
     */
    private static final SegmenterCache SEGMENTERS = new SegmenterCache();

    private Lfd() {
    }

    /**
     * Trains LFD per §5 and commits the run; resumes automatically an unfinished staging run of the same
     * product with the same data and options. Concurrent calls in one JVM queue (one gradient collector per
     * JVM).
     *
     * @return where the run went and what was selected
     */
    public static TrainResult train(LfdTrainRequest request, TrainingProgress progress) throws IOException {
        return new LfdTrainer(request, progress).train();
    }

    /**
     * Opens a committed run: verifies every file against the manifest, then returns a lease on the network,
     * loaded once per run id + weights SHA-256 and shared by all leases. Close the lease when done.
     *
     * @throws IOException if verification fails (e.g. a tampered weights file) or the run is not LFD
     */
    public static LfdSegmenter load(Path runDir) throws IOException {
        Objects.requireNonNull(runDir, "runDir");
        return SEGMENTERS.acquire(runDir);
    }

    /**
     * Evaluates a segmenter on labelled images in exact mode (§7), at the segmenter's input size, with the
     * §5.2 mask rule and τ_pixel / τ_image from its config.
     *
     * @param batchSize images per forward, ≥ 1
     * @return overall metrics, per defect type (that type plus all good images), per-image scores
     */
    public static LfdEvaluation evaluate(LfdSegmenter segmenter, List<EvalImage> images, int batchSize)
            throws IOException {
        Objects.requireNonNull(segmenter, "segmenter");
        if (images == null || images.isEmpty()) {
            throw new IllegalArgumentException("images must not be empty");
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be ≥ 1, got " + batchSize);
        }
        int w = segmenter.config().inputWidth();
        int h = segmenter.config().inputHeight();
        MetricsConfig metricsConfig = MetricsConfig.exact(segmenter.config().tauPixel());
        AnomalyMetricsAccumulator overall = new AnomalyMetricsAccumulator(metricsConfig);
        Map<String, AnomalyMetricsAccumulator> perType = new TreeMap<>();
        for (EvalImage img : images) {
            if (!EvalImage.GOOD.equals(img.defectType())) {
                perType.computeIfAbsent(img.defectType(), t -> new AnomalyMetricsAccumulator(metricsConfig));
            }
        }
        ImageCodec codec = ImageCodec.withDefaults();
        List<ImageScore> scores = new ArrayList<>(images.size());
        try (LfdWorker worker = segmenter.newWorker(batchSize, false)) {
            for (int from = 0; from < images.size(); from += batchSize) {
                List<EvalImage> chunk = images.subList(from, Math.min(images.size(), from + batchSize));
                List<RgbImage> frames = new ArrayList<>(chunk.size());
                List<MaskRule.MaskTarget> targets = new ArrayList<>(chunk.size());
                for (EvalImage img : chunk) {
                    RgbImage frame = codec.decode(img.image(), img.id());
                    frames.add(frame);
                    targets.add(img.mask() == null ? new MaskRule.MaskTarget(new byte[w * h], false)
                            : MaskRule.target(img.mask(), img.id() + " (mask)", w, h));
                }
                List<FrameResult> results = worker.segment(frames);
                for (int i = 0; i < chunk.size(); i++) {
                    EvalImage img = chunk.get(i);
                    FrameResult r = results.get(i);
                    MaskRule.MaskTarget t = targets.get(i);
                    overall.update(r.score(), t.label(), r.anomalyMap(), t.pixels(), w, h);
                    for (Map.Entry<String, AnomalyMetricsAccumulator> e : perType.entrySet()) {
                        if (e.getKey().equals(img.defectType()) || EvalImage.GOOD.equals(img.defectType())) {
                            e.getValue().update(r.score(), t.label(), r.anomalyMap(), t.pixels(), w, h);
                        }
                    }
                    scores.add(new ImageScore(img.id(), img.defectType(), t.label(), r.score(), r.defect(),
                            r.defectAreaPx()));
                }
            }
        }
        Map<String, AnomalyMetrics> byType = new LinkedHashMap<>();
        perType.forEach((type, acc) -> byType.put(type, acc.compute()));
        return new LfdEvaluation(overall.compute(), byType, scores);
    }
}
