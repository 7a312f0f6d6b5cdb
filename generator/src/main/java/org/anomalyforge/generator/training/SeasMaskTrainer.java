package org.anomalyforge.generator.training;

import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.anomalyforge.generator.FinetuneProgress;
import org.anomalyforge.generator.FinetuneResult;
import org.anomalyforge.generator.SeasMaskTrainingRequest;
import org.anomalyforge.generator.checkpoint.SeasCheckpoint;
import org.anomalyforge.generator.checkpoint.SeasModels;
import org.anomalyforge.generator.checkpoint.SeasRunConfig;
import org.anomalyforge.generator.losses.MaskBinarisation;
import org.anomalyforge.ingest.store.ModelStore;
import org.anomalyforge.ingest.store.RunRef;
import org.anomalyforge.ingest.store.RunWriter;
import org.anomalyforge.ingest.store.VerifiedRun;

/**
 * Stage 2 on a committed stage-1 run, committed as a new run of kind {@value SeasFinetuner#KIND}:
 * <ol>
 *   <li>verify the parent (every SHA-256) and check that the request's data has the fingerprint recorded in the
 *       parent's {@code split.json} (stage 2 must see the shots stage 1 saw);</li>
 *   <li>load the frozen networks, add a fresh seeded RMP, train it (§8.2), recalibrate its BNs (§8.4);</li>
 *   <li>write the parent's files plus {@code weights/rmp.safetensors}, {@code logs/stage2.jsonl} and
 *       {@code lineage.json} (parent run, stage-2 settings) and commit.</li>
 * </ol>
 * Stage 2 is short (80·T tiny steps), so it has no checkpoints: a crash reruns it. Holds the JVM-wide
 * {@link TrainingLock}.
 */
public final class SeasMaskTrainer {

    /** Micro-batches of 2 anomaly + 2 normal images, as in stage 1 (§2.7). */
    public static final int ANOMALIES_PER_BATCH = 2;

    private final SeasMaskTrainingRequest request;
    private final FinetuneProgress progress;

    public SeasMaskTrainer(SeasMaskTrainingRequest request, FinetuneProgress progress) {
        this.request = request;
        this.progress = progress == null ? FinetuneProgress.NONE : progress;
    }

    /** Trains and commits; blocks while another SeaS training runs in this JVM. */
    public FinetuneResult run() throws IOException {
        return TrainingLock.holding(this::train);
    }

    private FinetuneResult train() throws IOException {
        VerifiedRun parent = ModelStore.open(request.parentRun());
        if (!SeasFinetuner.KIND.equals(parent.manifest().kind())) {
            throw new IllegalArgumentException(request.parentRun() + ": stage 2 needs a run of kind '"
                    + SeasFinetuner.KIND + "', got '" + parent.manifest().kind() + "'");
        }
        Path parentDir = request.parentRun();
        String fingerprint = SeasFinetuner.dataFingerprint(request.anomalies(), request.usedNormals());
        String recorded = new ObjectMapper().readTree(parentDir.resolve("split.json").toFile())
                .path("fingerprint").asText();
        if (!fingerprint.equals(recorded)) {
            throw new IllegalArgumentException(parentDir.resolve("split.json") + ": the run was fine-tuned on data "
                    + "with fingerprint " + recorded + " but stage 2 was given data with fingerprint " + fingerprint
                    + "; pass the same shots (and --max-shots) and normals as the fine-tune");
        }
        SeasRunConfig config = SeasCheckpoint.readConfig(parentDir);
        String product = config.product();
        try (NDManager root = NDManager.newBaseManager()) {
            SeasModels models = SeasCheckpoint.read(parentDir, root).withFreshRmp(request.seed());
            int types = models.prompts().typeCount();
            int steps = request.steps() != SeasMaskTrainingRequest.AUTO_STEPS ? request.steps()
                    : ("sd14".equals(config.model().profile()) ? 800 : 80) * types;
            int recalibration = request.recalibrationBatches() == SeasMaskTrainingRequest.AUTO_STEPS
                    ? ("sd14".equals(config.model().profile()) ? 32 : 16) : Math.max(0, request.recalibrationBatches());
            TrainingData data = TrainingData.prepare(request.anomalies(), request.usedNormals(), models.prompts(),
                    models.config().imageSize());
            TrainingStreams streams = new TrainingStreams(request.seed() ^ 0x57A6E2L);
            MicroBatchBuilder batches = new MicroBatchBuilder(data, models.tokenizer(), models.prompts(), streams,
                    request.seed() ^ 0x57A6E2L, ANOMALIES_PER_BATCH, true, 0.0);
            LossLog log = new LossLog();
            Stage2Trainer trainer = new Stage2Trainer(models, batches,
                    new Stage2Objective(models, streams, MaskBinarisation.PRODUCT), streams, progress, log,
                    Stage2Trainer.LEARNING_RATE);
            long skipped = trainer.train(steps);
            if (recalibration > 0) {
                trainer.recalibrate(recalibration);
            }
            ModelStore store = new ModelStore(request.store());
            RunWriter run = store.create(product, SeasFinetuner.KIND);
            SeasCheckpoint.write(models, product, config.training(), run.dir());
            run.writeAtomically("split.json", Files.readAllBytes(parentDir.resolve("split.json")));
            for (String stage : List.of("stage0", "stage1")) {
                Path logFile = parentDir.resolve("logs/" + stage + ".jsonl");
                if (Files.exists(logFile)) {
                    run.writeAtomically("logs/" + stage + ".jsonl", Files.readAllBytes(logFile));
                }
            }
            run.writeAtomically("logs/stage2.jsonl", log.jsonLines("stage2").getBytes(StandardCharsets.UTF_8));
            run.writeAtomically("lineage.json", lineage(parent, steps, recalibration));
            Map<String, Double> metrics = new LinkedHashMap<>(parent.manifest().metrics());
            log.snapshot().last().forEach((k, v) -> {
                if (k.startsWith("stage2.")) {
                    metrics.put(k + ".final", v);
                }
            });
            metrics.put("stage2.steps", (double) steps);
            metrics.put("stage2.skipped_steps", (double) skipped);
            metrics.put("stage2.recalibration_batches", (double) recalibration);
            RunRef ref = run.commit(request.codeVersion(), fingerprint, metrics);
            return new FinetuneResult(ref.dir(), ref.runId(), steps, log.snapshot().curves());
        }
    }

    private byte[] lineage(VerifiedRun parent, int steps, int recalibration) throws IOException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = json.createObjectNode();
        root.put("parentRunId", parent.manifest().runId());
        root.put("parentRunDir", request.parentRun().toAbsolutePath().normalize().toString());
        ObjectNode s2 = root.putObject("stage2");
        s2.put("steps", steps);
        s2.put("microBatchAnomalies", ANOMALIES_PER_BATCH);
        s2.put("gradientAccumulation", Stage2Trainer.ACCUMULATION);
        s2.put("learningRate", Stage2Trainer.LEARNING_RATE);
        s2.put("weightDecay", Stage2Trainer.WEIGHT_DECAY);
        s2.put("seed", request.seed());
        s2.put("maskBinarisation", MaskBinarisation.PRODUCT.name());
        s2.put("recalibrationBatches", recalibration);
        s2.put("rmpBn", "EVAL");
        JsonNode node = root;
        return json.writerWithDefaultPrettyPrinter().writeValueAsBytes(node);
    }
}
