package org.anomalyforge.generator.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * transformers' {@code CLIPEncoderLayer}, pre-LN (seas.md §3.6), LayerNorm eps 1e-5:
 * <pre>
 * h += self_attn(layer_norm1(h), causal mask)
 * h += mlp.fc2(act(mlp.fc1(layer_norm2(h))))        act = quick-GELU in SD-1.x
 * </pre>
 */
public final class ClipEncoderLayer extends ModuleBlock {

    private final ClipAttention selfAttn;
    private final LastAxisLayerNorm layerNorm1;
    private final LinearLayer fc1;
    private final LinearLayer fc2;
    private final LastAxisLayerNorm layerNorm2;
    private final UnaryOperator<NDArray> activation;

    /**
     * @param width model width
     * @param heads attention heads
     * @param mlp   MLP hidden width
     * @param eps   LayerNorm eps
     * @param activation MLP activation, e.g. {@link Activations#quickGelu}
     */
    public ClipEncoderLayer(int width, int heads, int mlp, float eps, UnaryOperator<NDArray> activation) {
        this.activation = Objects.requireNonNull(activation, "activation");
        this.selfAttn = child("self_attn", new ClipAttention(width, heads));
        this.layerNorm1 = child("layer_norm1", new LastAxisLayerNorm(width, eps));
        this.fc1 = child("mlp.fc1", new LinearLayer(width, mlp, true));
        this.fc2 = child("mlp.fc2", new LinearLayer(mlp, width, true));
        this.layerNorm2 = child("layer_norm2", new LastAxisLayerNorm(width, eps));
    }

    /**
     * @param h          [B, N, width]
     * @param causalMask additive [N, N]
     * @return [B, N, width]
     */
    public NDArray forward(ParameterStore ps, NDArray h, NDArray causalMask, boolean training) {
        NDArray x = h.add(selfAttn.forward(ps, layerNorm1.forward(ps, h, training), causalMask, training));
        NDArray m = fc2.forward(ps, activation.apply(fc1.forward(ps, layerNorm2.forward(ps, x, training),
                training)), training);
        return x.add(m);
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> p) {
        return new NDList(forward(ps, inputs.get(0), inputs.size() > 1 ? inputs.get(1) : null, training));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }
}
