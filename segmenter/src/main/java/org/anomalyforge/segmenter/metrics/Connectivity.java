package org.anomalyforge.segmenter.metrics;

/**
 * Pixel neighbourhood for connected-component labelling. AUPRO uses {@link #EIGHT} (the MVTec 3×3
 * structuring element, §7.3); {@link #FOUR} exists so tests can show the difference.
 */
public enum Connectivity {
    /** Edge neighbours only (up, down, left, right). */
    FOUR(new int[] {-1, 1, 0, 0}, new int[] {0, 0, -1, 1}),
    /** Edge and corner neighbours (3×3 structuring element). */
    EIGHT(new int[] {-1, -1, -1, 0, 0, 1, 1, 1}, new int[] {-1, 0, 1, -1, 1, -1, 0, 1});

    private final int[] rowOffsets;
    private final int[] colOffsets;

    Connectivity(int[] rowOffsets, int[] colOffsets) {
        this.rowOffsets = rowOffsets;
        this.colOffsets = colOffsets;
    }

    int neighbourCount() {
        return rowOffsets.length;
    }

    int rowOffset(int i) {
        return rowOffsets[i];
    }

    int colOffset(int i) {
        return colOffsets[i];
    }
}
