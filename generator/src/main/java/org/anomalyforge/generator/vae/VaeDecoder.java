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
 * diffusers' VAE {@code Decoder}: conv_in (latent → C_last); mid block; up blocks of layersPerBlock + 1 resnets,
 * each but the last ending with an upsampler (V_j = output of up block j); GN → SiLU → conv_out (→ 3).
 * Registered in diffusers' state-dict order (conv_in, up_blocks, mid_block, conv_norm_out, conv_out).
 */
final class VaeDecoder extends ModuleBlock {

    private final Conv2dLayer convIn;
    private final List<VaeResnetStack> upBlocks = new ArrayList<>();
    private final VaeMidBlock midBlock;
    private final GroupNorm convNormOut;
    private final Conv2dLayer convOut;

    VaeDecoder(VaeConfig c) {
        List<Integer> boc = c.blockOutChannels();
        int n = boc.size();
        float eps = (float) c.normEps();
        this.convIn = child("conv_in", Conv2dLayer.conv3x3(c.latentChannels(), boc.get(n - 1)));
        int out = boc.get(n - 1);
        for (int j = 0; j < n; j++) {
            int in = out;
            out = c.decoderUpBlockOutChannels(j);
            upBlocks.add(child("up_blocks." + j, new VaeResnetStack(in, out, c.layersPerBlock() + 1,
                    j < n - 1 ? VaeResnetStack.Resample.UP : VaeResnetStack.Resample.NONE, c.normGroups(), eps)));
        }
        this.midBlock = child("mid_block", new VaeMidBlock(boc.get(n - 1), c.normGroups(), eps));
        this.convNormOut = child("conv_norm_out", GroupNorm.of(c.normGroups(), boc.get(0), eps));
        this.convOut = child("conv_out", Conv2dLayer.conv3x3(boc.get(0), c.outChannels()));
    }

    /** z [B, latent, r, r] (after post_quant_conv) → image and every up-block output. */
    DecoderOutput forward(ParameterStore ps, NDArray z, boolean training) {
        NDArray h = midBlock.forward(ps, convIn.forward(ps, z, training), training);
        List<NDArray> taps = new ArrayList<>();
        for (VaeResnetStack block : upBlocks) {
            h = block.forward(ps, h, training);
            taps.add(h);
        }
        NDArray image = convOut.forward(ps, Activations.silu(convNormOut.forward(ps, h, training)), training);
        return new DecoderOutput(image, taps);
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList in, boolean training, PairList<String, Object> p) {
        DecoderOutput out = forward(ps, in.singletonOrThrow(), training);
        NDList list = new NDList(out.image());
        list.addAll(out.upBlockOutputs());
        return list;
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        long side = in.get(2) << (upBlocks.size() - 1);
        return new Shape[] {new Shape(in.get(0), convOut.outChannels(), side, side)};
    }
}
