package org.anomalyforge.generator.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.anomalyforge.ingest.tensor.ScalarOps;

/**
 * Computes exactly what {@link DefaultAttentionProcessor} computes (same ops, same chunking, so the output is
 * identical) and records the attention maps of every call.
 *
 * <p>Records the token-softmax probabilities [B·H, N, M] and, if key columns were requested, the spatial-softmax
 * maps P[n, l] = exp(q_n·k_l·s) / Σ_n' exp(q_n'·k_l·s) for those columns l only, [B, H, N, T] (seas.md §7.4:
 * each column's spatial softmax is independent of the other columns). One instance per layer; not thread-safe;
 * {@link #clear()} between forward passes.
 */
public final class CapturingAttentionProcessor implements AttentionProcessor {

    private final String layerName;
    private final int[] spatialColumns;
    private final long maxScoreElements;
    private final List<AttentionCapture> captures = new ArrayList<>();

    /**
     * @param layerName      dotted name of the layer this instance serves (recorded in each capture)
     * @param spatialColumns key (token) columns whose spatial-softmax maps to record; may be empty
     */
    public CapturingAttentionProcessor(String layerName, int... spatialColumns) {
        this(layerName, AttentionMath.DEFAULT_MAX_SCORE_ELEMENTS, spatialColumns);
    }

    /** As above with an explicit bound on scores held at once (an array, not varargs, to avoid ambiguity). */
    public CapturingAttentionProcessor(String layerName, long maxScoreElements, int[] spatialColumns) {
        if (maxScoreElements <= 0) {
            throw new IllegalArgumentException("maxScoreElements must be > 0, got " + maxScoreElements);
        }
        for (int c : spatialColumns) {
            if (c < 0) {
                throw new IllegalArgumentException("spatialColumns must be >= 0, got " + Arrays.toString(spatialColumns));
            }
        }
        this.layerName = layerName;
        this.maxScoreElements = maxScoreElements;
        this.spatialColumns = spatialColumns.clone();
    }

    @Override
    public NDArray process(Attention layer, ParameterStore ps, NDArray hidden, NDArray context, boolean training) {
        NDArray source = context == null ? hidden : context;
        int heads = layer.heads();
        NDArray q = AttentionMath.splitHeads(layer.toQ().forward(ps, hidden, training), heads);
        NDArray k = AttentionMath.splitHeads(layer.toK().forward(ps, source, training), heads);
        NDArray v = AttentionMath.splitHeads(layer.toV().forward(ps, source, training), heads);
        NDList chunks = new NDList();
        NDArray o = AttentionMath.attend(q, k, v, layer.scale(), null, maxScoreElements, chunks::add);
        NDArray probs = chunks.size() == 1 ? chunks.get(0) : NDArrays.concat(chunks, 2);
        long b = probs.getShape().get(0);
        long n = probs.getShape().get(2);
        long m = probs.getShape().get(3);
        NDArray flat = probs.reshape(b * heads, n, m);
        captures.add(new AttentionCapture(layerName, heads, flat, spatialMaps(q, k, layer.scale())));
        return layer.toOut().forward(ps, AttentionMath.mergeHeads(o), training);
    }

    private NDArray spatialMaps(NDArray q, NDArray k, float scale) {
        if (spatialColumns.length == 0) {
            return null;
        }
        long m = k.getShape().get(2);
        NDList cols = new NDList();
        for (int c : spatialColumns) {
            if (c >= m) {
                throw new IllegalArgumentException(layerName + ": spatial column " + c + " is outside the " + m
                        + " keys");
            }
            cols.add(k.get(new NDIndex(":, :, {}:{}", c, c + 1)));
        }
        NDArray kSel = NDArrays.concat(cols, 2);                         // [B, H, T, d]
        return ScalarOps.mul(q.matMul(kSel.swapAxes(2, 3)), scale).softmax(2);      // [B, H, N, T], softmax over N
    }

    /** The dotted layer name. */
    public String layerName() {
        return layerName;
    }

    /** Captures since the last {@link #clear()}, in call order. Unmodifiable view. */
    public List<AttentionCapture> captures() {
        return Collections.unmodifiableList(captures);
    }

    /** Forgets all captures (does not close their arrays; they belong to the pass's manager). */
    public void clear() {
        captures.clear();
    }
}
