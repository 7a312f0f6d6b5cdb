package org.anomalyforge.generator.training;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.List;
import org.anomalyforge.generator.checkpoint.SeasModels;
import org.anomalyforge.generator.losses.FocalLoss;
import org.anomalyforge.generator.losses.MaskBinarisation;
import org.anomalyforge.generator.losses.SoftMaskTargets;
import org.anomalyforge.generator.rmp.RmpPrediction;
import org.anomalyforge.generator.sampling.DdpmScheduler;
import org.anomalyforge.generator.sampling.SeededNoise;
import org.anomalyforge.generator.unet.UNetOutput;
import org.anomalyforge.generator.unet.UNetTapRequest;
import org.anomalyforge.generator.vae.LatentDistribution;
import org.anomalyforge.ingest.tensor.ScalarOps;

/**
 * One stage-2 micro-batch in the order of seas.md §8.2:
 * <ol>
 *   <li>t_i ~ U{0..999} per image (no fixed timestep); z_t = α_t·z̃₀ + σ_t·ε;</li>
 *   <li>frozen U-Net (no DA maps, no graph) → ε̂ and the taps up-2, up-3 for all 2b images;</li>
 *   <li>one DDPM posterior step per anomaly image, z_{t−1} = step(ε̂_i, t_i, z_{t,i}) with fresh ξ when t_i > 0;</li>
 *   <li>frozen VAE decode of z_{t−1}/s → taps V₀…V₂ of the b anomaly images;</li>
 *   <li>RMP in training routing → Y_S [2b, 2, S, S], Y_r₀ [2b, 2, r₀, r₀];</li>
 *   <li>targets M_S = [mask₁…mask_b, 0…0], M_r₀ = bilinear(M_S → r₀), each binarised by the mask rule;</li>
 *   <li>L = Focal(Y_S, M_S) + Focal(Y_r₀, M_r₀); backward of L / accumulation (RMP parameters only).</li>
 * </ol>
 * The frozen networks run with grad mode off, outside the gradient collector; only the RMP forward is recorded.
 */
public final class Stage2Objective {

    /** The loss terms of one micro-batch. */
    public record Terms(double full, double coarse, double total) {

        /** The per-term mean of the micro-batches of one optimiser step. */
        static Terms mean(List<Terms> parts) {
            double n = parts.size();
            return new Terms(parts.stream().mapToDouble(Terms::full).sum() / n,
                    parts.stream().mapToDouble(Terms::coarse).sum() / n,
                    parts.stream().mapToDouble(Terms::total).sum() / n);
        }

        /** focal_full, focal_coarse, total, in this order (the log's columns). */
        public java.util.Map<String, Double> asMap() {
            java.util.Map<String, Double> m = new java.util.LinkedHashMap<>();
            m.put("focal_full", full);
            m.put("focal_coarse", coarse);
            m.put("total", total);
            return m;
        }
    }

    private final SeasModels models;
    private final DdpmScheduler ddpm;
    private final TrainingStreams streams;
    private final FrozenEncoder encoder;
    private final MaskBinarisation binarisation;

    public Stage2Objective(SeasModels models, TrainingStreams streams, MaskBinarisation binarisation) {
        if (models.rmp() == null) {
            throw new IllegalArgumentException("stage 2 needs models with an RMP branch (SeasModels.withFreshRmp)");
        }
        this.models = models;
        this.ddpm = new DdpmScheduler(models.schedule());
        this.ddpm.setTimesteps(models.schedule().numTrainTimesteps());   // step t → t − 1
        this.streams = streams;
        this.encoder = new FrozenEncoder(models);
        this.binarisation = binarisation;
    }

