package org.anomalyforge.generator.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.anomalyforge.generator.FinetuneProgress;
import org.anomalyforge.generator.checkpoint.SeasModels;
import org.anomalyforge.generator.nn.BatchNorm2d;
import org.anomalyforge.generator.nn.ParameterRegistry;
import org.anomalyforge.generator.rmp.RefinedMaskPredictor;
import org.anomalyforge.generator.sampling.DdpmScheduler;
import org.anomalyforge.generator.sampling.NoiseScheduler;
import org.anomalyforge.generator.sampling.SchedulerKind;
import org.anomalyforge.generator.sampling.SeededNoise;
import org.anomalyforge.generator.unet.UNetOutput;
import org.anomalyforge.generator.unet.UNetTapRequest;
import org.anomalyforge.ingest.tensor.ScalarOps;

/**
 * Stage 2 (seas.md §8.2) and the BN recalibration of §8.4: AdamW (lr 5e-4, β (0.9, 0.999), weight decay 0.01,
 * constant rate) over the RMP only, 2 micro-batches per step; an update whose gradient norm is not finite is skipped
 * and counted, as in stage 1. Then K micro-batches at the sampler's last three timesteps re-estimate every BN's
 * statistics as an exact average (inference routing, weights untouched).
 */
public final class Stage2Trainer {

    public static final double LEARNING_RATE = 5e-4;
    public static final double WEIGHT_DECAY = 0.01;
    public static final int ACCUMULATION = 2;
    /** Sampler steps whose last three timesteps recalibration draws from (§9.1: 25). */
    public static final int SAMPLER_STEPS = 25;
    /** How many of the last sampler steps produce the mask (§9.2). */
    public static final int MASK_STEPS = 3;

    private final SeasModels models;
    private final MicroBatchBuilder batches;
    private final Stage2Objective objective;
    private final TrainingStreams streams;
    private final FinetuneProgress progress;
    private final LossLog log;
    private final FrozenEncoder encoder;
    private final DdpmScheduler ddpm;
    private final double learningRate;

    public Stage2Trainer(SeasModels models, MicroBatchBuilder batches, Stage2Objective objective,
            TrainingStreams streams, FinetuneProgress progress, LossLog log, double learningRate) {
        this.models = models;
        this.batches = batches;
        this.objective = objective;
        this.streams = streams;
        this.progress = progress;
        this.log = log;
        this.encoder = new FrozenEncoder(models);
        this.ddpm = new DdpmScheduler(models.schedule());
        this.learningRate = learningRate;
    }

    /** Runs {@code steps} optimiser steps; returns the number of skipped (non-finite gradient) updates. */
    public long train(int steps) {
        progress.onStage("stage2", steps);
        long skipped = 0;
        try (AdamW adam = new AdamW(List.of(new ParamGroup("rmp", trainable(models.rmp()), learningRate,
                WEIGHT_DECAY)), models.workspace())) {
            for (long step = 1; step <= steps; step++) {
                List<Stage2Objective.Terms> parts = new ArrayList<>();
                for (int k = 0; k < ACCUMULATION; k++) {
                    parts.add(objective.run(batches.build((step - 1) * ACCUMULATION + k), ACCUMULATION));
                }
                GradMode.off();
                double norm = GradientClipping.clip(adam.parameters(), Double.POSITIVE_INFINITY, models.workspace());
                Map<String, Double> terms = Stage2Objective.Terms.mean(parts).asMap();
                if (Double.isFinite(norm)) {
                    adam.step(1.0);
                    terms.put("skipped_steps", 0.0);
                } else {
                    GradientClipping.zero(adam.parameters());
                    skipped++;
                    terms.put("skipped_steps", 1.0);
                }
                log.add("stage2", step, terms, learningRate);
                progress.onStep(step, terms, learningRate);
            }
        }
        log.flush("stage2", steps);
        return skipped;
    }

    /**
     * §8.4 recalibration: {@code batchCount} micro-batches of anomaly items with their UA prompts, t drawn from the
     * sampler's last three timesteps, VAE taps of z_t/s, RMP in inference routing with every BN accumulating the exact
     * average of its batch statistics.
     */
    public void recalibrate(int batchCount) {
        RefinedMaskPredictor rmp = models.rmp();
        rmp.batchNorms().forEach(BatchNorm2d::resetStored);
        int[] maskTimesteps = maskTimesteps(models);
        progress.onStage("recalibration", batchCount);
        int r0 = models.config().unet().sampleSize();
        double s = models.scalingFactor();
        for (int k = 0; k < batchCount; k++) {
            MicroBatch batch = batches.build(1_000_000L + k);   // positions after any training batch
            int b = batch.anomalyCount();
            try (NDScope ignored = new NDScope(); NDManager m = models.workspace().newSubManager()) {
                ParameterStore ps = new ParameterStore(m, false);
                GradMode.off();
                SeededNoise pick = streams.stream(3, k, TrainingStreams.Purpose.TIMESTEPS);
                int[] t = new int[b];
                for (int i = 0; i < b; i++) {
                    t[i] = maskTimesteps[pick.nextInt(maskTimesteps.length)];
                }
                Shape shape = new Shape(b, models.config().unet().inChannels(), r0, r0);
                NDArray eps = streams.stream(3, k, TrainingStreams.Purpose.NOISE).nextGaussian(m, shape);
                NDArray xi = streams.stream(3, k, TrainingStreams.Purpose.POSTERIOR)
                        .nextGaussian(m, new Shape(2L * b).addAll(shape.slice(1)));
                NDArray z0 = ScalarOps.mul(encoder.moments(batch, m).sample(xi).get(new NDIndex("0:{}", b)), s);
                NDArray zt = ddpm.addNoise(z0, eps, t);
                long[] ids = Arrays.copyOfRange(batch.tokenIds(), 0, batch.tokenIds().length / 2);
                NDArray context = models.text().forward(ps, m.create(ids, new Shape(b, ids.length / b)), false);
                UNetOutput out = models.unet().forward(ps, zt, m.create(t), context, UNetTapRequest.none(), false);
                NDArray h = rmp.coarse(ps, out.upBlockOutputs().get(models.config().rmpUp2Block()),
                        out.upBlockOutputs().get(models.config().rmpUp3Block()), false);
                List<NDArray> taps = models.rmpVaeTaps(ps, ScalarOps.div(zt, s));
                rmp.refine(ps, h, taps, BatchNorm2d.Statistics.CUMULATIVE, false);
            }
            progress.onStep(k + 1, Map.of(), 0);
        }
    }

    /** The last {@value #MASK_STEPS} timesteps of the {@value #SAMPLER_STEPS}-step DPM-Solver++ grid (120, 80, 40). */
    public static int[] maskTimesteps(SeasModels models) {
        try (NoiseScheduler scheduler = SchedulerKind.DPM.create(models.schedule())) {
            scheduler.setTimesteps(SAMPLER_STEPS);
            int[] all = scheduler.timesteps();
            return Arrays.copyOfRange(all, all.length - MASK_STEPS, all.length);
        }
    }

    /** The RMP's trainable parameters keyed {@code rmp.<key>} (BN buffers excluded). */
    static Map<String, Parameter> trainable(RefinedMaskPredictor rmp) {
        Map<String, Parameter> out = new LinkedHashMap<>();
        ParameterRegistry.parameters(rmp).forEach((k, p) -> {
            if (p.requiresGradient()) {
                out.put("rmp." + k, p);
            }
        });
        return out;
    }
}
