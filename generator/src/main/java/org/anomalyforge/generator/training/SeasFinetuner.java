package org.anomalyforge.generator.training;

import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.anomalyforge.generator.FinetuneProgress;
import org.anomalyforge.generator.FinetuneResult;
import org.anomalyforge.generator.SeasFinetuneOptions;
import org.anomalyforge.generator.SeasFinetuneRequest;
import org.anomalyforge.generator.SeasProfile;
import org.anomalyforge.generator.ShotImage;
import org.anomalyforge.generator.checkpoint.SeasCheckpoint;
import org.anomalyforge.generator.checkpoint.SeasModels;
import org.anomalyforge.generator.checkpoint.SeasTrainingSettings;
import org.anomalyforge.generator.config.SeasModelConfig;
import org.anomalyforge.generator.prompts.DefectTypeOrder;
import org.anomalyforge.ingest.store.ModelStore;
import org.anomalyforge.ingest.store.RunRef;
import org.anomalyforge.ingest.store.RunWriter;
import org.anomalyforge.ingest.store.Sha256;

/**
 * Fine-tunes one product (stage 0 for tiny, then stage 1) and commits the run to the model store as kind
 * {@value #KIND}.
 *
 * <p>Flow: decode and preprocess the data; compute the resume key (SHA-256 of product, options and every input
 * byte); resume the newest unfinished staging run with that key, else create one; build the networks (tiny: seeded;
 * sd14: imported) and, when resuming, restore the last checkpoint; run the remaining steps with checkpoints every
 * ⌈steps/10⌉ (at most 50) stage-1 steps and at the end of stage 0; write the final checkpoint files, logs and
 * {@code split.json} into the run, delete the checkpoints and commit with the final losses as metrics. The whole run
 * holds the JVM-wide {@link TrainingLock} and switches grad mode off on the calling thread.
 */
public final class SeasFinetuner {

    /** Model-store kind. */
    public static final String KIND = "seas";

    private final SeasFinetuneRequest request;
    private final FinetuneProgress progress;

    public SeasFinetuner(SeasFinetuneRequest request, FinetuneProgress progress) {
        this.request = request;
        this.progress = progress == null ? FinetuneProgress.NONE : progress;
    }

    /** Trains (or resumes) and commits; blocks while another SeaS fine-tune runs in this JVM. */
    public FinetuneResult run() throws IOException {
        return TrainingLock.holding(this::train);
    }

    private FinetuneResult train() throws IOException {
        SeasFinetuneOptions o = request.options();
        if (o.profile() == SeasProfile.SD14 && o.sdInit() == null) {
            throw new IllegalArgumentException("SeasFinetuneOptions.sdInit must name a diffusers SD-1.4 folder for"
                    + " profile SD14, got null");
        }
        List<String> types = DefectTypeOrder.sorted(request.anomalies().stream().map(ShotImage::defectType)
                .distinct().toList());
        SeasModelConfig config = ProfileSettings.modelConfig(o);
        int stage1Steps = o.resolvedStage1Steps(types.size());
        SeasTrainingSettings settings = ProfileSettings.settings(o, stage1Steps);
        String fingerprint = dataFingerprint();
        String key = resumeKey(fingerprint, settings);
        ModelStore store = new ModelStore(request.store());
        RunWriter run = openRun(store, key);
        StagingCheckpoints checkpoints = new StagingCheckpoints(run);
        TrainerState state = StagingCheckpoints.readState(run.dir()).orElse(
                new TrainerState(TrainerState.FORMAT, key, o.profile() == SeasProfile.SD14,
                        org.anomalyforge.generator.sampling.InitialLatentConfig.SD_VAE_SCALING, 0, 0, 0,
                        new LossLog().snapshot()));
        try (NDManager root = NDManager.newBaseManager()) {
            SeasModels models = o.profile() == SeasProfile.TINY
                    ? SeasModels.freshTiny(config, types, o.seed(), root)
                    : SeasModels.importSd14(o.sdInit(), types, root);
            TrainingData data = TrainingData.prepare(request.anomalies(), request.usedNormals(), models.prompts(),
                    o.imageSize());
            LossLog log = new LossLog(state.log());
            TrainingStreams streams = new TrainingStreams(o.seed());
            Map<String, Double> metrics = new LinkedHashMap<>();
            if (state.stage0Done() && o.profile() == SeasProfile.TINY) {
                checkpoints.restore(models, null, state);
                models = models.withScalingFactor(state.scalingFactor());
            } else if (o.profile() == SeasProfile.TINY) {
                Stage0Result s0 = new Stage0Trainer(models, data, streams, o, progress, log).run();
                models = models.withScalingFactor(s0.scalingFactor());
                state = new TrainerState(TrainerState.FORMAT, key, true, s0.scalingFactor(), s0.psnrDb(), 0, 0,
                        log.snapshot());
                checkpoints.save(models, request.product(), settings, null, state);
            }
            Stage1Trainer stage1 = new Stage1Trainer(models, data, streams, settings, progress, log);
            try (AdamW optimizer = stage1.optimizer()) {
                if (state.stage1Step() > 0) {
                    checkpoints.restore(models, optimizer, state);
                }
                final SeasModels trained = models;
                final double s = models.scalingFactor();
                final double psnr = state.stage0PsnrDb();
                Stage1Trainer.Checkpointer save = (step, empty) -> checkpoints.save(trained, request.product(),
                        settings, optimizer, new TrainerState(TrainerState.FORMAT, key, true, s, psnr, step, empty,
                                log.snapshot()));
                long emptyOmega = stage1.run(optimizer, state.stage1Step(), stage1Steps, state.daEmptyOmega(), save);
                metrics.put("stage1.da_empty_omega", (double) emptyOmega);
                if (o.profile() == SeasProfile.TINY) {
                    metrics.put("stage0.psnr_db", psnr);
                }
            }
            return commit(run, checkpoints, models, settings, log, fingerprint, metrics, stage1Steps);
        }
    }

