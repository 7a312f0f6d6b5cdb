package org.anomalyforge.trokens.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.util.PairList;
import org.anomalyforge.trokens.model.nn.LastAxisLayerNorm;
import org.anomalyforge.trokens.model.nn.SeededTruncatedNormal;

/**
 * The Trokens recogniser network (spec §9–§11): token MLPs, appearance alignment and fusion, one decoupled
 * space-time block, final LayerNorm and the base-class head.
 *
 * <p>Inputs ({@link ClipBatch} builds them), B clips, T frames, M points:
 * {@code appearance [B,T,M,A]} (features at the points' patches), {@code patchIndex [B,T,M]} int64
 * ({@code row·G + col}), {@code onFrame [B,T,M]}, {@code hod [B,T,M,H]}, {@code relational [B,T,M,2M]},
 * {@code visible [B,T,M]}, {@code padding [B,M]}. Outputs: point tokens {@code [B,T,M,d]},
 * {@code cls [B,d]}, base-class logits {@code [B,C]}.
 *
 * <p>Fusion (§10): {@code onFrame · (P(f) + spaceEmbed[row·G+col] + timeEmbed[t]) + HoD_MLP + Rel_MLP}.
 * Initialisation (§11): Linear weights, {@code cls} and both embeddings truncated normal σ = 0.02 from a
 * seeded Java stream; biases 0; LayerNorm γ = 1, β = 0.
 */
public final class TrokensNet extends AbstractBlock {

    private final TrokensConfig config;
    private final Parameter cls;
    private final Parameter spaceEmbed;
    private final Parameter timeEmbed;
    private final Linear appearanceProj;
    private final TokenMlp hodMlp;
    private final TokenMlp relationalMlp;
    private final SpaceTimeBlock block;
    private final LastAxisLayerNorm norm;
    private final Linear headHidden;
    private final Linear headOut;

