package org.anomalyforge.trokens.encoders.dinov2;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.util.PairList;
import org.anomalyforge.trokens.model.nn.LastAxisLayerNorm;

import java.util.ArrayList;
import java.util.List;

/**
 * DINOv2 ViT backbone (spec §6.2) returning {@code x_norm_patchtokens}. Input {@code [B, 3, S, S]} with
 * {@code S = positionGrid · patchSize} (the position table is never interpolated at run time; the importer
 * resizes it once). Forward: patch embed → {@code [B, P², D]} in raster order → prepend CLS → add position
 * embedding → blocks → final LayerNorm → drop CLS → {@code [B, P², D]}.
 *
 * <p>Parameter names are the original DINOv2 ones: {@code cls_token [1,1,D]}, {@code pos_embed [1,1+P²,D]},
 * {@code patch_embed.proj.*}, {@code blocks.i.*}, {@code norm.*}. {@code mask_token} is not built: it is
 * unused at inference.
 */
public final class Dinov2Vit extends AbstractBlock {

    private final Dinov2Config config;
    private final Parameter clsToken;
    private final Parameter posEmbed;
    private final PatchEmbed patchEmbed;
    private final List<VitBlock> blocks = new ArrayList<>();
    private final LastAxisLayerNorm norm;

    public Dinov2Vit(Dinov2Config config) {
        this.config = config;
        int d = config.width();
        clsToken = addParameter(Parameter.builder().setName("cls_token").setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(1, 1, d)).build());
        posEmbed = addParameter(Parameter.builder().setName("pos_embed").setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(1, config.positionRows(), d)).build());
        patchEmbed = addChildBlock("patch_embed", new PatchEmbed(config));
        for (int i = 0; i < config.depth(); i++) {
            blocks.add(addChildBlock("blocks." + i, new VitBlock(config)));
        }
        norm = addChildBlock("norm", new LastAxisLayerNorm(d, config.layerNormEps()));
        // weights are always imported; zero initial values are cheap to allocate at full size
        setInitializer(Initializer.ZEROS, Parameter.Type.WEIGHT);
        setInitializer(Initializer.ZEROS, Parameter.Type.BIAS);
    }

    public Dinov2Config config() {
        return config;
    }

    /** Initialises for {@code [1, 3, S, S]} inputs, S = positionGrid · patchSize. */
    public void initialize(NDManager manager) {
        int s = config.positionGrid() * config.patchSize();
        initialize(manager, DataType.FLOAT32, new Shape(1, 3, s, s));
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        patchEmbed.initialize(manager, dataType, inputShapes[0]);
        Shape tokens = new Shape(inputShapes[0].get(0), config.positionRows(), config.width());
        for (VitBlock b : blocks) {
            b.initialize(manager, dataType, tokens);
        }
        norm.initialize(manager, dataType, tokens);
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray image = inputs.singletonOrThrow();
        int s = config.positionGrid() * config.patchSize();
        Shape shape = image.getShape();
        if (shape.dimension() != 4 || shape.get(1) != 3 || shape.get(2) != s || shape.get(3) != s) {
            throw new IllegalArgumentException("DINOv2 input must be [B, 3, " + s + ", " + s + "], got " + shape);
        }
        long b = shape.get(0);
        NDArray tokens = patchEmbed.forward(ps, inputs, training).singletonOrThrow(); // [B, P², D]
        NDArray cls = ps.getValue(clsToken, image.getDevice(), training);
        NDArray clsBatch = tokens.getManager().zeros(new Shape(b, 1, config.width())).add(cls); // [B, 1, D]
        NDArray x = NDArrays.concat(new NDList(clsBatch, tokens), 1).add(ps.getValue(posEmbed, image.getDevice(),
                training)); // [B, 1+P², D]
        for (VitBlock block : blocks) {
            x = block.forward(ps, new NDList(x), training).singletonOrThrow();
        }
        x = norm.forward(ps, new NDList(x), training).singletonOrThrow();
        return new NDList(x.get(":, 1:, :"));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        long p = (long) config.positionGrid() * config.positionGrid();
        return new Shape[] {new Shape(inputShapes[0].get(0), p, config.width())};
    }

    /** Conv {@code 3 → D}, kernel = stride = patch, flattened to raster-order tokens {@code [B, P², D]}. */
    private static final class PatchEmbed extends AbstractBlock {
        private final Conv2d proj;

        PatchEmbed(Dinov2Config config) {
            proj = addChildBlock("proj", Conv2d.builder().setFilters(config.width())
                    .setKernelShape(new Shape(config.patchSize(), config.patchSize()))
                    .optStride(new Shape(config.patchSize(), config.patchSize())).build());
        }

        @Override
        protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
            proj.initialize(manager, dataType, inputShapes[0]);
        }

        @Override
        protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
                                         PairList<String, Object> params) {
            NDArray y = proj.forward(ps, inputs, training).singletonOrThrow(); // [B, D, P, P]
            Shape s = y.getShape();
            return new NDList(y.reshape(s.get(0), s.get(1), s.get(2) * s.get(3)).transpose(0, 2, 1));
        }

        @Override
        public Shape[] getOutputShapes(Shape[] inputShapes) {
            Shape conv = proj.getOutputShapes(inputShapes)[0];
            return new Shape[] {new Shape(conv.get(0), conv.get(2) * conv.get(3), conv.get(1))};
        }
    }
}
