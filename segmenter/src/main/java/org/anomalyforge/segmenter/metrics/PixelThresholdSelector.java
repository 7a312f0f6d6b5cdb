package org.anomalyforge.segmenter.metrics;

import java.io.Serializable;
import java.util.Arrays;

/**
 * Chooses τ_pixel (§5.7): among the K + 1 edges of the §7.4 logit bins, as float probabilities τ_e =
 * σ(−20 + 40·e/K), the one maximising the mean per-image IoU of [p ≥ τ_e] over the validation defect
 * images; 0.5 when there are none. Normal images are ignored (they have no IoU).
 *
 * <p>Each edge is evaluated with the very float comparison the mask rule uses (§6.1), so the chosen
 * τ reproduces its validation IoU. Per image, each pixel is assigned the highest edge it reaches
 * (binary search over the sorted edges), suffix sums give TP(e) and FP(e), and IoU(e) = TP/(FP + P) is
 * added to a per-edge sum: O(H·W·log K + K) per image, O(K) memory. The mean IoU is usually flat over a
 * range of edges (no score falls between them); the choice is the middle edge of the first (lowest)
 * maximal run, which keeps τ away from the scores that bound the plateau.
 */
public final class PixelThresholdSelector implements Serializable {

    private static final long serialVersionUID = 1L;

    private final LogitBinning binning;
    private final float[] edges;
    private final double[] iouSums;
    private long defectImages;

    /** Creates a selector over the edges of {@code binning}. */
    public PixelThresholdSelector(LogitBinning binning) {
        if (binning == null) {
            throw new IllegalArgumentException("binning must not be null");
        }
        this.binning = binning;
        this.edges = new float[binning.binCount() + 1];
        for (int e = 0; e < edges.length; e++) {
            edges[e] = (float) binning.edgeProbability(e);
        }
        this.iouSums = new double[edges.length];
    }

    /** The candidate thresholds τ_e (non-decreasing; neighbours may round to the same float). */
    public float[] candidates() {
        return edges.clone();
    }

    /**
     * Adds one validation image (checked like {@link AnomalyMetricsAccumulator#update}); images with an
     * empty mask do not count.
     */
    public void update(float[] anomalyMap, byte[] gtMask, int width, int height) {
        int count = MetricInputs.pixelCount(width, height);
        MetricInputs.requireProbabilityMap("anomalyMap", anomalyMap, count);
        int defects = MetricInputs.requireBinaryMask("gtMask", gtMask, count);
        if (defects == 0) {
            return;
        }
        // positivesAt[e] / negativesAt[e]: pixels whose highest reached edge is e - 1 (index 0: below τ_0).
        long[] positivesAt = new long[edges.length + 1];
        long[] negativesAt = new long[edges.length + 1];
        for (int i = 0; i < count; i++) {
            int reached = highestEdgeReached(anomalyMap[i]) + 1;
            if (gtMask[i] == 1) {
                positivesAt[reached]++;
            } else {
                negativesAt[reached]++;
            }
        }
        long tp = 0;
        long fp = 0;
        for (int e = edges.length - 1; e >= 0; e--) {
            tp += positivesAt[e + 1];
            fp += negativesAt[e + 1];
            iouSums[e] += (double) tp / (fp + defects);
        }
        defectImages++;
    }

    /** Adds everything {@code other} accumulated; the binning must be equal. */
    public void merge(PixelThresholdSelector other) {
        if (other == null) {
            throw new IllegalArgumentException("other must not be null");
        }
        if (!other.binning.equals(binning)) {
            throw new IllegalArgumentException("other.binning must equal " + binning + ", got " + other.binning);
        }
        for (int e = 0; e < iouSums.length; e++) {
            iouSums[e] += other.iouSums[e];
        }
        defectImages += other.defectImages;
    }

    /** Forgets every image. */
    public void reset() {
        Arrays.fill(iouSums, 0.0);
        defectImages = 0;
    }

    /** The chosen τ_pixel and its mean validation IoU (NaN with threshold 0.5 when no defect image). */
    public ThresholdChoice compute() {
        if (defectImages == 0) {
            return new ThresholdChoice(0.5f, Double.NaN,
                    "no validation defect images: tauPixel = 0.5 (spec §5.7)");
        }
        int first = 0;
        for (int e = 1; e < iouSums.length; e++) {
            if (iouSums[e] > iouSums[first]) {
                first = e;
            }
        }
        int last = first;
        while (last + 1 < iouSums.length && iouSums[last + 1] == iouSums[first]) {
            last++;
        }
        int chosen = first + (last - first) / 2;
        return new ThresholdChoice(edges[chosen], iouSums[chosen] / defectImages,
                "max mean per-image IoU over " + defectImages + " validation defect images, among "
                        + edges.length + " logit-bin edges (middle of the first maximal run, edges " + first
                        + ".." + last + ")");
    }

    /** Largest e with edges[e] ≤ p, or −1 when p is below every edge. */
    private int highestEdgeReached(float p) {
        int lo = 0;
        int hi = edges.length - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (edges[mid] <= p) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found;
    }
}
