package org.anomalyforge.trokens.model.nn;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Transformer feed-forward {@code fc2(GELU(fc1(x)))} with the erf GELU (spec §6.2 ViT blocks, §11 space-time
 * block). Input {@code [..., d]}, hidden {@code [..., hidden]}, output {@code [..., d]}.
 */
public final class GeluMlp extends AbstractBlock {

    private final Linear fc1;
    private final Linear fc2;

    /**
     * @param width  input and output width {@code d}, ≥ 1
     * @param hidden hidden width (4d in every configuration we build), ≥ 1
     */
    public GeluMlp(int width, int hidden) {
        if (width < 1 || hidden < 1) {
            throw new IllegalArgumentException("mlp widths must be >= 1, got width " + width + ", hidden " + hidden);
        }
        this.fc1 = addChildBlock("fc1", Linear.builder().setUnits(hidden).build());
        this.fc2 = addChildBlock("fc2", Linear.builder().setUnits(width).build());
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        fc1.initialize(manager, dataType, inputShapes[0]);
        fc2.initialize(manager, dataType, fc1.getOutputShapes(inputShapes)[0]);
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDList hidden = fc1.forward(ps, inputs, training);
        return fc2.forward(ps, new NDList(Activations.gelu(hidden.singletonOrThrow())), training);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }
}
