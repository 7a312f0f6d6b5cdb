package org.anomalyforge.generator.pipeline;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.List;
import org.anomalyforge.generator.checkpoint.SeasModels;
import org.anomalyforge.generator.nn.BatchNorm2d;
import org.anomalyforge.generator.sampling.InitialLatent;
import org.anomalyforge.generator.sampling.InitialLatentConfig;
import org.anomalyforge.generator.sampling.NoiseScheduler;
import org.anomalyforge.generator.sampling.SchedulerKind;
import org.anomalyforge.generator.sampling.SeededNoise;
import org.anomalyforge.generator.training.GradMode;
import org.anomalyforge.generator.unet.UNetOutput;
import org.anomalyforge.generator.unet.UNetTapRequest;
import org.anomalyforge.generator.vae.LatentDistribution;
import org.anomalyforge.ingest.image.ImageCodec;
import org.anomalyforge.ingest.image.Normalization;
import org.anomalyforge.ingest.image.RgbImage;
import org.anomalyforge.ingest.tensor.ScalarOps;

/**
 * Batched generation (seas.md §9.2), in the numbered steps of diffusers' pipelines:
 * <ol>
 *   <li>check inputs;</li>
 *   <li>encode the prompts once per batch, ordered [uncond ""× B ; cond × B];</li>
 *   <li>set the solver's timesteps (DPM-Solver++ 2M or DDIM on the shared linspace grid);</li>
 *   <li>initial latents per image j: ε_j from stream 0 of seed_j; with a reference, z̃_ref = s·(μ + e^{½logvar}·ξ_j)
 *       with ξ_j from stream 1 and z = κ·z̃_ref + 0.99984084·ε_j (§5.4), else z = ε_j;</li>
 *   <li>denoising loop: U-Net on [z; z], ε = ε_u + g_j·(ε_c − ε_u) per image, solver step;</li>
 *   <li>decode z/s, u8 = round(255·clamp(x/2 + ½, 0, 1)).</li>
 * </ol>
 * Noise is drawn per image in Java, so an image's random numbers never depend on its batch mates; pixels agree
 * across batch compositions up to floating-point reassociation (§9.4), and exactly for the same batch. Each step
 * runs in its own sub-manager, so a loop keeps a constant number of native arrays. Not thread-safe (one per task).
 */
public final class SeasSampler {

    /** Sampling steps whose defect probabilities are averaged into the mask (§9.2: the last three). */
    public static final int MASK_STEPS = 3;

    /**
     * Images and, per image, the mean P(defect) [S·S] over the mask steps ({@code null} where no mask was asked).
     */
    public record SampleOutput(List<RgbImage> images, List<float[]> defectProbability) {
    }

    private final SeasModels models;
    private final InitialLatent referenceStart = new InitialLatent(InitialLatentConfig.seas());
    private final InitialLatent gaussianStart = new InitialLatent(InitialLatentConfig.pureNoise());

    public SeasSampler(SeasModels models) {
        double vaeScale = models.vae().config().scalingFactor();
        if (vaeScale != models.scalingFactor()) {
            throw new IllegalArgumentException("the VAE was built with s = " + vaeScale + " but the model config has s = "
                    + models.scalingFactor() + "; load the checkpoint (SeasCheckpoint.read) to sample");
        }
        this.models = models;
    }

    /** Generates one image per spec with {@code steps} steps of {@code solver} (DPM or DDIM). */
    public List<RgbImage> sample(List<SampleSpec> specs, SchedulerKind solver, int steps) {
        return sample(specs, solver, steps, new boolean[specs == null ? 0 : specs.size()]).images();
    }

