package org.anomalyforge.generator.training;

/**
 * One stage-1 micro-batch (seas.md §2.7): 2b images [anom₁ … anom_b, norm₁ … norm_b] with their prompts, the b
 * masks, and per sample whether its prompt was dropped to {@code ""} (§7.6).
 *
 * @param index      micro-batch index in the run (keys its random streams)
 * @param pixels     [2b, 3, S, S] in [−1, 1], C order
 * @param tokenIds   [2b, 77] prompt ids (UA prompts, then {@code a ob1}; {@code ""} where dropped)
 * @param masks      [b, S, S] in [0, 1]
 * @param typeIndex  defect type of each anomaly sample
 * @param dropped    per sample (2b) whether the prompt was replaced by {@code ""}
 * @param latentKeys per sample a key of (image, augmentation) for the frozen-encoder cache
 */
public record MicroBatch(long index, float[] pixels, long[] tokenIds, float[] masks, int[] typeIndex,
        boolean[] dropped, String[] latentKeys) {

    /** b. */
    public int anomalyCount() {
        return typeIndex.length;
    }

    /** Indices of the anomaly samples whose prompt was kept (they feed the DA loss). */
    public int[] keptAnomalies() {
        return java.util.stream.IntStream.range(0, typeIndex.length).filter(i -> !dropped[i]).toArray();
    }
}
