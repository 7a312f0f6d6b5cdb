package org.anomalyforge.segmenter.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Logit binning, exact packing, histogram state and merging. */
class ScoreDistributionTest {

    private final LogitBinning standard = LogitBinning.standard();

    @Test
    void logitBinsFollowTheSpec() {
        assertEquals(0, standard.binOf(0f));
        assertEquals(9_999, standard.binOf(1f));
        // z = 0 → (0 + 20)·10000/40 = 5000.
        assertEquals(5_000, standard.binOf(0.5f));
        // z = ln(0.9/0.1) = 2.1972 → floor(22.1972·250) = 5549.
        assertEquals(5_549, standard.binOf(0.9f));
        // z = ln(1e−12) ≈ −27.6 is clamped into bin 0.
        assertEquals(0, standard.binOf(1e-12f));
        assertEquals(0.5, standard.edgeProbability(5_000), 0.0);
        assertEquals(-20.0, standard.edgeLogit(0), 0.0);
        assertEquals(20.0, standard.edgeLogit(10_000), 0.0);
        assertEquals(0.004, standard.edgeLogit(5_001), 1e-12);
    }

    @Test
    void binningRejectsBadInput() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> standard.binOf(Float.NaN));
        assertEquals("p must be a probability in [0, 1], got NaN", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> standard.binOf(1.5f));
        assertEquals("p must be a probability in [0, 1], got 1.5", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new LogitBinning(1));
        assertEquals("binCount must be >= 2, got 1", e.getMessage());
    }

    @Test
    void exactPackingRoundTripsAndMerges() {
        ExactScoreDistribution a = new ExactScoreDistribution();
        a.add(0.25f, 0);
        a.add(-3.5f, 7);
        ExactScoreDistribution b = ExactScoreDistribution.fromPacked(a.toPacked());
        b.add(0.25f, 2);
        a.merge(b);
        assertEquals(5, a.count());
        TieGroups g = a.tieGroups();
        assertEquals(2, g.size());
        assertEquals(0.25, g.threshold(0), 0.0);
        assertEquals(1, g.positives(0));
        assertEquals(2, g.negatives(0));
        assertEquals(-3.5, g.threshold(1), 0.0);
        assertEquals(2, g.positives(1));
        // AUPRO mass: group 0 holds one pixel of a 2-pixel region, group 1 two pixels of 7-pixel regions.
        assertEquals(0.5, g.proMass[0], 0.0);
        assertEquals(2.0 / 7.0, g.proMass[1], 1e-15);
        a.reset();
        assertEquals(0, a.count());
    }

    @Test
    void exactRejectsBadInput() {
        ExactScoreDistribution d = new ExactScoreDistribution();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> d.add(Float.NaN, 0));
        assertEquals("score must be finite, got NaN", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> d.add(0.5f, -1));
        assertEquals("regionSize must be >= 0 (0 = negative), got -1", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> d.merge(new BinnedScoreDistribution(standard)));
        assertEquals("other must be an ExactScoreDistribution, got BinnedScoreDistribution", e.getMessage());
    }

    @Test
    void histogramStateRoundTripsAndMergeAddsCounts() {
        BinnedScoreDistribution a = new BinnedScoreDistribution(new LogitBinning(4));
        a.add(0.9f, 0);
        a.add(0.1f, 4);
        BinnedScoreDistribution b = BinnedScoreDistribution.fromState(a.state());
        b.add(0.9f, 1);
        a.merge(b);
        HistogramState s = a.state();
        // 4 bins of width 10 in z: 0.1 → z = −2.2 → bin 1; 0.9 → z = 2.2 → bin 2.
        // a = 2 × {0.9 negative, 0.1 in a 4-px region} + {0.9 in a 1-px region}.
        assertArrayEquals(new long[] {0, 2, 1, 0}, s.positives());
        assertArrayEquals(new long[] {0, 0, 2, 0}, s.negatives());
        assertArrayEquals(new double[] {0, 2 * 0.25, 1.0, 0}, s.proMass(), 0.0);
        assertEquals(0.9f, s.minScore()[2]);
        assertEquals(Float.POSITIVE_INFINITY, s.minScore()[0]);
        assertEquals(5, a.count());
    }

    @Test
    void histogramMergeRejectsOtherBinning() {
        BinnedScoreDistribution a = new BinnedScoreDistribution(new LogitBinning(4));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> a.merge(new BinnedScoreDistribution(new LogitBinning(8))));
        assertEquals("other.binning must equal LogitBinning[binCount=4], got LogitBinning[binCount=8]",
                e.getMessage());
    }
}
