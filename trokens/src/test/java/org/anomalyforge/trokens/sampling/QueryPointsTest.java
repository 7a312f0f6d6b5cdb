package org.anomalyforge.trokens.sampling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class QueryPointsTest {

    /** 8 clustering frames of a 16×16 grid: cluster 3 covers 4×4 patches at frame 5, 2×2 elsewhere. */
    private static SemanticClusters clusters() {
        int[][] labels = new int[8][256];
        for (int f = 0; f < 8; f++) {
            int side = f == 5 ? 4 : 2;
            for (int i = 0; i < 256; i++) {
                int row = i / 16;
                int col = i % 16;
                labels[f][i] = row >= 6 && row < 6 + side && col >= 3 && col < 3 + side ? 3 : (row < 8 ? 0 : (col < 8 ? 1 : 2));
            }
        }
        return SemanticClusters.fromAssignments(labels, 16, 4);
    }

    @Test
    void peakFrameIsWhereTheClusterCoversMostPatches() {
        SemanticClusters c = clusters();
        assertEquals(4, c.clusters());
        assertEquals(5, c.peakFrames()[3]);
        assertEquals(16, c.peakCounts()[3]);
        assertEquals(0, c.peakFrames()[0]);
    }

    @Test
    void sixteenDistinctPointsInsideTheMaskAndDeterministic() {
        SemanticClusters c = clusters();
        int[][] pixels = MaskPointSampler.maskPixels(c.mask(3, 5), 16, 64, 64);
        assertEquals(256, pixels.length);
        int[][] first = MaskPointSampler.DEFAULT.sample(pixels, new SplitMix64(7));
        int[][] second = MaskPointSampler.DEFAULT.sample(pixels, new SplitMix64(7));
        assertEquals(16, first.length);
        Set<Integer> distinct = new HashSet<>();
        for (int i = 0; i < first.length; i++) {
            assertArrayEquals(first[i], second[i]);
            int x = first[i][0];
            int y = first[i][1];
            // cluster 3 at frame 5 is patches rows 6..9, cols 3..6 → pixels x 12..27, y 24..39 at 64×64
            assertTrue(x >= 12 && x <= 27 && y >= 24 && y <= 39, "point (" + x + ", " + y + ") outside mask");
            distinct.add(y * 64 + x);
        }
        assertEquals(16, distinct.size());
    }

    @Test
    void maskMembershipUsesPixelCentres() {
        boolean[] mask = new boolean[4];
        mask[0] = true;
        // 5 px wide, 2 cells: pixel x belongs to col floor((x+0.5)·2/5): x = 0, 1 → col 0; x = 2 → col 1 (2.5·2/5 = 1)
        int[][] pixels = MaskPointSampler.maskPixels(mask, 2, 5, 2);
        assertEquals(2, pixels.length);
        assertArrayEquals(new int[] {0, 0}, pixels[0]);
        assertArrayEquals(new int[] {1, 0}, pixels[1]);
    }

    @Test
    void smallMaskContributesAllItsPixels() {
        boolean[] one = new boolean[256];
        one[0] = true;
        // 48×48 frame: each patch is 3×3 pixels
        int[][] pixels = MaskPointSampler.maskPixels(one, 16, 48, 48);
        assertEquals(9, pixels.length);
        assertEquals(9, MaskPointSampler.DEFAULT.sample(pixels, new SplitMix64(1)).length);
    }

    @Test
    void subsampledFitStillGivesSixteenDistinctPoints() {
        boolean[] all = new boolean[256];
        java.util.Arrays.fill(all, true);
        int[][] pixels = MaskPointSampler.maskPixels(all, 16, 128, 96);
        assertEquals(12288, pixels.length);
        int[][] points = MaskPointSampler.DEFAULT.sample(pixels, new SplitMix64(3));
        Set<Integer> distinct = new HashSet<>();
        for (int[] p : points) {
            distinct.add(p[1] * 128 + p[0]);
        }
        assertEquals(16, distinct.size());
    }

    @Test
    void kmeansModeDropsEmptyClusters() {
        double[][] frame = new double[256][];
        for (int i = 0; i < 256; i++) {
            frame[i] = i < 100 ? new double[] {1, 0} : new double[] {0, 1};
        }
        SemanticPointSampler sampler = new SemanticPointSampler(
                SemanticSamplerConfig.defaults().withMode(SamplingMode.KMEANS));
        SemanticClusters c = sampler.kmeans(java.util.List.of(frame, frame), 16);
        assertEquals(2, c.clusters());
        assertEquals(c.labels()[0][0], c.labels()[1][99]);
        assertTrue(c.labels()[0][0] != c.labels()[0][100]);
    }
}
