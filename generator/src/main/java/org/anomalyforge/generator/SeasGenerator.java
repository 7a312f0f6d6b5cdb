package org.anomalyforge.generator;

import ai.djl.ndarray.NDManager;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.anomalyforge.generator.checkpoint.SeasModels;
import org.anomalyforge.generator.pipeline.SampleSpec;
import org.anomalyforge.generator.pipeline.SeasSampler;
import org.anomalyforge.generator.prompts.PromptSet;
import org.anomalyforge.generator.sampling.SchedulerKind;
import org.anomalyforge.generator.training.ImagePreprocessor;
import org.anomalyforge.ingest.image.BinaryMask;
import org.anomalyforge.ingest.image.ImageDecodeException;
import org.anomalyforge.ingest.image.RgbImage;

/**
 * A loaded SeaS run that generates images. Thread-confined: create one per task (the U-Net swaps attention
 * processors per call and libtorch grad mode is per thread). Requests of one call that share solver and step count
 * run as one batch; results come back in request order.
 */
public final class SeasGenerator implements AutoCloseable {

    /** Mask threshold on the mean defect probability (seas.md §9.1). */
    public static final double MASK_THRESHOLD = 0.2;

    private final String product;
    private final String runId;
    private final SeasModels models;
    private final NDManager root;
    private final SeasSampler sampler;
    private final ImagePreprocessor preprocessor;

    SeasGenerator(String product, String runId, SeasModels models, NDManager root) {
        this.product = product;
        this.runId = runId;
        this.models = models;
        this.root = root;
        this.sampler = new SeasSampler(models);
        this.preprocessor = new ImagePreprocessor(models.config().imageSize());
    }

    public String product() {
        return product;
    }

    /** The defect types in code-point order (type k owns sks{4k+1} … sks{4k+4}). */
    public List<String> defectTypes() {
        return models.prompts().defectTypes();
    }

    public String runId() {
        return runId;
    }

    /** Image side S. */
    public int imageSize() {
        return models.config().imageSize();
    }

    /** Whether this run has the stage-2 mask branch, so anomaly requests come back with masks. */
    public boolean hasMasks() {
        return models.rmp() != null;
    }

    /**
     * One image per request, in request order; the same request always yields the same image. With the mask branch,
     * each anomaly image carries its mask: mean P(defect) over the last three steps > {@value #MASK_THRESHOLD}.
     */
    public List<GeneratedImage> generate(List<GenerationRequest> batch) {
        if (batch == null || batch.isEmpty()) {
            throw new IllegalArgumentException("generate needs at least one request, got none");
        }
        Map<String, List<Integer>> groups = new LinkedHashMap<>();
        for (int j = 0; j < batch.size(); j++) {
            GenerationRequest r = batch.get(j);
            groups.computeIfAbsent(r.sampler() + "/" + r.steps(), k -> new ArrayList<>()).add(j);
        }
        GeneratedImage[] out = new GeneratedImage[batch.size()];
        for (List<Integer> group : groups.values()) {
            List<SampleSpec> specs = new ArrayList<>();
            boolean[] withMask = new boolean[group.size()];
            for (int i = 0; i < group.size(); i++) {
                GenerationRequest r = batch.get(group.get(i));
                specs.add(spec(r, group.get(i)));
                withMask[i] = hasMasks() && r.defectType() != null;
            }
            GenerationRequest first = batch.get(group.get(0));
            SeasSampler.SampleOutput result = sampler.sample(specs, solver(first.sampler()), first.steps(), withMask);
            for (int i = 0; i < group.size(); i++) {
                GenerationRequest r = batch.get(group.get(i));
                float[] p = result.defectProbability().get(i);
                out[group.get(i)] = new GeneratedImage(result.images().get(i), r.defectType(), r.seed(), r.guidance(),
                        runId, p == null ? null : threshold(p, imageSize()));
            }
        }
        return List.of(out);
    }

    /** mask = [p > threshold] (no morphology, as the original). */
    static BinaryMask threshold(float[] probability, int side) {
        if (probability.length != side * side) {
            throw new IllegalArgumentException("defect probability must have " + side + "² values, got "
                    + probability.length);
        }
        byte[] pixels = new byte[probability.length];
        for (int q = 0; q < pixels.length; q++) {
            pixels[q] = (byte) (probability[q] > (float) MASK_THRESHOLD ? 1 : 0);   // in float32, as torch compares
        }
        return new BinaryMask(side, side, pixels);
    }

    private SampleSpec spec(GenerationRequest r, int index) {
        String prompt = r.defectType() == null ? PromptSet.NORMAL_PROMPT : models.prompts().prompt(r.defectType())
                .text();
        float[] reference = null;
        if (r.referenceNormal() != null) {
            try {
                reference = preprocessor.image(r.referenceNormal(), "referenceNormal of request " + index);
            } catch (ImageDecodeException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new SampleSpec(prompt, r.seed(), r.guidance(), reference);
    }

    private static SchedulerKind solver(SamplerKind kind) {
        return switch (kind) {
            case DPM_SOLVER_PP_2M -> SchedulerKind.DPM;
            case DDIM -> SchedulerKind.DDIM;
        };
    }

    @Override
    public void close() {
        models.close();
        root.close();
    }
}
