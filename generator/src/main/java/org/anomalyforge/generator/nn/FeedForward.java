package org.anomalyforge.generator.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * diffusers' {@code FeedForward} with GEGLU (seas.md §3.3): {@code net.0.proj} maps D → 2·inner, split into
 * (a, g), a·GELU(g), then {@code net.2} maps inner → D. inner = 4·D for SD.
 */
public final class FeedForward extends ModuleBlock {

    private final LinearLayer proj;
    private final LinearLayer out;

    /**
     * @param dim   model width D
     * @param inner hidden width (4·D in SD)
     */
    public FeedForward(int dim, int inner) {
        this.proj = child("net.0.proj", new LinearLayer(dim, 2 * inner, true));
        this.out = child("net.2", new LinearLayer(inner, dim, true));
    }

    /** x [..., D] → [..., D]. */
    public NDArray forward(ParameterStore ps, NDArray x, boolean training) {
        NDArray h = proj.forward(ps, x, training);
        NDList ag = h.split(2, h.getShape().dimension() - 1);   // split needs a non-negative axis
        return out.forward(ps, ag.get(0).mul(Activations.gelu(ag.get(1))), training);
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> p) {
        return new NDList(forward(ps, inputs.singletonOrThrow(), training));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }
}
