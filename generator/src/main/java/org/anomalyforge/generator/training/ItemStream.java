package org.anomalyforge.generator.training;

import java.util.SplittableRandom;

/**
 * The item stream of seas.md §2.7. With A anomaly images and N normal images an epoch has L = max(A, N) items; item
 * i pairs anomaly i mod A with normal i mod N. The stream concatenates per-epoch random permutations of 0..L−1,
 * each seeded from (run seed, epoch), so position p of the stream is a pure function of (seed, A, N, p): a resumed
 * run continues exactly where it stopped. Micro-batches take consecutive items and never shrink.
 */
public final class ItemStream {

    /** One item: indices into the anomaly and normal lists. */
    public record Item(int anomaly, int normal) {
    }

    private final long seed;
    private final int anomalies;
    private final int normals;
    private final int epochLength;
    private long cachedEpoch = -1;
    private int[] cachedPermutation;

    public ItemStream(long seed, int anomalies, int normals) {
        if (anomalies < 1 || normals < 1) {
            throw new IllegalArgumentException("ItemStream needs at least one anomaly and one normal image, got "
                    + anomalies + " and " + normals);
        }
        this.seed = seed;
        this.anomalies = anomalies;
        this.normals = normals;
        this.epochLength = Math.max(anomalies, normals);
    }

    /** L = max(A, N). */
    public int epochLength() {
        return epochLength;
    }

    /** The item at stream position {@code position} (0-based over all epochs). */
    public Item item(long position) {
        if (position < 0) {
            throw new IllegalArgumentException("stream position must be >= 0, got " + position);
        }
        long epoch = position / epochLength;
        int i = permutation(epoch)[(int) (position % epochLength)];
        return new Item(i % anomalies, i % normals);
    }

    private int[] permutation(long epoch) {
        if (epoch != cachedEpoch) {
            SplittableRandom random = new SplittableRandom(seed ^ ((epoch + 1) * 0x9E3779B97F4A7C15L));
            int[] p = new int[epochLength];
            for (int i = 0; i < p.length; i++) {
                p[i] = i;
            }
            for (int i = p.length - 1; i > 0; i--) {                  // Fisher–Yates
                int j = random.nextInt(i + 1);
                int t = p[i];
                p[i] = p[j];
                p[j] = t;
            }
            cachedPermutation = p;
            cachedEpoch = epoch;
        }
        return cachedPermutation;
    }
}
