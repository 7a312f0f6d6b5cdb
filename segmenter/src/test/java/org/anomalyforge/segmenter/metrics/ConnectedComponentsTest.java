package org.anomalyforge.segmenter.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Connected-component labelling on hand-made masks. */
class ConnectedComponentsTest {

    private static final byte[] MASK = {
        1, 1, 0, 0, 1,
        0, 1, 0, 1, 0,
        0, 0, 0, 0, 0,
        1, 0, 0, 1, 1,
        0, 1, 0, 1, 0};

    @Test
    void eightConnectivityJoinsDiagonalNeighbours() {
        ComponentLabels c = ConnectedComponents.label(MASK, 5, 5, Connectivity.EIGHT);
        assertEquals(4, c.count());
        assertArrayEquals(new int[] {
            1, 1, 0, 0, 2,
            0, 1, 0, 2, 0,
            0, 0, 0, 0, 0,
            3, 0, 0, 4, 4,
            0, 3, 0, 4, 0}, c.labels());
        assertArrayEquals(new int[] {3, 2, 2, 3}, c.sizes());
        assertEquals(2, c.regionSizeAt(4));
        assertEquals(0, c.regionSizeAt(2));
    }

    @Test
    void fourConnectivitySplitsDiagonalNeighbours() {
        ComponentLabels c = ConnectedComponents.label(MASK, 5, 5, Connectivity.FOUR);
        assertEquals(6, c.count());
        assertArrayEquals(new int[] {
            1, 1, 0, 0, 2,
            0, 1, 0, 3, 0,
            0, 0, 0, 0, 0,
            4, 0, 0, 5, 5,
            0, 6, 0, 5, 0}, c.labels());
        assertArrayEquals(new int[] {3, 1, 1, 1, 3, 1}, c.sizes());
    }

    @Test
    void floodFillFollowsAWindingShape() {
        // A U joined only through its bottom row, non-square (3 wide, 4 high).
        byte[] u = {
            1, 0, 1,
            1, 0, 1,
            1, 0, 1,
            1, 1, 1};
        ComponentLabels c = ConnectedComponents.label(u, 3, 4, Connectivity.FOUR);
        assertEquals(1, c.count());
        assertArrayEquals(new int[] {9}, c.sizes());
        assertEquals(0, ConnectedComponents.label(new byte[6], 3, 2, Connectivity.EIGHT).count());
    }

    @Test
    void rejectsNonBinaryMaskAndWrongLength() {
        byte[] bad = {0, 0, 0, (byte) 255};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ConnectedComponents.label(bad, 2, 2, Connectivity.EIGHT));
        assertEquals("mask[3] must be 0 or 1, got 255", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> ConnectedComponents.label(new byte[5], 2, 2, Connectivity.EIGHT));
        assertEquals("mask length must be width*height = 4, got 5", e.getMessage());
    }
}
