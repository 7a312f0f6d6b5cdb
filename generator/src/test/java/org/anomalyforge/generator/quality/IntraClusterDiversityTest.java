package org.anomalyforge.generator.quality;

import static org.anomalyforge.generator.quality.GreyDistance.greys;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class IntraClusterDiversityTest {
    private static final double EPS = 1e-15;

    private static ImageDistances distances(int[] real, int... generated) {
        return ImageDistances.compute(new GreyDistance(), greys(real), greys(generated));
    }

    /**
     * Real 0, 100, 200, 255. Generated 10, 20, 190, 120, 90, 30 join clusters 0, 0, 200, 100, 100, 0.
     * Cluster 0 = {10, 20, 30}: pairs 10, 20, 10 → 40/3; cluster 100 = {120, 90}: 30; cluster 200 = {190}: 0
     * (singleton); cluster 255 empty: 0. IC-D = (40/3 + 30)/255/4; over the three non-empty clusters /3.
     */
    @Test
    void clustersByNearestRealImageAndAveragesPairDistances() {
        IntraClusterDiversity.Result r = IntraClusterDiversity.compute(distances(new int[] {0, 100, 200, 255},
                10, 20, 190, 120, 90, 30));
        assertEquals(List.of(3, 2, 1, 0), r.clusterSizes());
        assertEquals(List.of(0, 0, 2, 1, 1, 0), r.assignment());
        assertEquals(40.0 / 3 / 255, r.clusterMeans().get(0), EPS);
        assertEquals(30.0 / 255, r.clusterMeans().get(1), EPS);
        assertEquals(0.0, r.clusterMeans().get(2));
        assertEquals(0.0, r.clusterMeans().get(3));
        assertEquals((40.0 / 3 + 30) / 255 / 4, r.icd(), EPS);
        assertEquals((40.0 / 3 + 30) / 255 / 3, r.icdNonEmptyClusters(), EPS);
        assertEquals(0, r.unassigned());
        assertEquals(140, r.cap());
    }

    /**
     * Cap 2, real 0 and 100, generated 10, 20, 30, 40, 60, 70 in that order: 10 and 20 fill cluster 0; 30 and 40
     * find it full and go to their next nearest, 100; 60 and 70 find both full and stay unassigned.
     */
    @Test
    void aFullClusterSendsAnImageToItsNextNearestAndAllFullLeavesItOut() {
        IntraClusterDiversity.Result r = IntraClusterDiversity.compute(distances(new int[] {0, 100},
                10, 20, 30, 40, 60, 70), 2);
        assertEquals(List.of(0, 0, 1, 1, -1, -1), r.assignment());
        assertEquals(List.of(2, 2), r.clusterSizes());
        assertEquals(2, r.unassigned());
        assertEquals(10.0 / 255, r.icd(), EPS);
        assertEquals(10.0 / 255, r.icdNonEmptyClusters(), EPS);
    }

    @Test
    void tiesGoToTheLowerReferenceAndNoGeneratedImagesGiveZeroAndNull() {
        assertEquals(List.of(0), IntraClusterDiversity.compute(distances(new int[] {0, 20}, 10)).assignment());
        IntraClusterDiversity.Result none = IntraClusterDiversity.compute(distances(new int[] {0, 20}));
        assertEquals(0.0, none.icd());
        assertNull(none.icdNonEmptyClusters());
        assertEquals(List.of(0, 0), none.clusterSizes());
    }

    @Test
    void refusesAnEmptyRealSetAndABadCap() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ImageDistances.compute(new GreyDistance(), List.of(), greys(1)));
        assertEquals("the reference set is empty: IC-D and memorisation need at least one real image", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> IntraClusterDiversity.compute(distances(new int[] {0}, 1), 0));
        assertEquals("cluster cap must be at least 1, got 0", e.getMessage());
    }

    @Test
    void worksOnAnExplicitMatrix() {
        ImageDistances d = ImageDistances.of("given", 2, new double[][] {{0.1, 0.5}, {0.2, 0.4}, {0.9, 0.3}},
                (i, j) -> 0.25 * (i + j));
        IntraClusterDiversity.Result r = IntraClusterDiversity.compute(d);
        assertEquals(List.of(0, 0, 1), r.assignment());
        assertEquals(0.25, r.clusterMeans().get(0), EPS);     // d(0, 1) = 0.25
        assertEquals(0.125, r.icd(), EPS);
        assertEquals(0.125, r.icdNonEmptyClusters(), EPS);
    }
}
