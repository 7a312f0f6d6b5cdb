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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.anomalyforge.generator.checkpoint.SeasModels;
import org.anomalyforge.generator.losses.DaLoss;
import org.anomalyforge.generator.losses.DaLossTerms;
import org.anomalyforge.generator.losses.NoisePredictionLoss;
import org.anomalyforge.generator.losses.SoftMaskTargets;
import org.anomalyforge.generator.sampling.DdpmScheduler;
import org.anomalyforge.generator.unet.UNetOutput;
import org.anomalyforge.generator.unet.UNetTapRequest;
import org.anomalyforge.generator.vae.LatentDistribution;
import org.anomalyforge.ingest.tensor.ScalarOps;

/**
 * One stage-1 micro-batch in the order of seas.md §7.3:
 * <ol>
 *   <li>t_i ~ U{0..999} and ε_i ~ N(0, I) [2b, 4, r₀, r₀] from the micro-batch's streams;</li>
 *   <li>z̃₀ = s·(μ + exp(½·logvar)·ξ) with the frozen encoder (no graph; moments cached per image and
 *       augmentation);</li>
 *   <li>z_t = α_t·z̃₀ + σ_t·ε (DDPM training schedule);</li>
 *   <li>c = TextEncoder(ids) [2b, 77, width] and (ε̂, DA maps) = U-Net(z_t, t, c), under one GradientCollector;</li>
 *   <li>L = L_anom + L_NA + Σ_r L_DA^r (DA on the kept anomaly samples, §7.6), backward of L / accumulation.</li>
 * </ol>
 * Every native array of the micro-batch is released by an {@code NDScope} plus a workspace sub-manager (parameters
 * and gradients stay). Without the scope, the fixed-batch test produced NaN gradients; see DESIGN "open issue".
 * A non-finite total fails with the terms named, instead of poisoning the weights.
 */
public final class Stage1Objective {

    private final SeasModels models;
    private final DdpmScheduler ddpm;
    private final DaLoss daLoss;
    private final TrainingStreams streams;
    private final int[] daTokens;
    private final FrozenEncoder encoder;

    public Stage1Objective(SeasModels models, DaLoss daLoss, TrainingStreams streams, int[] daTokens) {
        this.models = models;
        this.ddpm = new DdpmScheduler(models.schedule());
        this.daLoss = daLoss;
        this.streams = streams;
        this.daTokens = daTokens.clone();
        this.encoder = new FrozenEncoder(models);
    }

    /** Forward and backward of one micro-batch; gradients accumulate into the trainable parameters. */
    public Stage1Terms run(MicroBatch batch, int accumulation) {
        int b = batch.anomalyCount();
        int n = 2 * b;
        int side = models.config().imageSize();
        int r0 = models.config().unet().sampleSize();
        int channels = models.config().unet().inChannels();
        NDManager root = models.workspace();
        try (NDScope scope = new NDScope(); NDManager m = root.newSubManager()) {
            ParameterStore ps = new ParameterStore(m, false);
            int[] t = new int[n];
            var timesteps = streams.stream(1, batch.index(), TrainingStreams.Purpose.TIMESTEPS);
            for (int i = 0; i < n; i++) {
                t[i] = timesteps.nextInt(models.schedule().numTrainTimesteps());
            }
            Shape latentShape = new Shape(n, channels, r0, r0);
            NDArray eps = streams.stream(1, batch.index(), TrainingStreams.Purpose.NOISE).nextGaussian(m, latentShape);
            NDArray xi = streams.stream(1, batch.index(), TrainingStreams.Purpose.POSTERIOR)
                    .nextGaussian(m, latentShape);
            LatentDistribution posterior = encoder.moments(batch, m);
            NDArray z0 = ScalarOps.mul(posterior.sample(xi), models.scalingFactor());
            NDArray zt = ddpm.addNoise(z0, eps, t);
            NDArray ids = m.create(batch.tokenIds(), new Shape(n, batch.tokenIds().length / n));
            NDArray tArray = m.create(t);
            Map<Integer, float[]> targets = SoftMaskTargets.targets(batch.masks(), b, side, r0,
                    models.config().daResolutions());
            int[] kept = batch.keptAnomalies();
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray context = models.text().forward(ps, ids, true);
                UNetOutput out = models.unet().forward(ps, zt, tArray, context,
                        UNetTapRequest.daMaps(models.config().daResolutions(), daTokens), true);
                NDArray anomaly = NoisePredictionLoss.anomaly(out.noisePrediction(), eps, b);
                NDArray normal = NoisePredictionLoss.normal(out.noisePrediction(), eps, b);
                NDArray total = anomaly.add(normal);
                Map<Integer, Double> da = new LinkedHashMap<>();
                int empty = 0;
                for (int r : models.config().daResolutions()) {
                    if (kept.length == 0) {
                        da.put(r, 0.0);                                  // both anomaly prompts dropped (§7.6)
                        continue;
                    }
                    DaLossTerms terms = daLoss.compute(select(out.daMaps().get(r), kept),
                            m.create(select(targets.get(r), kept, r * r), new Shape(kept.length, r, r)));
                    total = total.add(terms.loss());
                    da.put(r, (double) terms.loss().getFloat());
                    empty += terms.emptyRegion() ? 1 : 0;
                }
                double totalValue = total.getFloat();
                Stage1Terms result = new Stage1Terms(anomaly.getFloat(), normal.getFloat(), da, empty, totalValue);
                if (!Double.isFinite(totalValue)) {
                    throw new IllegalStateException("stage-1 loss of micro-batch " + batch.index()
                            + " is not finite: " + result.asMap());
                }
                gc.backward(ScalarOps.div(total, accumulation));
                return result;
            }
        }
    }

    /** Rows {@code kept} of maps [2b, 5, r, r], stacked to [kept, 5, r, r] (stays on the graph). */
    private static NDArray select(NDArray maps, int[] kept) {
        List<NDArray> rows = new ArrayList<>();
        for (int i : kept) {
            rows.add(maps.get(new NDIndex("{}", i)));
        }
        return NDArrays.stack(new NDList(rows));
    }

    private static float[] select(float[] planes, int[] kept, int plane) {
        float[] out = new float[kept.length * plane];
        for (int j = 0; j < kept.length; j++) {
            System.arraycopy(planes, kept[j] * plane, out, j * plane, plane);
        }
        return out;
    }

    /** Cached (image, augmentation) encodings (for tests and logs). */
    public int cachedLatents() {
        return encoder.size();
    }
}
