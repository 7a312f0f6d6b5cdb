package org.anomalyforge.segmenter.train;

/**
 * A training batch, packed for one {@code NDManager.create} each.
 *
 * @param inputs  size·3·H·W floats (N×C×H×W)
 * @param targets size·H·W bytes 0/1 (N×H×W)
 * @param size    number of samples N (the last batch of an epoch may be partial)
 */
public record Batch(float[] inputs, byte[] targets, int size) {

    /** Packs samples in order. */
    public static Batch of(java.util.List<PreparedSample> samples) {
        int n = samples.size();
        int in = samples.get(0).input().length;
        int px = samples.get(0).target().length;
        float[] inputs = new float[n * in];
        byte[] targets = new byte[n * px];
        for (int i = 0; i < n; i++) {
            System.arraycopy(samples.get(i).input(), 0, inputs, i * in, in);
            System.arraycopy(samples.get(i).target(), 0, targets, i * px, px);
        }
        return new Batch(inputs, targets, n);
    }
}
