package org.anomalyforge.trokens.sampling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class BipartiteMergerTest {

    private static final double[][] EXAMPLE = {
        {1, 0, 0}, {1, 0, 0.2}, {0, 1, 0}, {0, 1, 0.1}, {0, 0, 1}, {0.3, 0, 1}, {1, 1, 1}, {-1, -1, -1}};

    private final BipartiteMerger merger = new BipartiteMerger(0.25, 1);

    @Test
    void bestMatchScoresOfWorkedExample() {
        assertEquals(0.99504, Cosine.similarity(EXAMPLE[2], EXAMPLE[3]), 1e-5);
        assertEquals(0.98058, Cosine.similarity(EXAMPLE[0], EXAMPLE[1]), 1e-5);
        assertEquals(0.95783, Cosine.similarity(EXAMPLE[4], EXAMPLE[5]), 1e-5);
        assertEquals(0.71890, Cosine.similarity(EXAMPLE[6], EXAMPLE[5]), 1e-5);
    }

    @Test
    void threeRoundsOfWorkedExample() {
        double[][] r1 = merger.mergeRound(EXAMPLE);
        assertSequence(new double[][] {{0, 0, 1}, {1, 1, 1}, {1, 0, 0.1}, {0, 1, 0.05}, {0.3, 0, 1}, {-1, -1, -1}}, r1);
        double[][] r2 = merger.mergeRound(r1);
        assertSequence(new double[][] {{1, 0, 0.1}, {0, 0, 1}, {0.65, 0.5, 1}, {0, 1, 0.05}, {-1, -1, -1}}, r2);
        double[][] r3 = merger.mergeRound(r2);
        assertSequence(new double[][] {{1, 0, 0.1}, {-1, -1, -1}, {0.325, 0.25, 1}, {0, 1, 0.05}}, r3);
    }

    @Test
    void elevenRoundsReduce256TokensTo12() {
        SplitMix64 rng = new SplitMix64(42);
        double[][] tokens = new double[256][8];
        for (double[] t : tokens) {
            for (int i = 0; i < t.length; i++) {
                t[i] = rng.nextDouble() * 2 - 1;
            }
        }
        int[] expected = {256, 192, 144, 108, 81, 61, 46, 35, 27, 21, 16, 12};
        double[][] seq = tokens;
        assertEquals(expected[0], seq.length);
        for (int round = 1; round <= 11; round++) {
            seq = merger.mergeRound(seq);
            assertEquals(expected[round], seq.length, "after round " + round);
        }
        double[][] direct = BipartiteMerger.DEFAULT.merge(tokens);
        assertEquals(12, direct.length);
        for (int i = 0; i < 12; i++) {
            assertArrayEquals(seq[i], direct[i], 0.0);
        }
    }

    private static void assertSequence(double[][] expected, double[][] actual) {
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            assertArrayEquals(expected[i], actual[i], 1e-6, "token " + i);
        }
    }
}
