package org.anomalyforge.generator.training;

import ai.djl.nn.Parameter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.anomalyforge.generator.FinetuneProgress;
import org.anomalyforge.generator.SeasFinetuneOptions;
import org.anomalyforge.generator.checkpoint.SeasModels;
import org.anomalyforge.generator.nn.ParameterRegistry;

/**
 * Stage 0 (tiny only, seas.md §6): fits the autoencoder on the product's normal and few-shot anomaly images with
 * AdamW (lr 5e-4, β (0.9, 0.999), weight decay 0) under a cosine decay to 10 %, then measures s and the
 * reconstruction PSNR (a warning is logged below 22 dB).
 */
public final class Stage0Trainer {

    private static final System.Logger LOG = System.getLogger(Stage0Trainer.class.getName());

    private final SeasModels models;
    private final TrainingData data;
    private final TrainingStreams streams;
    private final SeasFinetuneOptions options;
    private final FinetuneProgress progress;
    private final LossLog log;

    public Stage0Trainer(SeasModels models, TrainingData data, TrainingStreams streams, SeasFinetuneOptions options,
            FinetuneProgress progress, LossLog log) {
        this.models = models;
        this.data = data;
        this.streams = streams;
        this.options = options;
        this.progress = progress;
        this.log = log;
    }

    /** Runs every step, then measures s and the PSNR. */
    public Stage0Result run() {
        int steps = options.stage0Steps();
        progress.onStage("stage0", steps);
        Map<String, Parameter> params = new LinkedHashMap<>();
        ParameterRegistry.parameters(models.vae()).forEach((k, p) -> {
            if (p.requiresGradient()) {
                params.put("vae." + k, p);
            }
        });
        Stage0Objective objective = new Stage0Objective(models.vae(), data, streams, options.seed(), true);
        LearningRateSchedule schedule = LearningRateSchedule.cosineTo(ProfileSettings.STAGE0_FLOOR, steps);
        try (AdamW adam = new AdamW(List.of(new ParamGroup("vae", params, ProfileSettings.STAGE0_LEARNING_RATE, 0)),
                models.workspace())) {
            for (long step = 1; step <= steps; step++) {
                Stage0Terms terms = objective.run(step - 1, models.workspace());
                double factor = schedule.factor(step);
                GradMode.off();
                adam.step(factor);
                double lr = ProfileSettings.STAGE0_LEARNING_RATE * factor;
                log.add("stage0", step, terms.asMap(), lr);
                progress.onStep(step, terms.asMap(), lr);
            }
        }
        log.flush("stage0", steps);
        double s = ScalingFactor.measure(models.vae(), allImages(), data.side(), models.workspace());
        double psnr = ScalingFactor.reconstructionPsnr(models.vae(), data.normals(), data.side(), models.workspace());
        if (psnr < ScalingFactor.PSNR_WARNING_DB) {
            LOG.log(System.Logger.Level.WARNING, "stage 0: reconstruction PSNR {0} dB is below {1} dB; generation "
                    + "will be blurry (more stage-0 steps help)", String.format("%.2f", psnr),
                    ScalingFactor.PSNR_WARNING_DB);
        }
        return new Stage0Result(s, psnr);
    }

    private List<float[]> allImages() {
        List<float[]> all = new java.util.ArrayList<>(data.normals());
        data.anomalies().forEach(a -> all.add(a.image()));
        return all;
    }
}