    /** Forward and backward of one micro-batch; gradients accumulate into the RMP's parameters. */
    public Terms run(MicroBatch batch, int accumulation) {
        int b = batch.anomalyCount();
        int n = 2 * b;
        int side = models.config().imageSize();
        int r0 = models.config().unet().sampleSize();
        double s = models.scalingFactor();
        try (NDScope scope = new NDScope(); NDManager m = models.workspace().newSubManager()) {
            ParameterStore ps = new ParameterStore(m, false);
            GradMode.off();
            int[] t = new int[n];
            SeededNoise timesteps = streams.stream(2, batch.index(), TrainingStreams.Purpose.TIMESTEPS);
            for (int i = 0; i < n; i++) {
                t[i] = timesteps.nextInt(models.schedule().numTrainTimesteps());
            }
            Shape latentShape = new Shape(n, models.config().unet().inChannels(), r0, r0);
            NDArray eps = streams.stream(2, batch.index(), TrainingStreams.Purpose.NOISE).nextGaussian(m, latentShape);
            NDArray xi = streams.stream(2, batch.index(), TrainingStreams.Purpose.POSTERIOR)
                    .nextGaussian(m, latentShape);
            LatentDistribution posterior = encoder.moments(batch, m);
            NDArray zt = ddpm.addNoise(ScalarOps.mul(posterior.sample(xi), s), eps, t);
            NDArray ids = m.create(batch.tokenIds(), new Shape(n, batch.tokenIds().length / n));
            NDArray context = models.text().forward(ps, ids, false);
            UNetOutput out = models.unet().forward(ps, zt, m.create(t), context, UNetTapRequest.none(), false);
            NDArray up2 = out.upBlockOutputs().get(models.config().rmpUp2Block());
            NDArray up3 = out.upBlockOutputs().get(models.config().rmpUp3Block());
            List<NDArray> vaeTaps = vaeTaps(ps, m, out.noisePrediction(), zt, t, b, batch.index(), s);
            float[][] targets = targets(batch, b, side, r0);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray h = models.rmp().coarse(ps, up2, up3, true);
                RmpPrediction y = models.rmp().trainingForward(ps, h, vaeTaps, true);
                NDArray full = FocalLoss.compute(y.full(), m.create(targets[0], new Shape(n, side, side)));
                NDArray coarse = FocalLoss.compute(y.coarse(), m.create(targets[1], new Shape(n, r0, r0)));
                NDArray total = full.add(coarse);
                Terms terms = new Terms(full.getFloat(), coarse.getFloat(), total.getFloat());
                if (!Double.isFinite(terms.total())) {
                    throw new IllegalStateException("stage-2 loss of micro-batch " + batch.index()
                            + " is not finite: " + terms);
                }
                gc.backward(ScalarOps.div(total, accumulation));
                return terms;
            }
        }
    }

    /** V₀…V₂ of the anomaly images: decode of the one-step-denoised latent z_{t−1}/s (no graph). */
    private List<NDArray> vaeTaps(ParameterStore ps, NDManager m, NDArray epsHat, NDArray zt, int[] t, int b,
            long index, double s) {
        List<NDArray> previous = new ArrayList<>();
        SeededNoise fresh = streams.stream(2, index, TrainingStreams.Purpose.STEP_NOISE);   // ξ_i drawn in order i
        for (int i = 0; i < b; i++) {
            NDIndex row = new NDIndex("{}:{}", i, i + 1);
            previous.add(ddpm.step(epsHat.get(row), t[i], zt.get(row), (mgr, shape) -> fresh.nextGaussian(mgr, shape))
                    .prevSample());
        }
        NDArray latent = ScalarOps.div(NDArrays.concat(new NDList(previous)), s);
        return models.rmpVaeTaps(ps, latent);
    }

    /** [M_S (2b·S²), M_r₀ (2b·r₀²)] as 0/1 values; the normal half is all zero. */
    private float[][] targets(MicroBatch batch, int b, int side, int r0) {
        int n = 2 * b;
        float[] soft = new float[n * side * side];
        System.arraycopy(batch.masks(), 0, soft, 0, b * side * side);
        boolean[] source = new boolean[n];
        for (int i = 0; i < b; i++) {
            for (int k = i * side * side; k < (i + 1) * side * side && !source[i]; k++) {
                source[i] = soft[k] > 0;
            }
        }
        float[] atS = binarisation.apply(soft, n, source);
        float[] atR0 = binarisation.apply(SoftMaskTargets.bilinear(soft, n, side, r0), n, source);
        return new float[][] {atS, atR0};
    }

    /** Cached (image, augmentation) encodings (for tests and logs). */
    public int cachedLatents() {
        return encoder.size();
    }
}