    /**
     * Generates one image per spec and, for the specs flagged in {@code withMask}, the mean defect probability of
     * the mask branch over the last {@value #MASK_STEPS} steps (seas.md §9.2 step 3.2): before each of those updates,
     * the current latent z/s is decoded for the VAE taps and the RMP reads the conditional half's up-2 and up-3.
     */
    public SampleOutput sample(List<SampleSpec> specs, SchedulerKind solver, int steps, boolean[] withMask) {
        // 1. check inputs
        int side = models.config().imageSize();
        checkInputs(specs, solver, steps, side);
        int[] maskRows = maskRows(withMask, specs.size());
        GradMode.off();                                          // thread-local: Spark task threads start with it on
        int b = specs.size();
        int r0 = models.config().unet().sampleSize();
        Shape latentShape = new Shape(models.config().unet().inChannels(), r0, r0);
        try (NDManager loop = models.workspace().newSubManager();
                NoiseScheduler scheduler = solver.create(models.schedule())) {
            ParameterStore ps = new ParameterStore(loop, false);
            // 2. encode prompts: [uncond × B ; cond × B]
            NDArray context = encodePrompts(ps, loop, specs);
            // 3. timesteps
            scheduler.setTimesteps(steps);
            // 4. initial latents
            NDArray z = initialLatents(ps, loop, specs, latentShape, side);
            float[] g = new float[b];
            for (int j = 0; j < b; j++) {
                g[j] = (float) specs.get(j).guidance();
            }
            // 5. denoising loop (with the mask branch in the last steps)
            int[] grid = scheduler.timesteps();
            int maskFrom = grid.length - Math.min(MASK_STEPS, grid.length);
            float[][] probability = new float[b][];
            for (int k = 0; k < grid.length; k++) {
                int t = grid[k];
                NDArray next;
                try (NDManager step = loop.newSubManager()) {
                    // owned copies in the step manager: every result of this step lands there and dies with it
                    NDArray zs = z.duplicate();
                    zs.attach(step);
                    NDArray cs = context.duplicate();
                    cs.attach(step);
                    NDArray input = NDArrays.concat(new NDList(zs, zs));
                    NDArray ts = step.full(new Shape(2L * b), t, ai.djl.ndarray.types.DataType.INT32);
                    UNetOutput out = models.unet().forward(ps, input, ts, cs, UNetTapRequest.none(), false);
                    NDArray eps = out.noisePrediction();
                    if (k >= maskFrom && maskRows.length > 0) {
                        accumulateMask(ps, out, zs, b, maskRows, probability, grid.length - maskFrom);
                    }
                    NDArray uncond = eps.get(new NDIndex("0:{}", b));
                    NDArray cond = eps.get(new NDIndex("{}:", b));
                    NDArray guided = uncond.add(cond.sub(uncond).mul(step.create(g, new Shape(b, 1, 1, 1))));
                    next = scheduler.step(guided, t, zs).prevSample();
                    next.attach(loop);
                }
                z.close();
                z = next;
            }
            // 6. decode
            return new SampleOutput(decode(ps, z, b, side), java.util.Arrays.asList(probability));
        }
    }

    private int[] maskRows(boolean[] withMask, int b) {
        if (withMask.length != b) {
            throw new IllegalArgumentException("withMask must flag each of the " + b + " images, got "
                    + withMask.length + " flags");
        }
        int[] rows = java.util.stream.IntStream.range(0, b).filter(j -> withMask[j]).toArray();
        if (rows.length > 0 && models.rmp() == null) {
            throw new IllegalStateException("masks were requested but this model has no RMP branch (run stage 2: "
                    + "forge generator train-masks)");
        }
        return rows;
    }

    /** Adds P(defect)/count of the masked rows at this step: RMP on cond up-2/up-3 and the VAE taps of z/s. */
    private void accumulateMask(ParameterStore ps, UNetOutput out, NDArray z, int b, int[] rows, float[][] sum,
            int count) {
        NDArray up2 = rows(out.upBlockOutputs().get(models.config().rmpUp2Block()), rows, b);
        NDArray up3 = rows(out.upBlockOutputs().get(models.config().rmpUp3Block()), rows, b);
        NDArray latent = ScalarOps.div(rows(z, rows, 0), models.scalingFactor());
        List<NDArray> taps = models.rmpVaeTaps(ps, latent);
        NDArray h = models.rmp().coarse(ps, up2, up3, false);
        float[] p = models.rmp().refine(ps, h, taps, BatchNorm2d.Statistics.STORED, false)
                .get(new NDIndex(":, 1")).toFloatArray();
        int plane = p.length / rows.length;
        for (int i = 0; i < rows.length; i++) {
            float[] acc = sum[rows[i]] == null ? (sum[rows[i]] = new float[plane]) : sum[rows[i]];
            for (int q = 0; q < plane; q++) {
                acc[q] += p[i * plane + q] / count;
            }
        }
    }

