package org.anomalyforge.generator.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.Objects;

/**
 * diffusers' {@code Attention}: the weights {@code to_q}, {@code to_k}, {@code to_v}, {@code to_out.0} (and for the
 * VAE mid-block {@code group_norm}); the computation is delegated to an {@link AttentionProcessor}.
 *
 * <p>U-Net layers: no q/k/v bias, inner width = heads·headDim, scale 1/√headDim, to_k/to_v read the context
 * width (768 for SD-1.4 cross-attention). VAE mid-block: one head of width C with biases, a GroupNorm before and
 * a residual connection after, applied to a [B, C, H, W] map (tokens n = y·W + x).
 *
 * <p>The processor is mutable (diffusers' {@code set_processor}); set it through {@link AttentionProcessors} so
 * every layer of a model is covered.
 */
public final class Attention extends ModuleBlock {

    private final int queryDim;
    private final int contextDim;
    private final int heads;
    private final int headDim;
    private final float scale;
    private final boolean residualConnection;
    private final GroupNorm groupNorm;
    private final LinearLayer toQ;
    private final LinearLayer toK;
    private final LinearLayer toV;
    private final LinearLayer toOut;
    private AttentionProcessor processor = new DefaultAttentionProcessor();

    private Attention(Builder b) {
        this.queryDim = b.queryDim;
        this.contextDim = b.contextDim > 0 ? b.contextDim : b.queryDim;
        this.heads = b.heads;
        this.headDim = b.headDim;
        this.scale = (float) (1 / Math.sqrt(b.headDim));
        this.residualConnection = b.residualConnection;
        int inner = heads * headDim;
        this.groupNorm = b.normGroups > 0 ? child("group_norm", GroupNorm.of(b.normGroups, queryDim, b.normEps)) : null;
        this.toQ = child("to_q", new LinearLayer(queryDim, inner, b.qkvBias));
        this.toK = child("to_k", new LinearLayer(contextDim, inner, b.qkvBias));
        this.toV = child("to_v", new LinearLayer(contextDim, inner, b.qkvBias));
        this.toOut = child("to_out.0", new LinearLayer(inner, queryDim, true));
    }

    /** A builder: {@code setQueryDim}, {@code setHeads}, {@code setHeadDim} required; see the opt methods. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * hidden [B, N, Dq] (or [B, C, H, W] for the spatial VAE form) and optional context [B, M, Dc] → the same shape
     * as hidden. With a GroupNorm it is applied first (spatial form only); with a residual connection the input is
     * added to the result.
     */
    public NDArray forward(ParameterStore ps, NDArray hidden, NDArray context, boolean training) {
        if (context != null) {
            requireRank(context, 3, "context");
            requireDim(context, 2, contextDim, "context");
        }
        int rank = hidden.getShape().dimension();
        NDArray out;
        if (rank == 4) {
            Shape s = hidden.getShape();
            NDArray h = groupNorm == null ? hidden : groupNorm.forward(ps, hidden, training);
            NDArray tokens = h.reshape(s.get(0), s.get(1), s.get(2) * s.get(3)).transpose(0, 2, 1);
            out = processor.process(this, ps, tokens, context, training).transpose(0, 2, 1).reshape(s);
        } else if (rank == 3) {
            if (groupNorm != null) {
                throw new IllegalArgumentException("Attention with group_norm expects a [B, C, H, W] input, got "
                        + hidden.getShape());
            }
            out = processor.process(this, ps, hidden, context, training);
        } else {
            throw new IllegalArgumentException("Attention input must be [B, N, D] or [B, C, H, W], got "
                    + hidden.getShape());
        }
        return residualConnection ? out.add(hidden) : out;
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> p) {
        return new NDList(forward(ps, inputs.get(0), inputs.size() > 1 ? inputs.get(1) : null, training));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }

    /** The processor in use (default: {@link DefaultAttentionProcessor}). */
    public AttentionProcessor processor() {
        return processor;
    }

    /** Replaces the processor; prefer {@link AttentionProcessors#set} which checks coverage. */
    public void setProcessor(AttentionProcessor newProcessor) {
        this.processor = Objects.requireNonNull(newProcessor, "processor");
    }

    /** Number of heads. */
    public int heads() {
        return heads;
    }

    /** Width per head. */
    public int headDim() {
        return headDim;
    }

    /** Score scale 1/√headDim. */
    public float scale() {
        return scale;
    }

    /** Width of the key/value source (context). */
    public int contextDim() {
        return contextDim;
    }

    /** Query projection. */
    public LinearLayer toQ() {
        return toQ;
    }

    /** Key projection. */
    public LinearLayer toK() {
        return toK;
    }

    /** Value projection. */
    public LinearLayer toV() {
        return toV;
    }

    /** Output projection {@code to_out.0}. */
    public LinearLayer toOut() {
        return toOut;
    }

    /** Builder following DJL's set/opt convention; {@link #build()} validates and never changes the builder. */
    public static final class Builder {
        private int queryDim;
        private int contextDim;
        private int heads;
        private int headDim;
        private boolean qkvBias;
        private int normGroups;
        private float normEps = 1e-6f;
        private boolean residualConnection;

        /** Width of the hidden states (required). */
        public Builder setQueryDim(int queryDim) {
            this.queryDim = queryDim;
            return this;
        }

        /** Number of heads (required). */
        public Builder setHeads(int heads) {
            this.heads = heads;
            return this;
        }

        /** Width per head (required). */
        public Builder setHeadDim(int headDim) {
            this.headDim = headDim;
            return this;
        }

        /** Context width for cross-attention; default: the query width (self-attention). */
        public Builder optContextDim(int contextDim) {
            this.contextDim = contextDim;
            return this;
        }

        /** Bias on to_q/to_k/to_v; default false (U-Net). The VAE uses true. */
        public Builder optQkvBias(boolean qkvBias) {
            this.qkvBias = qkvBias;
            return this;
        }

        /** A {@code group_norm} before attention (spatial form); default none. */
        public Builder optGroupNorm(int groups, float eps) {
            this.normGroups = groups;
            this.normEps = eps;
            return this;
        }

        /** Add the input to the output; default false. */
        public Builder optResidualConnection(boolean residual) {
            this.residualConnection = residual;
            return this;
        }

        /** Validates and builds. */
        public Attention build() {
            if (queryDim <= 0 || heads <= 0 || headDim <= 0) {
                throw new IllegalArgumentException("Attention queryDim, heads and headDim must be > 0, got queryDim "
                        + queryDim + ", heads " + heads + ", headDim " + headDim);
            }
            if (contextDim < 0) {
                throw new IllegalArgumentException("Attention contextDim must be >= 0 (0 = self), got " + contextDim);
            }
            if (normGroups < 0) {
                throw new IllegalArgumentException("Attention group_norm groups must be >= 0, got " + normGroups);
            }
            return new Attention(this);
        }
    }
}
