package org.anomalyforge.trokens.sampling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class TemporalUnionTest {

    @Test
    void sequentialRuleRejectsNearDuplicateOfJustAddedCentroid() {
        double[][] frame0 = {{1, 0, 0}, {0, 1, 0}};
        double[][] frame1 = {{0.9, 0.1, 0}, {0, 0, 1}, {0.5, 0.5, 0.1}, {0, 0.1, 1}};
        double[][] kept = TemporalUnion.DEFAULT.union(List.of(frame0, frame1));
        assertEquals(3, kept.length);
        assertArrayEquals(new double[] {1, 0, 0}, kept[0], 0);
        assertArrayEquals(new double[] {0, 1, 0}, kept[1], 0);
        assertArrayEquals(new double[] {0, 0, 1}, kept[2], 0);
        // against the set as it stood before frame 1, (0, 0.1, 1) would have been added too
        double maxVsFrame0 = Math.max(Cosine.similarity(frame1[3], frame0[0]), Cosine.similarity(frame1[3], frame0[1]));
        assertEquals(0.0995, maxVsFrame0, 1e-4);
    }

    @Test
    void assignmentUsesHighestCosineAndDropsUnusedCentroids() {
        double[][] centroids = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}, {-1, -1, -1}};
        double[][] patches = {{0.1, 0.2, 0.9}, {1, 0.1, 0}, {0.2, 1, 0}, {0, 0, 2}};
        SemanticClusters clusters = CentroidAssignment.assign(List.<double[][]>of(patches), centroids, 2);
        assertEquals(3, clusters.clusters());
        assertArrayEquals(new int[] {2, 0, 1, 2}, clusters.labels()[0]);
        assertArrayEquals(new int[] {0, 0, 0}, clusters.peakFrames());
        assertArrayEquals(new int[] {1, 1, 2}, clusters.peakCounts());
    }
}
