package org.anomalyforge.trokens.model;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.anomalyforge.trokens.model.nn.Activations;
import org.anomalyforge.trokens.model.nn.LastAxisLayerNorm;

/**
 * Motion token MLP (spec §9.1, §9.2): {@code Linear(in → 4d) → QuickGELU → Linear(4d → d) → LayerNorm(d, 1e-5)},
 * applied per (frame, point): {@code [B, T, M, in] → [B, T, M, d]}.
 */
final class TokenMlp extends AbstractBlock {

    private final Linear fc1;
    private final Linear fc2;
    private final LastAxisLayerNorm norm;
    private final int modelDim;

    TokenMlp(int modelDim) {
        this.modelDim = modelDim;
        fc1 = addChildBlock("fc1", Linear.builder().setUnits(4L * modelDim).build());
        fc2 = addChildBlock("fc2", Linear.builder().setUnits(modelDim).build());
        norm = addChildBlock("norm", new LastAxisLayerNorm(modelDim, 1e-5f));
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        fc1.initialize(manager, dataType, inputShapes[0]);
        Shape hidden = fc1.getOutputShapes(inputShapes)[0];
        fc2.initialize(manager, dataType, hidden);
        norm.initialize(manager, dataType, fc2.getOutputShapes(new Shape[] {hidden})[0]);
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDList h = fc1.forward(ps, inputs, training);
        NDList y = fc2.forward(ps, new NDList(Activations.quickGelu(h.singletonOrThrow())), training);
        return norm.forward(ps, y, training);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        return new Shape[] {in.slice(0, in.dimension() - 1).add(modelDim)};
    }
}
