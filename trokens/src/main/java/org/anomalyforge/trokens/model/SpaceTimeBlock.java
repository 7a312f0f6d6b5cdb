package org.anomalyforge.trokens.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.anomalyforge.trokens.model.nn.AttentionMasks;
import org.anomalyforge.trokens.model.nn.GeluMlp;
import org.anomalyforge.trokens.model.nn.LastAxisLayerNorm;
import org.anomalyforge.trokens.model.nn.MultiHeadSelfAttention;

/**
 * One decoupled space-time block (spec §11), {@code 17d² + 20d} parameters:
 * <ol>
 *   <li>time attention per trajectory over its T tokens ({@code [B·M, T, d]}), CLS excluded:
 *       {@code x_t = x + temporal_fc(temporal_attn(temporal_norm(x)))};</li>
 *   <li>space attention per frame over {@code [cls; x_t]} ({@code [B·T, 1+M, d]}): {@code r = attn(norm1(·))},
 *       the T CLS outputs averaged, {@code cls += mean_t r_cls}, {@code x = x_t + r_points};</li>
 *   <li>{@code x += mlp(norm2(x))} for points and CLS.</li>
 * </ol>
 * Masks (VISIBILITY): time keys at invisible frames; space keys of invisible or padding points; CLS never
 * masked; a token always sees itself.
 *
 * <p>Inputs: {@code x [B, T, M, d]}, {@code cls [B, d]}, {@code visible [B, T, M]} (0/1),
 * {@code padding [B, M]} (0/1). Outputs: {@code x [B, T, M, d]}, {@code cls [B, d]}.
 */
final class SpaceTimeBlock extends AbstractBlock {

    private final int modelDim;
    private final MaskMode maskMode;
    private final LastAxisLayerNorm temporalNorm;
    private final MultiHeadSelfAttention temporalAttn;
    private final Linear temporalFc;
    private final LastAxisLayerNorm norm1;
    private final MultiHeadSelfAttention attn;
    private final LastAxisLayerNorm norm2;
    private final GeluMlp mlp;

    SpaceTimeBlock(int modelDim, int heads, MaskMode maskMode) {
        this.modelDim = modelDim;
        this.maskMode = maskMode;
        temporalNorm = addChildBlock("temporal_norm", new LastAxisLayerNorm(modelDim, 1e-6f));
        temporalAttn = addChildBlock("temporal_attn", new MultiHeadSelfAttention(modelDim, heads));
        temporalFc = addChildBlock("temporal_fc", Linear.builder().setUnits(modelDim).build());
        norm1 = addChildBlock("norm1", new LastAxisLayerNorm(modelDim, 1e-6f));
        attn = addChildBlock("attn", new MultiHeadSelfAttention(modelDim, heads));
        norm2 = addChildBlock("norm2", new LastAxisLayerNorm(modelDim, 1e-6f));
        mlp = addChildBlock("mlp", new GeluMlp(modelDim, 4 * modelDim));
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape tokens = new Shape(1, 2, modelDim);
        for (var child : getChildren().values()) {
            child.initialize(manager, dataType, tokens);
        }
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray x = inputs.get(0);
        NDArray cls = inputs.get(1);
        NDArray visible = inputs.get(2);
        NDArray padding = inputs.get(3);
        Shape s = x.getShape();
        long b = s.get(0);
        long t = s.get(1);
        long m = s.get(2);
        long d = s.get(3);
        boolean masked = maskMode == MaskMode.VISIBILITY;

        // 1. time attention: [B, T, M, d] -> [B·M, T, d]
        NDArray xt = x.transpose(0, 2, 1, 3).reshape(b * m, t, d);
        NDList timeIn = new NDList(temporalNorm.forward(ps, new NDList(xt), training).singletonOrThrow());
        if (masked) {
            NDArray invisible = visible.transpose(0, 2, 1).reshape(b * m, t).neg().add(1f); // [B·M, T]
            timeIn.add(AttentionMasks.fromBlockedKeys(invisible));
        }
        NDArray h = temporalFc.forward(ps, temporalAttn.forward(ps, timeIn, training), training).singletonOrThrow();
        x = x.add(h.reshape(b, m, t, d).transpose(0, 2, 1, 3));

        // 2. space attention: [cls; x_t] per frame -> [B·T, 1+M, d]
        NDArray clsPerFrame = cls.reshape(b, 1, 1, d).broadcast(new Shape(b, t, 1, d));
        NDArray seq = NDArrays.concat(new NDList(clsPerFrame, x), 2).reshape(b * t, 1 + m, d);
        NDList spaceIn = new NDList(norm1.forward(ps, new NDList(seq), training).singletonOrThrow());
        if (masked) {
            NDArray blockedPoints = NDArrays.maximum(visible.neg().add(1f), padding.expandDims(1)); // [B, T, M]
            NDArray blocked = NDArrays.concat(new NDList(
                    blockedPoints.getManager().zeros(new Shape(b * t, 1)), blockedPoints.reshape(b * t, m)), 1);
            spaceIn.add(AttentionMasks.fromBlockedKeys(blocked)); // [B·T, 1+M, 1+M]
        }
        NDArray r = attn.forward(ps, spaceIn, training).singletonOrThrow().reshape(b, t, 1 + m, d);
        cls = cls.add(r.get(":, :, 0, :").mean(new int[] {1})); // mean over the T CLS outputs
        x = x.add(r.get(":, :, 1:, :"));

        // 3. MLP on points and CLS (the same per-token weights)
        x = x.add(mlp.forward(ps, norm2.forward(ps, new NDList(x), training), training).singletonOrThrow());
        cls = cls.add(mlp.forward(ps, norm2.forward(ps, new NDList(cls), training), training).singletonOrThrow());
        return new NDList(x, cls);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0], inputShapes[1]};
    }
}
