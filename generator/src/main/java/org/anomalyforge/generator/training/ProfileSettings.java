package org.anomalyforge.generator.training;

import java.util.ArrayList;
import java.util.List;
import org.anomalyforge.generator.SeasFinetuneOptions;
import org.anomalyforge.generator.SeasProfile;
import org.anomalyforge.generator.checkpoint.SeasTrainingSettings;
import org.anomalyforge.generator.config.SeasModelConfig;
import org.anomalyforge.generator.config.UNetConfig;
import org.anomalyforge.generator.config.VaeConfig;
import org.anomalyforge.generator.losses.OmegaRegion;

/**
 * The per-profile training settings of seas.md §7.2 and §7.6, and the model configuration at the requested image
 * size: tiny keeps its architecture and scales the sample sizes (S = 64 gives 8² latents and DA maps at 8² and 4²,
 * the spec's S = 128 gives 16² and 8²); sd14 must run at 512².
 */
public final class ProfileSettings {

    /** DA Ω rule: the facade has no data-set flavour, so mvtec/custom's FULL applies. */
    public static final OmegaRegion OMEGA = OmegaRegion.FULL;

    private ProfileSettings() {
    }

    /** The networks for {@code options.profile()} at S = {@code options.imageSize()}. */
    public static SeasModelConfig modelConfig(SeasFinetuneOptions options) {
        if (options.profile() == SeasProfile.SD14) {
            if (options.imageSize() != 512) {
                throw new IllegalArgumentException("SeasFinetuneOptions.imageSize must be 512 for sd14, got "
                        + options.imageSize());
            }
            return SeasModelConfig.sd14();
        }
        return tinyAt(options.imageSize());
    }

    /** The tiny profile at image side S (S multiple of 32: latent S/8 divisible by the U-Net's 4). */
    public static SeasModelConfig tinyAt(int side) {
        SeasModelConfig t = SeasModelConfig.tiny();
        UNetConfig u = t.unet();
        VaeConfig v = t.vae();
        int r0 = side / v.downscaleFactor();
        UNetConfig unet = new UNetConfig(r0, u.inChannels(), u.outChannels(), u.blockOutChannels(), u.downBlockTypes(),
                u.upBlockTypes(), u.layersPerBlock(), u.attentionHeads(), u.crossAttentionDim(), u.transformerLayers(),
                u.normGroups(), u.normEps(), u.transformerNormEps(), u.flipSinToCos(), u.freqShift());
        VaeConfig vae = new VaeConfig(side, v.inChannels(), v.outChannels(), v.latentChannels(), v.blockOutChannels(),
                v.layersPerBlock(), v.normGroups(), v.normEps(), v.scalingFactor());
        List<Integer> da = new ArrayList<>();
        for (int r : t.daResolutions()) {
            da.add(r * r0 / u.sampleSize());
        }
        return new SeasModelConfig(t.profile(), side, unet, vae, t.textEncoder(), da);
    }

    /** The recorded hyper-parameters for a run with {@code stage1Steps} resolved. */
    public static SeasTrainingSettings settings(SeasFinetuneOptions o, int stage1Steps) {
        boolean tiny = o.profile() == SeasProfile.TINY;
        return new SeasTrainingSettings(tiny ? "tiny" : "sd14", o.imageSize(), tiny ? o.stage0Steps() : 0,
                stage1Steps, o.batchSize(), o.gradientAccumulation(), o.seed(), tiny ? 2e-4 : 4e-6,
                tiny ? 2e-4 : 4e-5, 0.01, tiny ? 25 : 0, tiny ? 1.0 : 0.0, tiny ? 0.1 : 0.0, OMEGA.name(),
                tiny ? "RANDOM" : "COPY_SOURCE", SeasTrainingSettings.RESIZE_FILTER);
    }

    /** Stage-1 lr schedule: tiny linear warm-up then constant, sd14 constant. */
    public static LearningRateSchedule stage1Schedule(SeasTrainingSettings s) {
        return s.warmupSteps() > 0 ? LearningRateSchedule.linearWarmup(s.warmupSteps())
                : LearningRateSchedule.constant();
    }

    /** Stage-0 AdamW learning rate. */
    public static final double STAGE0_LEARNING_RATE = 5e-4;
    /** Stage-0 cosine floor (10 % of the base rate). */
    public static final double STAGE0_FLOOR = 0.1;
}
