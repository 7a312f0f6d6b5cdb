package org.anomalyforge.trokens.encoders.dinov2;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.anomalyforge.trokens.model.nn.GeluMlp;
import org.anomalyforge.trokens.model.nn.LastAxisLayerNorm;
import org.anomalyforge.trokens.model.nn.MultiHeadSelfAttention;

/**
 * One pre-norm DINOv2 block on {@code [B, N, D]}: {@code x += ls1 ⊙ Attn(LN1(x)); x += ls2 ⊙ MLP(LN2(x))}.
 * Child names follow the original DINOv2 layout ({@code norm1, attn.qkv, attn.proj, ls1.gamma, norm2,
 * mlp.fc1, mlp.fc2, ls2.gamma}).
 */
final class VitBlock extends AbstractBlock {

    private final LastAxisLayerNorm norm1;
    private final MultiHeadSelfAttention attn;
    private final LayerScale ls1;
    private final LastAxisLayerNorm norm2;
    private final GeluMlp mlp;
    private final LayerScale ls2;

    VitBlock(Dinov2Config config) {
        norm1 = addChildBlock("norm1", new LastAxisLayerNorm(config.width(), config.layerNormEps()));
        attn = addChildBlock("attn", new MultiHeadSelfAttention(config.width(), config.heads()));
        ls1 = addChildBlock("ls1", new LayerScale(config.width()));
        norm2 = addChildBlock("norm2", new LastAxisLayerNorm(config.width(), config.layerNormEps()));
        mlp = addChildBlock("mlp", new GeluMlp(config.width(), config.mlpHidden()));
        ls2 = addChildBlock("ls2", new LayerScale(config.width()));
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        for (var child : getChildren().values()) {
            child.initialize(manager, dataType, inputShapes[0]);
        }
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        NDArray a = attn.forward(ps, norm1.forward(ps, new NDList(x), training), training).singletonOrThrow();
        x = x.add(ls1.forward(ps, new NDList(a), training).singletonOrThrow());
        NDArray m = mlp.forward(ps, norm2.forward(ps, new NDList(x), training), training).singletonOrThrow();
        return new NDList(x.add(ls2.forward(ps, new NDList(m), training).singletonOrThrow()));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }
}
