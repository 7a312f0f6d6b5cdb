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
import org.anomalyforge.ingest.image.ImageDecodeException;
import org.anomalyforge.ingest.image.RgbImage;

/**
 * A loaded SeaS run that generates images. Thread-confined: create one per task (the U-Net swaps attention
 * processors per call and libtorch grad mode is per thread). Requests of one call that share solver and step count
 * run as one batch; results come back in request order.
 */
public final class SeasGenerator implements AutoCloseable {

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

    /** One image per request, in request order; the same request always yields the same image. */
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
            for (int j : group) {
                specs.add(spec(batch.get(j), j));
            }
            GenerationRequest first = batch.get(group.get(0));
            List<RgbImage> images = sampler.sample(specs, solver(first.sampler()), first.steps());
            for (int i = 0; i < group.size(); i++) {
                GenerationRequest r = batch.get(group.get(i));
                out[group.get(i)] = new GeneratedImage(images.get(i), r.defectType(), r.seed(), r.guidance(), runId);
            }
        }
        return List.of(out);
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