    /** Rows offset + rows[i] of x, stacked in order. */
    private static NDArray rows(NDArray x, int[] rows, int offset) {
        NDList picked = new NDList();
        for (int r : rows) {
            picked.add(x.get(new NDIndex("{}:{}", offset + r, offset + r + 1)));
        }
        return NDArrays.concat(picked);
    }

    private void checkInputs(List<SampleSpec> specs, SchedulerKind solver, int steps, int side) {
        if (specs == null || specs.isEmpty()) {
            throw new IllegalArgumentException("sampler batch must hold at least one image, got none");
        }
        if (solver != SchedulerKind.DPM && solver != SchedulerKind.DDIM) {
            throw new IllegalArgumentException("sampler must be DPM or DDIM (deterministic solvers), got " + solver);
        }
        if (steps < 1 || steps > models.schedule().numTrainTimesteps()) {
            throw new IllegalArgumentException("steps must be in 1.." + models.schedule().numTrainTimesteps()
                    + ", got " + steps);
        }
        for (int j = 0; j < specs.size(); j++) {
            float[] ref = specs.get(j).reference();
            if (ref != null && ref.length != 3 * side * side) {
                throw new IllegalArgumentException("reference of image " + j + " must be [3, " + side + ", " + side
                        + "] = " + 3 * side * side + " floats, got " + ref.length);
            }
            models.tokenizer().encode(specs.get(j).prompt());
        }
    }

    private NDArray encodePrompts(ParameterStore ps, NDManager m, List<SampleSpec> specs) {
        int b = specs.size();
        int ctx = models.config().textEncoder().maxPositions();
        long[] ids = new long[2 * b * ctx];
        int[] empty = models.tokenizer().encode("");
        for (int j = 0; j < b; j++) {
            int[] cond = models.tokenizer().encode(specs.get(j).prompt());
            for (int i = 0; i < ctx; i++) {
                ids[j * ctx + i] = empty[i];
                ids[(b + j) * ctx + i] = cond[i];
            }
        }
        return models.text().forward(ps, m.create(ids, new Shape(2L * b, ctx)), false);
    }

    private NDArray initialLatents(ParameterStore ps, NDManager m, List<SampleSpec> specs, Shape latentShape,
            int side) {
        List<NDArray> rows = new ArrayList<>();
        for (SampleSpec spec : specs) {
            NDArray eps = SeededNoise.forStream(spec.seed(), SeededNoise.INITIAL_NOISE_STREAM)
                    .nextGaussian(m, new Shape(1).addAll(latentShape));
            if (spec.reference() == null) {
                rows.add(gaussianStart.create(null, eps));
            } else {
                NDArray x = m.create(spec.reference(), new Shape(1, 3, side, side));
                LatentDistribution posterior = models.vae().encode(ps, x, false);
                NDArray xi = SeededNoise.forStream(spec.seed(), SeededNoise.REFERENCE_POSTERIOR_STREAM)
                        .nextGaussian(m, new Shape(1).addAll(latentShape));
                rows.add(referenceStart.create(models.vae().scaledSample(posterior, xi), eps));
            }
        }
        return NDArrays.concat(new NDList(rows));
    }

    private List<RgbImage> decode(ParameterStore ps, NDArray z, int b, int side) {
        float[] pixels = models.vae().decode(ps, z, false).image().toFloatArray();
        int per = 3 * side * side;
        List<RgbImage> images = new ArrayList<>();
        for (int j = 0; j < b; j++) {
            images.add(ImageCodec.fromChw(java.util.Arrays.copyOfRange(pixels, j * per, (j + 1) * per), side, side,
                    Normalization.MINUS_ONE_TO_ONE));
        }
        return images;
    }
}
