package org.anomalyforge.generator.training;

import ai.djl.nn.Parameter;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.anomalyforge.generator.FinetuneProgress;
import org.anomalyforge.generator.checkpoint.SeasModels;
import org.anomalyforge.generator.checkpoint.SeasTrainingSettings;
import org.anomalyforge.generator.losses.DaLoss;
import org.anomalyforge.generator.losses.OmegaRegion;
import org.anomalyforge.generator.nn.ParameterRegistry;

/**
 * Stage 1 (seas.md §7): what is trained (§7.1: U-Net fully; tiny text encoder fully, sd14 only its token table;
 * VAE frozen), AdamW with the per-group learning rates of §7.2, gradient accumulation over micro-batches, global
 * norm clipping (tiny), the lr schedule, progress, logging and periodic checkpoints.
 */
public final class Stage1Trainer {

    /** The sd14 text parameter that stays trainable (§7.1). */
    public static final String TOKEN_TABLE = "text_model.embeddings.token_embedding.weight";

    /** Saves a checkpoint after the given completed step, with the empty-Ω count so far. */
    @FunctionalInterface
    public interface Checkpointer {
        void save(long step, long daEmptyOmega) throws IOException;
    }

    private final SeasModels models;
    private final SeasTrainingSettings settings;
    private final FinetuneProgress progress;
    private final LossLog log;
    private final MicroBatchBuilder batches;
    private final Stage1Objective objective;

    public Stage1Trainer(SeasModels models, TrainingData data, TrainingStreams streams, SeasTrainingSettings settings,
            FinetuneProgress progress, LossLog log) {
        this.models = models;
        this.settings = settings;
        this.progress = progress;
        this.log = log;
        this.batches = new MicroBatchBuilder(data, models.tokenizer(), models.prompts(), streams, settings.seed(),
                settings.batchSize(), true, settings.promptDropout());
        this.objective = new Stage1Objective(models, new DaLoss(OmegaRegion.valueOf(settings.omegaRegion())), streams,
                batches.daTokens());
        freeze();
    }

    /** §7.1: VAE frozen; sd14 text encoder frozen except the token table. */
    private void freeze() {
        models.vae().freezeParameters(true);
        boolean tiny = "tiny".equals(settings.profile());
        ParameterRegistry.parameters(models.text()).forEach((k, p) -> p.freeze(!tiny && !k.equals(TOKEN_TABLE)));
        models.unet().freezeParameters(false);
    }

    /** A new AdamW over the two groups (U-Net, text encoder) with the profile's rates (caller closes it). */
    public AdamW optimizer() {
        return new AdamW(List.of(
                new ParamGroup("unet", trainable("unet.", ParameterRegistry.parameters(models.unet())),
                        settings.unetLearningRate(), settings.weightDecay()),
                new ParamGroup("text_encoder", trainable("text_encoder.", ParameterRegistry.parameters(models.text())),
                        settings.textLearningRate(), settings.weightDecay())), models.workspace());
    }

    private static Map<String, Parameter> trainable(String prefix, Map<String, Parameter> registry) {
        Map<String, Parameter> out = new LinkedHashMap<>();
        registry.forEach((k, p) -> {
            if (p.requiresGradient()) {
                out.put(prefix + k, p);
            }
        });
        return out;
    }

    /** The micro-batch source (for tests). */
    public MicroBatchBuilder batches() {
        return batches;
    }

    /**
     * Runs steps {@code done + 1 … total}; checkpoints every ⌈total/10⌉ (≤ 50) steps and after the last.
     *
     * @param emptyBefore the empty-Ω count of the steps already done
     * @return micro-batches whose DA term 2 had an empty Ω (summed over resolutions), including {@code emptyBefore}
     */
    public long run(AdamW optimizer, long done, long total, long emptyBefore, Checkpointer checkpointer)
            throws IOException {
        progress.onStage("stage1", total);
        long every = Math.max(1, Math.min(50, (total + 9) / 10));
        LearningRateSchedule schedule = ProfileSettings.stage1Schedule(settings);
        int accumulation = settings.gradientAccumulation();
        long emptyOmega = emptyBefore;
        for (long step = done + 1; step <= total; step++) {
            Stage1Terms terms = step(optimizer, step, schedule.factor(step));
            emptyOmega += terms.emptyOmega();
            double lr = settings.unetLearningRate() * schedule.factor(step);
            log.add("stage1", step, terms.asMap(), lr);
            progress.onStep(step, terms.asMap(), lr);
            if (step % every == 0 || step == total) {
                if (step == total) {
                    log.flush("stage1", step);
                }
                checkpointer.save(step, emptyOmega);
            }
        }
        log.flush("stage1", total);
        return emptyOmega;
    }

    /** One optimiser step: {@code accumulation} micro-batches, clipping (tiny), AdamW. */
    public Stage1Terms step(AdamW optimizer, long step, double lrFactor) {
        int accumulation = settings.gradientAccumulation();
        List<Stage1Terms> parts = new ArrayList<>();
        for (int k = 0; k < accumulation; k++) {
            parts.add(objective.run(batches.build((step - 1) * accumulation + k), accumulation));
        }
        GradMode.off();
        double norm = GradientClipping.clip(optimizer.parameters(), settings.clipNorm() > 0 ? settings.clipNorm()
                : Double.POSITIVE_INFINITY, models.workspace());
        Stage1Terms mean = Stage1Terms.mean(parts);
        if (!Double.isFinite(norm)) {
            // a non-finite gradient (seen from the DA term in long tiny runs, DESIGN 7.6): skip the update, as
            // torch.amp.GradScaler does, and report it
            GradientClipping.zero(optimizer.parameters());
            return mean.asSkipped();
        }
        optimizer.step(lrFactor);
        return mean;
    }
}
