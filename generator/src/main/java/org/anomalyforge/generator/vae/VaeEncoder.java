package org.anomalyforge.generator.vae;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;
import org.anomalyforge.generator.config.VaeConfig;
import org.anomalyforge.generator.nn.Activations;
import org.anomalyforge.generator.nn.Conv2dLayer;
import org.anomalyforge.generator.nn.GroupNorm;
import org.anomalyforge.generator.nn.ModuleBlock;

/**
 * diffusers' VAE {@code Encoder}: conv_in (3 → C₀); down blocks of layersPerBlock resnets, each but the last ending
 * with a downsampler; mid block; GN → SiLU → conv_out (→ 2·latent channels = moments [μ, logvar]).
 */
final class VaeEncoder extends ModuleBlock {

    private final Conv2dLayer convIn;
    private final List<VaeResnetStack> downBlocks = new ArrayList<>();
    private final VaeMidBlock midBlock;
    private final GroupNorm convNormOut;
    private final Conv2dLayer convOut;

    VaeEncoder(VaeConfig c) {
        List<Integer> boc = c.blockOutChannels();
        int n = boc.size();
        float eps = (float) c.normEps();
        this.convIn = child("conv_in", Conv2dLayer.conv3x3(c.inChannels(), boc.get(0)));
        int out = boc.get(0);
        for (int i = 0; i < n; i++) {
            int in = out;
            out = boc.get(i);
            downBlocks.add(child("down_blocks." + i, new VaeResnetStack(in, out, c.layersPerBlock(),
                    i < n - 1 ? VaeResnetStack.Resample.DOWN : VaeResnetStack.Resample.NONE, c.normGroups(), eps)));
        }
        this.midBlock = child("mid_block", new VaeMidBlock(boc.get(n - 1), c.normGroups(), eps));
        this.convNormOut = child("conv_norm_out", GroupNorm.of(c.normGroups(), boc.get(n - 1), eps));
        this.convOut = child("conv_out", Conv2dLayer.conv3x3(boc.get(n - 1), 2 * c.latentChannels()));
    }

    /** image [B, 3, S, S] → moments [B, 2·latent, S/f, S/f]. */
    NDArray forward(ParameterStore ps, NDArray x, boolean training) {
        NDArray h = convIn.forward(ps, x, training);
        for (VaeResnetStack block : downBlocks) {
            h = block.forward(ps, h, training);
        }
        h = midBlock.forward(ps, h, training);
        return convOut.forward(ps, Activations.silu(convNormOut.forward(ps, h, training)), training);
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList in, boolean training, PairList<String, Object> p) {
        return new NDList(forward(ps, in.singletonOrThrow(), training));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        long side = in.get(2) >> (downBlocks.size() - 1);
        return new Shape[] {new Shape(in.get(0), convOut.outChannels(), side, side)};
    }
}
