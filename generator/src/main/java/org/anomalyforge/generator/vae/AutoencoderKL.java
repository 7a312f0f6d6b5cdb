package org.anomalyforge.generator.vae;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.anomalyforge.generator.config.VaeConfig;
import org.anomalyforge.generator.nn.Conv2dLayer;
import org.anomalyforge.generator.nn.ModuleBlock;
import org.anomalyforge.ingest.tensor.ScalarOps;

/**
 * diffusers' {@code AutoencoderKL} built from a {@link VaeConfig} (seas.md §3.5): encoder → quant_conv (1×1) →
 * [μ, logvar]; z̃ = s·(μ + exp(½·logvar)·ξ); decoding applies post_quant_conv (1×1) to z̃/s, then the decoder.
 * Parameter names are the current diffusers keys ({@code …attentions.0.to_q}; legacy {@code query/key/value/
 * proj_attn} files are renamed by the importer).
 */
public final class AutoencoderKL extends ModuleBlock {

    private final VaeConfig config;
    private final VaeEncoder encoder;
    private final VaeDecoder decoder;
    private final Conv2dLayer quantConv;
    private final Conv2dLayer postQuantConv;

    /** Builds the (uninitialised) network; see {@link org.anomalyforge.generator.nn.ModelInitialization}. */
    public AutoencoderKL(VaeConfig config) {
        this.config = config;
        this.encoder = child("encoder", new VaeEncoder(config));
        this.decoder = child("decoder", new VaeDecoder(config));
        int moments = 2 * config.latentChannels();
        this.quantConv = child("quant_conv", Conv2dLayer.conv1x1(moments, moments));
        this.postQuantConv = child("post_quant_conv", Conv2dLayer.conv1x1(config.latentChannels(),
                config.latentChannels()));
    }

    /** The configuration this network was built from. */
    public VaeConfig config() {
        return config;
    }

    /** The encoder only (for counting or freezing by part). */
    public ModuleBlock encoder() {
        return encoder;
    }

    /** The decoder only. */
    public ModuleBlock decoder() {
        return decoder;
    }

    /** The post_quant_conv layer (counted with the decoder in seas.md §3.2). */
    public ModuleBlock postQuantConv() {
        return postQuantConv;
    }

    /** The quant_conv layer (counted with the encoder in seas.md §3.2). */
    public ModuleBlock quantConv() {
        return quantConv;
    }

    /** image [B, 3, S, S] in [−1, 1] → posterior with μ, logvar [B, latent, S/f, S/f]. */
    public LatentDistribution encode(ParameterStore ps, NDArray image, boolean training) {
        requireRank(image, 4, "image");
        requireDim(image, 1, config.inChannels(), "image");
        long side = image.getShape().get(2);
        if (side % config.downscaleFactor() != 0 || image.getShape().get(3) != side) {
            throw new IllegalArgumentException("AutoencoderKL: image must be square with a side divisible by "
                    + config.downscaleFactor() + ", got " + image.getShape());
        }
        NDArray moments = quantConv.forward(ps, encoder.forward(ps, image, training), training);
        return LatentDistribution.fromMoments(moments);
    }

    /** The scaled latent z̃ = s·(μ + exp(½·logvar)·ξ). */
    public NDArray scaledSample(LatentDistribution posterior, NDArray noise) {
        return ScalarOps.mul(posterior.sample(noise), config.scalingFactor());
    }

    /** Scaled latent z̃ [B, latent, r, r] → image and decoder up-block outputs (applied to z̃/s). */
    public DecoderOutput decode(ParameterStore ps, NDArray scaledLatent, boolean training) {
        requireRank(scaledLatent, 4, "latent");
        requireDim(scaledLatent, 1, config.latentChannels(), "latent");
        NDArray z = ScalarOps.div(scaledLatent, config.scalingFactor());
        return decoder.forward(ps, postQuantConv.forward(ps, z, training), training);
    }

    /** Input: image → (μ, logvar). Decoding goes through {@link #decode}. */
    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList in, boolean training, PairList<String, Object> p) {
        LatentDistribution d = encode(ps, in.singletonOrThrow(), training);
        return new NDList(d.mean(), d.logvar());
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        long side = in.get(2) / config.downscaleFactor();
        Shape latent = new Shape(in.get(0), config.latentChannels(), side, side);
        return new Shape[] {latent, latent};
    }
}
