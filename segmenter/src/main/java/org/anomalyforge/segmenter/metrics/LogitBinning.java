package org.anomalyforge.segmenter.metrics;

import java.io.Serializable;

/**
 * The fixed bins of §7.4: {@code binCount} uniform bins on z = logit(p) over [−20, 20] (default 10,000,
 * width 0.004), with values outside clamped into the end bins, p = 0 → bin 0 and p = 1 → the last bin.
 * Binning on z rather than p keeps the saturated background of a trained LFD (p near 0) apart from
 * missed defect pixels; the transform is monotone, so rank metrics are unchanged.
 *
 * @param binCount number of bins K (≥ 2)
 */
public record LogitBinning(int binCount) implements Serializable {

    /** Lower end of the binned logit range. */
    public static final double Z_MIN = -20.0;
    /** Upper end of the binned logit range. */
    public static final double Z_MAX = 20.0;
    /** The spec's K. */
    public static final int DEFAULT_BIN_COUNT = 10_000;

    /** Validates the bin count. */
    public LogitBinning {
        if (binCount < 2) {
            throw new IllegalArgumentException("binCount must be >= 2, got " + binCount);
        }
    }

    /** The spec's binning, K = 10,000. */
    public static LogitBinning standard() {
        return new LogitBinning(DEFAULT_BIN_COUNT);
    }

    /** Bin of probability p: floor((z − Z_MIN)·K/(Z_MAX − Z_MIN)) with z = ln(p/(1−p)) in double, clamped. */
    public int binOf(float p) {
        MetricInputs.requireProbability("p", p);
        if (p == 0f) {
            return 0;
        }
        if (p == 1f) {
            return binCount - 1;
        }
        double z = Math.log((double) p / (1.0 - p));
        double position = Math.floor((z - Z_MIN) * binCount / (Z_MAX - Z_MIN));
        return (int) Math.max(0, Math.min(binCount - 1, position));
    }

    /** Logit of edge e (0 ≤ e ≤ K): Z_MIN + e·(Z_MAX − Z_MIN)/K; edge b is the lower edge of bin b. */
    public double edgeLogit(int edge) {
        if (edge < 0 || edge > binCount) {
            throw new IllegalArgumentException("edge must be in [0, " + binCount + "], got " + edge);
        }
        return Z_MIN + edge * (Z_MAX - Z_MIN) / binCount;
    }

    /** Edge e as a probability, σ(edgeLogit(e)), in double. */
    public double edgeProbability(int edge) {
        return 1.0 / (1.0 + Math.exp(-edgeLogit(edge)));
    }
}
