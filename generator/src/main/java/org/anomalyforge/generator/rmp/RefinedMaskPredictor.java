package org.anomalyforge.generator.rmp;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.anomalyforge.generator.config.RmpConfig;
import org.anomalyforge.generator.nn.BatchNorm2d;
import org.anomalyforge.generator.nn.BilinearInterpolation;
import org.anomalyforge.generator.nn.Conv2dLayer;
import org.anomalyforge.generator.nn.ModuleBlock;
import org.anomalyforge.generator.nn.Transformer2DModel;

/**
 * Refined Mask Prediction (seas.md §8.1), keys as the original state dict. Coarse branch:
 * <pre>
 * lo = low_feature_conv.0(up-2) → bilinear to r₀ (align_corners = false)      [B, w_lo, r₀, r₀]
 * mid = mid_feature_conv.0(up-3)                                               [B, w_mid, r₀, r₀]
 * H = mid_attn_block.attentions.0(concat[lo, mid])   4 self-attention blocks   [B, w, r₀, r₀]
 * </pre>
 * then the cascade MRM1(V₀) → MRM2(V₁) → MRM3(V₂) up to the image side S and the head {@code out_layer}:
 * BN → ReLU → conv 3×3 (w → 2, bias) → softmax over the 2 channels (channel 1 = P(defect)). Time conditioning is
 * not used (the original passes temb and ignores it).
 */
public final class RefinedMaskPredictor extends ModuleBlock {

    /** Fusion transformer GroupNorm eps (as SD's transformers). */
    public static final float TRANSFORMER_NORM_EPS = 1e-6f;

    private final RmpConfig config;
    private final Conv2dLayer lowFeatureConv;
    private final Conv2dLayer midFeatureConv;
    private final Transformer2DModel fusion;
    private final List<MaskRefinementModule> mrms = new ArrayList<>();
    private final BatchNorm2d headNorm;
    private final Conv2dLayer headConv;

    public RefinedMaskPredictor(RmpConfig config) {
        this.config = config;
        int w = config.width();
        this.lowFeatureConv = child("low_feature_conv.0",
                Conv2dLayer.withoutBias(config.up2Channels(), config.up2Compressed(), 1));
        this.midFeatureConv = child("mid_feature_conv.0",
                Conv2dLayer.withoutBias(config.up3Channels(), config.up3Compressed(), 1));
        this.fusion = child("mid_attn_block.attentions.0", new Transformer2DModel(w, config.heads(), config.headDim(),
                0, config.transformerLayers(), config.normGroups(), TRANSFORMER_NORM_EPS));
        for (int j = 0; j < config.mrmInChannels().size(); j++) {
            mrms.add(child("MRM" + (j + 1), new MaskRefinementModule(config.mrmInChannels().get(j), w)));
        }
        this.headNorm = child("out_layer.0", new BatchNorm2d(w));
        this.headConv = child("out_layer.2", Conv2dLayer.conv3x3(w, 2));
    }

    public RmpConfig config() {
        return config;
    }

    /** The MRMs in cascade order. */
    public List<MaskRefinementModule> mrms() {
        return Collections.unmodifiableList(mrms);
    }

    /** Every BatchNorm of the branch (27 in the MRMs, then the head's), for recalibration. */
    public List<BatchNorm2d> batchNorms() {
        List<BatchNorm2d> out = new ArrayList<>();
        for (MaskRefinementModule mrm : mrms) {
            mrm.convs().forEach(c -> out.add(c.norm()));
        }
        out.add(headNorm);
        return out;
    }

    /**
     * The fused coarse features H.
     *
     * @param up2 U-Net tap "up-2" [B, up2Channels, r₀/2, r₀/2]
     * @param up3 U-Net tap "up-3" [B, up3Channels, r₀, r₀]
     * @return H [B, w, r₀, r₀]
     */
    public NDArray coarse(ParameterStore ps, NDArray up2, NDArray up3, boolean training) {
        requireRank(up3, 4, "up-3 tap");
        int r0 = (int) up3.getShape().get(2);
        NDArray lo = BilinearInterpolation.resize(lowFeatureConv.forward(ps, up2, training), r0, r0, false);
        NDArray mid = midFeatureConv.forward(ps, up3, training);
        return fusion.forward(ps, NDArrays.concat(new NDList(lo, mid), 1), null, training);
    }

    /**
     * Inference routing: Y = head(MRM3(MRM2(MRM1(H, V₀), V₁), V₂)) for every image.
     *
     * @param coarse H [B, w, r₀, r₀]
     * @param vae    V₀ … V_{n−1}, V_j [B, c_j, 2^{j+1}·r₀, …]
     * @return probabilities [B, 2, S, S]
     */
    public NDArray refine(ParameterStore ps, NDArray coarse, List<NDArray> vae, BatchNorm2d.Statistics bn,
            boolean training) {
        return head(ps, cascade(ps, coarse, vae, bn, training), bn, training);
    }

    /**
     * Training routing: the first b images (anomaly) are refined by the MRMs, the last b (normal) are only upsampled;
     * the head's BN normalises both halves together, and the same head also reads H at r₀.
     *
     * @param coarse H [2b, w, r₀, r₀]
     * @param vae    the VAE taps of the b anomaly images only
     */
    public RmpPrediction trainingForward(ParameterStore ps, NDArray coarse, List<NDArray> vae, boolean training) {
        long n = coarse.getShape().get(0);
        if (n % 2 != 0) {
            throw new IllegalArgumentException("training routing needs [anomaly b; normal b] features, got " + n);
        }
        long b = n / 2;
        BatchNorm2d.Statistics bn = BatchNorm2d.Statistics.BATCH;
        NDArray refined = cascade(ps, coarse.get(new NDIndex("0:{}", b)), vae, bn, training);
        int side = (int) refined.getShape().get(2);
        NDArray normal = BilinearInterpolation.resize(coarse.get(new NDIndex("{}:", b)), side, side, false);
        NDArray full = head(ps, NDArrays.concat(new NDList(refined, normal)), bn, training);
        return new RmpPrediction(full, head(ps, coarse, bn, training));
    }

    private NDArray cascade(ParameterStore ps, NDArray coarse, List<NDArray> vae, BatchNorm2d.Statistics bn,
            boolean training) {
        if (vae.size() != mrms.size()) {
            throw new IllegalArgumentException("RMP needs " + mrms.size() + " VAE taps, got " + vae.size());
        }
        NDArray c = coarse;
        for (int j = 0; j < mrms.size(); j++) {
            if (vae.get(j).getShape().get(0) != c.getShape().get(0)) {
                throw new IllegalArgumentException("VAE tap " + j + " has batch " + vae.get(j).getShape().get(0)
                        + " but the coarse features have " + c.getShape().get(0));
            }
            c = mrms.get(j).forward(ps, c, vae.get(j), bn, training);
        }
        return c;
    }

    private NDArray head(ParameterStore ps, NDArray x, BatchNorm2d.Statistics bn, boolean training) {
        return headConv.forward(ps, Activation.relu(headNorm.forward(ps, x, bn, training)), training).softmax(1);
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> p) {
        NDArray h = coarse(ps, inputs.get(0), inputs.get(1), training);
        return new NDList(refine(ps, h, inputs.subNDList(2), training ? BatchNorm2d.Statistics.BATCH
                : BatchNorm2d.Statistics.STORED, training));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape last = inputShapes[inputShapes.length - 1];
        return new Shape[] {new Shape(inputShapes[0].get(0), 2, last.get(2), last.get(3))};
    }
}
