package org.anomalyforge.segmenter.metrics;

import java.util.Arrays;

/**
 * Streaming mode (§7.4): per bin of {@link LogitBinning}, the positive and negative counts
 * ({@code long pos[K], neg[K]}), the AUPRO mass and the smallest/largest score seen. Memory is fixed
 * (≈ 360 KB at K = 10,000) whatever the number of pixels; {@link #merge} adds the arrays, so Spark
 * partitions combine in any order. Each non-empty bin becomes one tie group whose threshold is the bin's
 * lower edge as a probability.
 */
public final class BinnedScoreDistribution implements ScoreDistribution {

    private static final long serialVersionUID = 1L;

    private final LogitBinning binning;
    private final long[] positives;
    private final long[] negatives;
    private final double[] proMass;
    private final float[] minScore;
    private final float[] maxScore;

    /** Creates an empty histogram over the given bins. */
    public BinnedScoreDistribution(LogitBinning binning) {
        if (binning == null) {
            throw new IllegalArgumentException("binning must not be null");
        }
        int k = binning.binCount();
        this.binning = binning;
        this.positives = new long[k];
        this.negatives = new long[k];
        this.proMass = new double[k];
        this.minScore = new float[k];
        this.maxScore = new float[k];
        clearExtremes();
    }

    /** Rebuilds a histogram from {@link #state()} output; the arrays are copied. */
    public static BinnedScoreDistribution fromState(HistogramState state) {
        if (state == null) {
            throw new IllegalArgumentException("state must not be null");
        }
        BinnedScoreDistribution histogram =
                new BinnedScoreDistribution(new LogitBinning(state.positives().length));
        for (int b = 0; b < state.positives().length; b++) {
            if (state.positives()[b] < 0 || state.negatives()[b] < 0) {
                throw new IllegalArgumentException(
                        "state counts must be >= 0, got positives[" + b + "]=" + state.positives()[b]
                                + ", negatives[" + b + "]=" + state.negatives()[b]);
            }
        }
        System.arraycopy(state.positives(), 0, histogram.positives, 0, histogram.positives.length);
        System.arraycopy(state.negatives(), 0, histogram.negatives, 0, histogram.negatives.length);
        System.arraycopy(state.proMass(), 0, histogram.proMass, 0, histogram.proMass.length);
        System.arraycopy(state.minScore(), 0, histogram.minScore, 0, histogram.minScore.length);
        System.arraycopy(state.maxScore(), 0, histogram.maxScore, 0, histogram.maxScore.length);
        return histogram;
    }

    /** The binning this histogram uses. */
    public LogitBinning binning() {
        return binning;
    }

    @Override
    public void add(float score, int regionSize) {
        ScoreDistribution.requireRegionSize(regionSize);
        int b = binning.binOf(score);
        if (regionSize == 0) {
            negatives[b]++;
        } else {
            positives[b]++;
            proMass[b] += 1.0 / regionSize;
        }
        float canonical = score + 0.0f;
        minScore[b] = Math.min(minScore[b], canonical);
        maxScore[b] = Math.max(maxScore[b], canonical);
    }

    @Override
    public void merge(ScoreDistribution other) {
        if (!(other instanceof BinnedScoreDistribution histogram)) {
            throw new IllegalArgumentException("other must be a BinnedScoreDistribution, got "
                    + (other == null ? "null" : other.getClass().getSimpleName()));
        }
        if (!histogram.binning.equals(binning)) {
            throw new IllegalArgumentException("other.binning must equal " + binning + ", got " + histogram.binning);
        }
        for (int b = 0; b < positives.length; b++) {
            positives[b] += histogram.positives[b];
            negatives[b] += histogram.negatives[b];
            proMass[b] += histogram.proMass[b];
            minScore[b] = Math.min(minScore[b], histogram.minScore[b]);
            maxScore[b] = Math.max(maxScore[b], histogram.maxScore[b]);
        }
    }

    @Override
    public void reset() {
        Arrays.fill(positives, 0L);
        Arrays.fill(negatives, 0L);
        Arrays.fill(proMass, 0.0);
        clearExtremes();
    }

    @Override
    public long count() {
        return Arrays.stream(positives).sum() + Arrays.stream(negatives).sum();
    }

    /** Copies of the state arrays, for shipping or saving. */
    public HistogramState state() {
        return new HistogramState(positives.clone(), negatives.clone(), proMass.clone(), minScore.clone(),
                maxScore.clone());
    }

    /** One group per non-empty bin, highest bin first; threshold = the bin's lower edge as a probability. */
    @Override
    public TieGroups tieGroups() {
        int groups = 0;
        for (int b = 0; b < positives.length; b++) {
            if (positives[b] + negatives[b] > 0) {
                groups++;
            }
        }
        double[] thresholds = new double[groups];
        long[] pos = new long[groups];
        long[] neg = new long[groups];
        double[] mass = new double[groups];
        boolean[] spread = new boolean[groups];
        int g = 0;
        for (int b = positives.length - 1; b >= 0; b--) {
            if (positives[b] + negatives[b] == 0) {
                continue;
            }
            // Bin 0 also holds p = 0 and everything clamped below Z_MIN: its threshold is 0, not σ(−20).
            thresholds[g] = b == 0 ? 0.0 : binning.edgeProbability(b);
            pos[g] = positives[b];
            neg[g] = negatives[b];
            mass[g] = proMass[b];
            spread[g] = minScore[b] < maxScore[b];
            g++;
        }
        return new TieGroups(thresholds, pos, neg, mass, spread);
    }

    private void clearExtremes() {
        Arrays.fill(minScore, Float.POSITIVE_INFINITY);
        Arrays.fill(maxScore, Float.NEGATIVE_INFINITY);
    }
}