    private FinetuneResult commit(RunWriter run, StagingCheckpoints checkpoints, SeasModels models,
            SeasTrainingSettings settings, LossLog log, String fingerprint, Map<String, Double> metrics,
            int stage1Steps) throws IOException {
        SeasCheckpoint.write(models, request.product(), settings, run.dir());
        for (String stage : List.of("stage0", "stage1")) {
            String lines = log.jsonLines(stage);
            if (!lines.isEmpty()) {
                run.writeAtomically("logs/" + stage + ".jsonl", lines.getBytes(StandardCharsets.UTF_8));
            }
        }
        run.writeAtomically("split.json", splitJson(models.prompts().defectTypes(), fingerprint));
        checkpoints.clear();
        Map<String, Double> all = new LinkedHashMap<>(metrics);
        log.snapshot().last().forEach((k, v) -> all.put(k + ".final", v));
        all.put("stage0.steps", (double) settings.stage0Steps());
        all.put("stage1.steps", (double) stage1Steps);
        all.put("scaling_factor", models.scalingFactor());
        RunRef ref = run.commit(request.codeVersion(), fingerprint, all);
        return new FinetuneResult(ref.dir(), ref.runId(), (long) settings.stage0Steps() + stage1Steps,
                log.snapshot().curves());
    }

    private RunWriter openRun(ModelStore store, String key) throws IOException {
        List<String> unfinished = store.unfinished(request.product(), KIND);
        for (int i = unfinished.size() - 1; i >= 0; i--) {
            RunWriter candidate = store.resume(request.product(), KIND, unfinished.get(i));
            if (StagingCheckpoints.readState(candidate.dir()).filter(s -> s.resumeKey().equals(key)).isPresent()) {
                return candidate;
            }
        }
        return store.create(request.product(), KIND);
    }

    private String dataFingerprint() {
        return dataFingerprint(request.anomalies(), request.usedNormals());
    }

    /** SHA-256 over every input byte (anomaly images, masks, types, normals) in order; recorded in split.json. */
    public static String dataFingerprint(List<ShotImage> anomalies, List<byte[]> usedNormals) {
        MessageDigest d = Sha256.digest();
        for (ShotImage s : anomalies) {
            d.update(s.defectType().getBytes(StandardCharsets.UTF_8));
            d.update(Sha256.of(s.image()).getBytes(StandardCharsets.UTF_8));
            d.update(Sha256.of(s.mask()).getBytes(StandardCharsets.UTF_8));
        }
        for (byte[] n : usedNormals) {
            d.update(Sha256.of(n).getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(d.digest());
    }

    private String resumeKey(String fingerprint, SeasTrainingSettings settings) {
        String text = request.product() + "\n" + fingerprint + "\n" + settings + "\n" + request.options().sdInit();
        return Sha256.of(text.getBytes(StandardCharsets.UTF_8));
    }

    private byte[] splitJson(List<String> types, String fingerprint) {
        StringBuilder sb = new StringBuilder("{\n  \"train\": {");
        for (int k = 0; k < types.size(); k++) {
            List<String> ids = new ArrayList<>();
            for (ShotImage s : request.anomalies()) {
                if (s.defectType().equals(types.get(k))) {
                    ids.add(quote(s.id()));
                }
            }
            sb.append(k == 0 ? "\n" : ",\n").append("    ").append(quote(types.get(k))).append(": ")
                    .append(ids);
        }
        sb.append("\n  },\n  \"normals\": ").append(request.usedNormals().size()).append(",\n  \"fingerprint\": ")
                .append(quote(fingerprint)).append("\n}\n");
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String quote(String s) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(s);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot quote " + s, e);
        }
    }

}
