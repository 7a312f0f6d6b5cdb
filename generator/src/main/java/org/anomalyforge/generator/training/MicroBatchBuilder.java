package org.anomalyforge.generator.training;

import java.util.Arrays;
import org.anomalyforge.generator.prompts.PromptSet;
import org.anomalyforge.generator.prompts.TokenPositions;
import org.anomalyforge.generator.sampling.SeededNoise;
import org.anomalyforge.generator.tokenizer.Tokenizer;

/**
 * Builds stage-1 micro-batches from the item stream (seas.md §2.6, §2.7, §4.3, §7.6). Micro-batch g takes stream
 * items b·g … b·g + b − 1; each item draws one rotation and one flip (stream AUGMENTATION of g) applied to the
 * anomaly image, its mask and the paired normal image; each of the 2b prompts is dropped to {@code ""} with
 * probability p (stream PROMPT_DROPOUT of g).
 *
 * <p>The DA token columns are derived from the token ids, not hard-coded: for every type the positions of ob1 and
 * its four sks tokens in the encoded UA prompt are found and checked to be 2 and 4..7 (§4.3).
 */
public final class MicroBatchBuilder {

    private final TrainingData data;
    private final ItemStream items;
    private final TrainingStreams streams;
    private final int b;
    private final boolean augment;
    private final double promptDropout;
    private final long[][] typePromptIds;
    private final long[] normalIds;
    private final long[] emptyIds;
    private final int[] daTokens;

    public MicroBatchBuilder(TrainingData data, Tokenizer tokenizer, PromptSet prompts, TrainingStreams streams,
            long seed, int anomaliesPerBatch, boolean augment, double promptDropout) {
        if (anomaliesPerBatch < 1) {
            throw new IllegalArgumentException("anomaliesPerBatch must be >= 1, got " + anomaliesPerBatch);
        }
        if (!(promptDropout >= 0 && promptDropout < 1)) {
            throw new IllegalArgumentException("promptDropout must be in [0, 1), got " + promptDropout);
        }
        this.data = data;
        this.items = new ItemStream(seed, data.anomalies().size(), data.normals().size());
        this.streams = streams;
        this.b = anomaliesPerBatch;
        this.augment = augment;
        this.promptDropout = promptDropout;
        this.typePromptIds = new long[prompts.typeCount()][];
        int[] columns = null;
        for (int k = 0; k < prompts.typeCount(); k++) {
            typePromptIds[k] = toLong(tokenizer.encode(prompts.prompt(k).text()));
            TokenPositions pos = prompts.positions(k, tokenizer);
            int[] cols = new int[1 + pos.anomalyPositions().size()];
            cols[0] = pos.normalPosition();
            for (int j = 0; j < pos.anomalyPositions().size(); j++) {
                cols[j + 1] = pos.anomalyPositions().get(j);
            }
            if (columns != null && !Arrays.equals(columns, cols)) {
                throw new IllegalStateException("type " + k + " has token positions " + Arrays.toString(cols)
                        + ", type 0 has " + Arrays.toString(columns));
            }
            columns = cols;
        }
        prompts.normalPositions(tokenizer);                   // checks ob1 at 2 in "a ob1" (§4.3)
        this.daTokens = columns;
        this.normalIds = toLong(tokenizer.encode(PromptSet.NORMAL_PROMPT));
        this.emptyIds = toLong(tokenizer.encode(PromptSet.UNCONDITIONAL_PROMPT));
    }

    /** The DA tap's token columns: ob1 position, then the four anomaly positions (2, 4, 5, 6, 7). */
    public int[] daTokens() {
        return daTokens.clone();
    }

    /** The item stream (for tests). */
    public ItemStream items() {
        return items;
    }

    /** Micro-batch {@code index}. */
    public MicroBatch build(long index) {
        int side = data.side();
        int image = 3 * side * side;
        int plane = side * side;
        int ctx = normalIds.length;
        float[] pixels = new float[2 * b * image];
        float[] masks = new float[b * plane];
        long[] ids = new long[2 * b * ctx];
        int[] types = new int[b];
        boolean[] dropped = new boolean[2 * b];
        String[] keys = new String[2 * b];
        SeededNoise aug = streams.stream(1, index, TrainingStreams.Purpose.AUGMENTATION);
        SeededNoise drop = streams.stream(1, index, TrainingStreams.Purpose.PROMPT_DROPOUT);
        for (int i = 0; i < 2 * b; i++) {
            dropped[i] = promptDropout > 0 && drop.nextUniform() < promptDropout;
        }
        for (int i = 0; i < b; i++) {
            ItemStream.Item item = items.item(index * b + i);
            Dihedral d = augment ? new Dihedral(aug.nextInt(4), aug.nextInt(3)) : Dihedral.IDENTITY;
            TrainingData.Anomaly a = data.anomalies().get(item.anomaly());
            System.arraycopy(d.apply(a.image(), 3, side), 0, pixels, i * image, image);
            System.arraycopy(d.apply(a.mask(), 1, side), 0, masks, i * plane, plane);
            System.arraycopy(d.apply(data.normals().get(item.normal()), 3, side), 0, pixels, (b + i) * image, image);
            types[i] = a.typeIndex();
            keys[i] = "a" + item.anomaly() + "/" + d.rotation() + d.flip();
            keys[b + i] = "n" + item.normal() + "/" + d.rotation() + d.flip();
            System.arraycopy(dropped[i] ? emptyIds : typePromptIds[a.typeIndex()], 0, ids, i * ctx, ctx);
            System.arraycopy(dropped[b + i] ? emptyIds : normalIds, 0, ids, (b + i) * ctx, ctx);
        }
        return new MicroBatch(index, pixels, ids, masks, types, dropped, keys);
    }

    private static long[] toLong(int[] v) {
        return Arrays.stream(v).asLongStream().toArray();
    }
}
