package org.anomalyforge.trokens.train;

import java.util.List;

/**
 * One N-way K-shot episode: clip indices into the sampler's clip list, class-major.
 *
 * @param classes the N class names; episode label {@code i} is {@code classes.get(i)}
 * @param support {@code [N][K]} support clip indices
 * @param query   {@code [N][Q]} query clip indices, disjoint from the support
 */
public record Episode(List<String> classes, int[][] support, int[][] query) {

    public Episode {
        classes = List.copyOf(classes);
    }

    /** N. */
    public int way() {
        return classes.size();
    }

    /** Support clip indices in class-major order ({@code N·K}). */
    public int[] supportOrder() {
        return flatten(support);
    }

    /** Query clip indices in class-major order ({@code N·Q}). */
    public int[] queryOrder() {
        return flatten(query);
    }

    /** Episode label of each query in {@link #queryOrder()}. */
    public int[] queryLabels() {
        int[] out = new int[queryOrder().length];
        int i = 0;
        for (int c = 0; c < query.length; c++) {
            for (int k = 0; k < query[c].length; k++) {
                out[i++] = c;
            }
        }
        return out;
    }

    private static int[] flatten(int[][] rows) {
        return java.util.Arrays.stream(rows).flatMapToInt(java.util.Arrays::stream).toArray();
    }
}