    /**
     * @param config architecture
     * @param seed   initialisation seed (the same seed gives bit-identical initial weights)
     */
    public TrokensNet(TrokensConfig config, long seed) {
        this.config = config;
        int d = config.modelDim();
        cls = addParameter(Parameter.builder().setName("cls").setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(d)).build());
        if (config.appearance()) {
            spaceEmbed = addParameter(Parameter.builder().setName("space_embed").setType(Parameter.Type.WEIGHT)
                    .optShape(new Shape((long) config.gridSize() * config.gridSize(), d)).build());
            timeEmbed = addParameter(Parameter.builder().setName("time_embed").setType(Parameter.Type.WEIGHT)
                    .optShape(new Shape(config.frames(), d)).build());
        } else {
            spaceEmbed = null;
            timeEmbed = null;
        }
        appearanceProj = config.projectsAppearance()
                ? addChildBlock("appearance_proj", Linear.builder().setUnits(d).build()) : null;
        hodMlp = config.hod() ? addChildBlock("hod_mlp", new TokenMlp(d)) : null;
        relationalMlp = config.relational() ? addChildBlock("relational_mlp", new TokenMlp(d)) : null;
        block = addChildBlock("block", new SpaceTimeBlock(d, config.heads(), config.maskMode()));
        norm = addChildBlock("norm", new LastAxisLayerNorm(d, 1e-6f));
        headHidden = addChildBlock("head_hidden", Linear.builder().setUnits(d).build());
        headOut = addChildBlock("head_out", Linear.builder().setUnits(config.baseClasses()).build());
        setInitializer(new SeededTruncatedNormal(0.02, seed), Parameter.Type.WEIGHT);
        setInitializer(Initializer.ZEROS, Parameter.Type.BIAS);
    }

    public TrokensConfig config() {
        return config;
    }

    /** Initialises all parameters (float32) for this configuration. */
    public void initialize(NDManager manager) {
        int t = config.frames();
        int m = config.points();
        initialize(manager, DataType.FLOAT32, new Shape(1, t, m, config.featureDim()), new Shape(1, t, m),
                new Shape(1, t, m), new Shape(1, t, m, config.hodMode().width()), new Shape(1, t, m, 2L * m),
                new Shape(1, t, m), new Shape(1, m));
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... in) {
        Shape tokens = new Shape(1, config.frames(), config.points(), config.modelDim());
        if (appearanceProj != null) {
            appearanceProj.initialize(manager, dataType, in[0]);
        }
        if (hodMlp != null) {
            hodMlp.initialize(manager, dataType, in[3]);
        }
        if (relationalMlp != null) {
            relationalMlp.initialize(manager, dataType, in[4]);
        }
        block.initialize(manager, dataType, tokens, new Shape(1, config.modelDim()), in[5], in[6]);
        norm.initialize(manager, dataType, tokens);
        Shape clsShape = new Shape(1, config.modelDim());
        headHidden.initialize(manager, dataType, clsShape);
        headOut.initialize(manager, dataType, clsShape);
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList in, boolean training,
                                     PairList<String, Object> params) {
        NDArray appearance = in.get(0);
        Shape s = appearance.getShape();
        long b = s.get(0);
        long t = s.get(1);
        long m = s.get(2);
        int d = config.modelDim();
        if (t != config.frames() || m != config.points()) {
            throw new IllegalArgumentException("inputs must have T = " + config.frames() + " and M = "
                    + config.points() + ", got appearance shape " + s);
        }
        NDManager scope = appearance.getManager();
        NDArray tokens = scope.zeros(new Shape(b, t, m, d));
        if (config.appearance()) {
            tokens = tokens.add(alignedAppearance(ps, in, training, scope));
        }
        if (hodMlp != null) {
            tokens = tokens.add(hodMlp.forward(ps, new NDList(in.get(3)), training).singletonOrThrow());
        }
        if (relationalMlp != null) {
            tokens = tokens.add(relationalMlp.forward(ps, new NDList(in.get(4)), training).singletonOrThrow());
        }
        NDArray clsBatch = scope.zeros(new Shape(b, d)).add(ps.getValue(cls, appearance.getDevice(), training));
        NDList mixed = block.forward(ps, new NDList(tokens, clsBatch, in.get(5), in.get(6)), training);
        NDArray points = norm.forward(ps, new NDList(mixed.get(0)), training).singletonOrThrow();
        NDArray clsOut = norm.forward(ps, new NDList(mixed.get(1)), training).singletonOrThrow();
        NDArray hidden = headHidden.forward(ps, new NDList(clsOut), training).singletonOrThrow().tanh();
        NDArray logits = headOut.forward(ps, new NDList(hidden), training).singletonOrThrow();
        return new NDList(points, clsOut, logits);
    }

    /** {@code onFrame · (P(f) + spaceEmbed[patch] + timeEmbed[t])}: {@code [B, T, M, d]} (§10). */
    private NDArray alignedAppearance(ParameterStore ps, NDList in, boolean training, NDManager scope) {
        NDArray features = in.get(0);
        NDArray projected = appearanceProj == null ? features
                : appearanceProj.forward(ps, new NDList(features), training).singletonOrThrow();
        NDArray space = ps.getValue(spaceEmbed, features.getDevice(), training);
        // embedding lookup lands in the index array's manager (not the parameter's): [B, T, M, d]
        NDArray spaceRows = JniUtils.embedding((PtNDArray) in.get(1), (PtNDArray) space, false);
        NDArray time = ps.getValue(timeEmbed, features.getDevice(), training).reshape(1, config.frames(), 1,
                config.modelDim());
        time.attach(scope); // a reshape of a parameter would otherwise live in the parameter's manager
        return projected.add(spaceRows).add(time).mul(in.get(2).expandDims(3));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] in) {
        long b = in[0].get(0);
        return new Shape[] {new Shape(b, config.frames(), config.points(), config.modelDim()),
            new Shape(b, config.modelDim()), new Shape(b, config.baseClasses())};
    }
}
