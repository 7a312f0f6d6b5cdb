package org.anomalyforge.trokens.sampling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.anomalyforge.trokens.tracks.QueryPoint;
import org.junit.jupiter.api.Test;

class PointSelectorTest {

    private static List<CandidateCluster> clusters(int... sizes) {
        List<CandidateCluster> out = new ArrayList<>();
        for (int c = 0; c < sizes.length; c++) {
            List<QueryPoint> points = new ArrayList<>();
            for (int i = 0; i < sizes[c]; i++) {
                points.add(new QueryPoint(c % 3, 10 * c + i, 50 - i));
            }
            out.add(new CandidateCluster(c, c % 3, points));
        }
        return out;
    }

    @Test
    void quotasFollowLargestRemainder() {
        assertArrayEquals(new int[] {3, 3, 2}, PointSelector.quotas(new int[] {16, 16, 4}, 8));
        assertArrayEquals(new int[] {3, 2}, PointSelector.quotas(new int[] {2, 1}, 5));
    }

    @Test
    void paddingDuplicatesComeLast() {
        PointSelection s = PointSelector.select(clusters(2, 1), 5, new SplitMix64(1));
        assertEquals(5, s.size());
        assertEquals(3, s.uniqueCount());
        assertArrayEquals(new boolean[] {false, false, false, true, true}, s.padding());
        Set<Integer> unique = new HashSet<>();
        for (int i = 0; i < 3; i++) {
            unique.add(s.source()[i]);
        }
        assertEquals(Set.of(0, 1, 2), unique);
        // cluster 0 has peak frame 0, cluster 1 peak frame 1: canonical order puts cluster 0 first
        assertArrayEquals(new int[] {0, 0, 1}, java.util.Arrays.copyOf(s.clusters(), 3));
        // within cluster 0, raster order: y = 49 (point 1) before y = 50 (point 0)
        assertEquals(1, s.source()[0]);
        assertEquals(0, s.source()[1]);
        // padding copies drawn points: one from cluster 0, one from cluster 1 (quota 3 vs 2 points, 2 vs 1)
        assertArrayEquals(new int[] {0, 1}, new int[] {s.clusters()[3], s.clusters()[4]});
        assertEquals(2, s.source()[4]);
    }

    @Test
    void moreClustersThanSlotsTakesOnePointFromEachOfMDistinctClusters() {
        PointSelection s = PointSelector.select(clusters(5, 5, 5, 5, 5, 5, 5, 5, 5, 5), 4, new SplitMix64(9));
        assertEquals(4, s.size());
        Set<Integer> distinct = new HashSet<>();
        for (int c : s.clusters()) {
            distinct.add(c);
        }
        assertEquals(4, distinct.size());
        for (boolean p : s.padding()) {
            assertFalse(p);
        }
        for (int i = 1; i < 4; i++) {
            int prev = s.points().get(i - 1).frame();
            assertTrue(prev <= s.points().get(i).frame(), "clusters ordered by peak frame");
        }
    }

    @Test
    void sameSeedSameSelectionAnotherStepAnother() {
        List<CandidateCluster> candidates = clusters(16, 16, 4, 9, 12);
        PointSelection a = PointSelector.select(candidates, 32, new SplitMix64(1));
        PointSelection b = PointSelector.select(candidates, 32, new SplitMix64(1));
        assertEquals(a, b);
        PointSelection step1 = PointSelector.select(candidates, 32, new SplitMix64(SplitMix64.mix(5, 1, 0)));
        PointSelection step2 = PointSelector.select(candidates, 32, new SplitMix64(SplitMix64.mix(5, 2, 0)));
        assertNotEquals(step1, step2);
        assertEquals(32, step1.size());
        assertEquals(32, step1.uniqueCount());
    }

    @Test
    void splitMixIsTheReferenceSequence() {
        // SplitMix64 with seed 0: first outputs of the reference implementation (Vigna)
        SplitMix64 rng = new SplitMix64(0);
        assertEquals(0xE220A8397B1DCDAFL, rng.nextLong());
        assertEquals(0x6E789E6AA1B965F4L, rng.nextLong());
        SplitMix64 bounded = new SplitMix64(3);
        for (int i = 0; i < 1000; i++) {
            int v = bounded.nextInt(7);
            assertTrue(v >= 0 && v < 7);
        }
    }
}
