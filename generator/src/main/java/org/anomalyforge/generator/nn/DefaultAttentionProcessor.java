package org.anomalyforge.generator.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.training.ParameterStore;

/** The plain computation: softmax(q·kᵀ/√d)·v per head, chunked over queries to bound memory. */
public final class DefaultAttentionProcessor implements AttentionProcessor {

    private final long maxScoreElements;

    /** With {@link AttentionMath#DEFAULT_MAX_SCORE_ELEMENTS}. */
    public DefaultAttentionProcessor() {
        this(AttentionMath.DEFAULT_MAX_SCORE_ELEMENTS);
    }

    /** @param maxScoreElements bound on attention scores held at once, &gt; 0 */
    public DefaultAttentionProcessor(long maxScoreElements) {
        if (maxScoreElements <= 0) {
            throw new IllegalArgumentException("maxScoreElements must be > 0, got " + maxScoreElements);
        }
        this.maxScoreElements = maxScoreElements;
    }

    @Override
    public NDArray process(Attention layer, ParameterStore ps, NDArray hidden, NDArray context, boolean training) {
        NDArray source = context == null ? hidden : context;
        NDArray q = AttentionMath.splitHeads(layer.toQ().forward(ps, hidden, training), layer.heads());
        NDArray k = AttentionMath.splitHeads(layer.toK().forward(ps, source, training), layer.heads());
        NDArray v = AttentionMath.splitHeads(layer.toV().forward(ps, source, training), layer.heads());
        NDArray o = AttentionMath.attend(q, k, v, layer.scale(), null, maxScoreElements, null);
        return layer.toOut().forward(ps, AttentionMath.mergeHeads(o), training);
    }
}
