package org.anomalyforge.jobs.experiment;

/**
 * One trained and evaluated segmenter of the experiment: the held-out metrics over all defect types (lfd.md §7).
 *
 * @param arm        which training data
 * @param seed       the segmenter's seed
 * @param runDir     the LFD run in the model store
 * @param imageAuroc image AUROC in %
 * @param pixelAp    pixel AP in %
 * @param iou        mean best-threshold IoU over anomalous test images in % (SeaS protocol)
 * @param withinStratumImageAuroc image AUROC in % over good–defective pairs of the same stratum
 *                   ({@code --strata}); null when not asked for, NaN when no stratum holds both labels
 * @param seconds    wall time of this invocation for the run: training and evaluation, or less when reused
 */
public record ArmResult(Arm arm, long seed, String runDir, double imageAuroc, double pixelAp, double iou,
                        Double withinStratumImageAuroc, double seconds) {
}
