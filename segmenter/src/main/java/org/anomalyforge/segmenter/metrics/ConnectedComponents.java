package org.anomalyforge.segmenter.metrics;

import java.util.Arrays;

/**
 * Connected-component labelling of a binary byte mask (values 0/1, H×W row-major) by flood fill with an
 * explicit int stack, so it needs no recursion and at most H·W ints of extra memory. Components are
 * numbered 1, 2, … in raster order of their first pixel, as {@code scipy.ndimage.label} does.
 */
public final class ConnectedComponents {

    private ConnectedComponents() {}

    /**
     * Labels the components of {@code mask}.
     *
     * @param mask H·W values, each 0 or 1
     * @param width W
     * @param height H
     * @param connectivity which neighbours join a component
     * @return labels and component sizes
     */
    public static ComponentLabels label(byte[] mask, int width, int height, Connectivity connectivity) {
        int pixels = MetricInputs.pixelCount(width, height);
        MetricInputs.requireBinaryMask("mask", mask, pixels);
        if (connectivity == null) {
            throw new IllegalArgumentException("connectivity must not be null");
        }
        int[] labels = new int[pixels];
        int[] sizes = new int[4];
        int[] stack = new int[16];
        int count = 0;
        for (int start = 0; start < pixels; start++) {
            if (mask[start] == 0 || labels[start] != 0) {
                continue;
            }
            int label = ++count;
            labels[start] = label;
            int size = 0;
            int top = 0;
            stack[top++] = start;
            while (top > 0) {
                int pixel = stack[--top];
                size++;
                int row = pixel / width;
                int col = pixel % width;
                for (int i = 0; i < connectivity.neighbourCount(); i++) {
                    int r = row + connectivity.rowOffset(i);
                    int c = col + connectivity.colOffset(i);
                    if (r < 0 || r >= height || c < 0 || c >= width) {
                        continue;
                    }
                    int neighbour = r * width + c;
                    if (mask[neighbour] == 1 && labels[neighbour] == 0) {
                        labels[neighbour] = label;
                        if (top == stack.length) {
                            stack = Arrays.copyOf(stack, Math.min(pixels, 2 * stack.length));
                        }
                        stack[top++] = neighbour;
                    }
                }
            }
            if (count > sizes.length) {
                sizes = Arrays.copyOf(sizes, 2 * sizes.length);
            }
            sizes[count - 1] = size;
        }
        return new ComponentLabels(labels, Arrays.copyOf(sizes, count), count);
    }
}
