package org.anomalyforge.generator.unet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import org.anomalyforge.generator.config.UNetConfig;
import org.anomalyforge.generator.nn.Activations;
import org.anomalyforge.generator.nn.Conv2dLayer;
import org.anomalyforge.generator.nn.GroupNorm;
import org.anomalyforge.generator.nn.ModuleBlock;
import org.anomalyforge.generator.nn.SinusoidalTimesteps;
import org.anomalyforge.generator.nn.TimestepEmbedding;

/**
 * diffusers' {@code UNet2DConditionModel} (ε-prediction) built from a {@link UNetConfig} (seas.md §3.4):
 * <pre>
 * temb = time_embedding(φ(t))                          φ: sinusoid of width C₀, cosines first
 * h = conv_in(z_t); skips = [h]
 * down blocks (resnet → attention per layer, downsampler), pushing skips
 * mid block
 * up blocks (concat skip → resnet → attention per layer, upsampler); F_u = output of up block u
 * ε̂ = conv_out(SiLU(conv_norm_out(h)))
 * </pre>
 * Parameter names are the diffusers keys; children are registered in diffusers 0.2.2 state-dict order.
 */
public final class UNet2DConditionModel extends ModuleBlock {

    private final UNetConfig config;
    private final Conv2dLayer convIn;
    private final TimestepEmbedding timeEmbedding;
    private final List<UNetDownBlock> downBlocks = new ArrayList<>();
    private final List<UNetUpBlock> upBlocks = new ArrayList<>();
    private final UNetMidBlock midBlock;
    private final GroupNorm convNormOut;
    private final Conv2dLayer convOut;
    private final DaMapRecorder daRecorder;

    /** Builds the (uninitialised) network; see {@link org.anomalyforge.generator.nn.ModelInitialization}. */
    public UNet2DConditionModel(UNetConfig config) {
        this.config = config;
        List<Integer> boc = config.blockOutChannels();
        int n = boc.size();
        int tembDim = config.timeEmbeddingDim();
        float eps = (float) config.normEps();
        int groups = config.normGroups();
        CrossAttentionSpec cross = CrossAttentionSpec.of(config);
        this.convIn = child("conv_in", Conv2dLayer.conv3x3(config.inChannels(), boc.get(0)));
        this.timeEmbedding = child("time_embedding", new TimestepEmbedding(config.timeProjectionDim(), tembDim));
        for (int i = 0; i < n; i++) {
            int in = i == 0 ? boc.get(0) : boc.get(i - 1);
            boolean attn = config.downBlockTypes().get(i).hasCrossAttention();
            downBlocks.add(child("down_blocks." + i, new UNetDownBlock(in, boc.get(i), tembDim, config.layersPerBlock(),
                    attn ? cross : null, i < n - 1, groups, eps)));
        }
        int out = boc.get(n - 1);
        for (int u = 0; u < n; u++) {
            int prevOut = out;
            out = config.upBlockOutChannels(u);
            int in = boc.get(n - 1 - Math.min(u + 1, n - 1));
            boolean attn = config.upBlockTypes().get(u).hasCrossAttention();
            upBlocks.add(child("up_blocks." + u, new UNetUpBlock(in, prevOut, out, tembDim, config.layersPerBlock() + 1,
                    attn ? cross : null, u < n - 1, groups, eps)));
        }
        this.midBlock = child("mid_block", new UNetMidBlock(boc.get(n - 1), tembDim, cross, groups, eps));
        this.convNormOut = child("conv_norm_out", GroupNorm.of(groups, boc.get(0), eps));
        this.convOut = child("conv_out", Conv2dLayer.conv3x3(boc.get(0), config.outChannels()));
        this.daRecorder = new DaMapRecorder(this);
    }

    /** The configuration this network was built from. */
    public UNetConfig config() {
        return config;
    }

    /**
     * One U-Net call with every tap of seas.md §3.7.
     *
     * @param sample    z_t [B, inChannels, r, r] (r divisible by 2^(levels−1))
     * @param timesteps t [B] (integer or float)
     * @param context   c [B, M, crossAttentionDim] (M = 77)
     * @param taps      optional DA maps; {@link UNetTapRequest#none()} at inference
     * @return ε̂, the up-block outputs and the requested DA maps
     */
    public UNetOutput forward(ParameterStore ps, NDArray sample, NDArray timesteps, NDArray context,
            UNetTapRequest taps, boolean training) {
        checkInputs(sample, timesteps, context);
        DaMapRecorder.Session session = daRecorder.start(taps);
        try {
            NDArray phi = SinusoidalTimesteps.embed(timesteps, config.timeProjectionDim(), config.flipSinToCos(),
                    config.freqShift());
            NDArray temb = timeEmbedding.forward(ps, phi, training);
            NDArray h = convIn.forward(ps, sample, training);
            Deque<NDArray> skips = new ArrayDeque<>();
            skips.push(h);
            for (UNetDownBlock block : downBlocks) {
                h = block.forward(ps, h, temb, context, skips, training);
            }
            h = midBlock.forward(ps, h, temb, context, training);
            List<NDArray> upOutputs = new ArrayList<>();
            for (UNetUpBlock block : upBlocks) {
                h = block.forward(ps, h, temb, context, skips, training);
                upOutputs.add(h);
            }
            NDArray eps = convOut.forward(ps, Activations.silu(convNormOut.forward(ps, h, training)), training);
            return new UNetOutput(eps, upOutputs, session.maps());
        } finally {
            session.close();
        }
    }

    private void checkInputs(NDArray sample, NDArray timesteps, NDArray context) {
        requireRank(sample, 4, "sample");
        requireDim(sample, 1, config.inChannels(), "sample");
        long side = sample.getShape().get(2);
        int factor = 1 << (config.levels() - 1);
        if (side % factor != 0 || sample.getShape().get(3) != side) {
            throw new IllegalArgumentException("UNet2DConditionModel: sample must be square with a side divisible by "
                    + factor + ", got " + sample.getShape());
        }
        long b = sample.getShape().get(0);
        if (timesteps.getShape().dimension() != 1 || timesteps.getShape().get(0) != b) {
            throw new IllegalArgumentException("UNet2DConditionModel: timesteps must be [" + b + "], got "
                    + timesteps.getShape());
        }
        requireRank(context, 3, "context");
        requireDim(context, 0, b, "context");
        requireDim(context, 2, config.crossAttentionDim(), "context");
    }

    /** Inputs (sample, timesteps, context) → (ε̂, F_0, …, F_{n−1}); DA maps only through the typed forward. */
    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList in, boolean training, PairList<String, Object> p) {
        UNetOutput out = forward(ps, in.get(0), in.get(1), in.get(2), UNetTapRequest.none(), training);
        NDList list = new NDList(out.noisePrediction());
        list.addAll(out.upBlockOutputs());
        return list;
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape s = inputShapes[0];
        long b = s.get(0);
        long r = s.get(2);
        int n = config.levels();
        Shape[] out = new Shape[n + 1];
        out[0] = new Shape(b, config.outChannels(), r, r);
        for (int u = 0; u < n; u++) {
            long runs = r >> (n - 1 - u);
            out[u + 1] = new Shape(b, config.upBlockOutChannels(u), u < n - 1 ? 2 * runs : runs, u < n - 1 ? 2 * runs
                    : runs);
        }
        return out;
    }

    List<UNetDownBlock> downBlocks() {
        return Collections.unmodifiableList(downBlocks);
    }

    List<UNetUpBlock> upBlocks() {
        return Collections.unmodifiableList(upBlocks);
    }
}
