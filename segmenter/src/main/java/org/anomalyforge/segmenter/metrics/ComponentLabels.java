package org.anomalyforge.segmenter.metrics;

/**
 * Result of connected-component labelling of one H×W binary mask (row-major).
 *
 * @param labels per pixel, 0 for background and k ∈ [1, count] for the pixel's component; length H·W
 * @param sizes sizes[k − 1] = number of pixels of component k; length {@code count}
 * @param count number of components
 */
public record ComponentLabels(int[] labels, int[] sizes, int count) {

    /** Checks that the arrays are consistent with the count. */
    public ComponentLabels {
        if (labels == null || sizes == null) {
            throw new IllegalArgumentException("labels and sizes must not be null");
        }
        if (sizes.length != count) {
            throw new IllegalArgumentException("sizes length must equal count " + count + ", got " + sizes.length);
        }
    }

    /** Size of the component containing pixel i, or 0 for a background pixel. */
    public int regionSizeAt(int i) {
        int label = labels[i];
        return label == 0 ? 0 : sizes[label - 1];
    }
}
