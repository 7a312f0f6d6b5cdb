package org.anomalyforge.segmenter.metrics;

import java.io.Serializable;

/**
 * Running sums for the three IoU figures of §7.2/§7.3, one image at a time (exact in both pixel modes):
 * the mean oracle IoU and the mean IoU@τ over anomalous images, and the pooled IoU@τ
 * = ΣTP/Σ(TP + FP + FN) over all images, normal ones included, so false alarms on good parts count.
 * Mergeable by adding the sums.
 */
final class IouStatistics implements Serializable {

    private static final long serialVersionUID = 1L;

    private final float threshold;
    private double oracleSum;
    private double strictSum;
    private long anomalousImages;
    private long pooledTp;
    private long pooledFp;
    private long pooledFn;

    IouStatistics(float threshold) {
        this.threshold = threshold;
    }

    /** Adds one validated image; {@code defectPixels} is the number of 1s in the mask. */
    void update(float[] anomalyMap, byte[] gtMask, int defectPixels) {
        SegmentationIou.Counts counts = SegmentationIou.countsAt(anomalyMap, gtMask, threshold);
        pooledTp += counts.tp();
        pooledFp += counts.fp();
        pooledFn += counts.fn();
        if (defectPixels > 0) {
            oracleSum += SegmentationIou.oracle(anomalyMap, gtMask);
            strictSum += counts.iou();
            anomalousImages++;
        }
    }

    void merge(IouStatistics other) {
        oracleSum += other.oracleSum;
        strictSum += other.strictSum;
        anomalousImages += other.anomalousImages;
        pooledTp += other.pooledTp;
        pooledFp += other.pooledFp;
        pooledFn += other.pooledFn;
    }

    void reset() {
        oracleSum = 0.0;
        strictSum = 0.0;
        anomalousImages = 0;
        pooledTp = 0;
        pooledFp = 0;
        pooledFn = 0;
    }

    /** Mean oracle IoU over anomalous images; NaN when there are none. */
    double oracleMean() {
        return anomalousImages == 0 ? Double.NaN : oracleSum / anomalousImages;
    }

    /** Mean IoU@τ over anomalous images; NaN when there are none. */
    double strictMean() {
        return anomalousImages == 0 ? Double.NaN : strictSum / anomalousImages;
    }

    /** Pooled IoU@τ; NaN when no pixel is predicted or GT-defective anywhere. */
    double pooledStrict() {
        return new SegmentationIou.Counts(pooledTp, pooledFp, pooledFn).iou();
    }
}
