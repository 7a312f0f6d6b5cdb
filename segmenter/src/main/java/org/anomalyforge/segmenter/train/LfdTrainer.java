package org.anomalyforge.segmenter.train;

import ai.djl.ndarray.NDManager;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;

import org.anomalyforge.ingest.store.ModelStore;
import org.anomalyforge.ingest.store.RunRef;
import org.anomalyforge.ingest.store.RunWriter;
import org.anomalyforge.ingest.store.Sha256;
import org.anomalyforge.segmenter.LfdTrainRequest;
import org.anomalyforge.segmenter.LfdTrainingOptions;
import org.anomalyforge.segmenter.TrainResult;
import org.anomalyforge.segmenter.TrainingProgress;
import org.anomalyforge.segmenter.TrainingSample;
import org.anomalyforge.segmenter.inference.FrameResizer;
import org.anomalyforge.segmenter.inference.GradMode;
import org.anomalyforge.segmenter.inference.ImageScoreMode;
import org.anomalyforge.segmenter.inference.LfdRunConfig;
import org.anomalyforge.segmenter.inference.MaskRule;
import org.anomalyforge.segmenter.inference.RunConfigJson;
import org.anomalyforge.segmenter.lfd.LfdConfig;
import org.anomalyforge.segmenter.lfd.LfdNet;
import org.anomalyforge.segmenter.lfd.ResNet18StemImporter;

/**
 * Trains LFD per spec §5 and commits the run to the model store (§5.8).
 *
 * <p>Flow: sort the samples by id, split (§5.7), fingerprint, then resume the newest unfinished staging
 * run of the product with the same resume key or create a new run. Each epoch shuffles with
 * {@code Random(seed + epoch)}, streams batches from the {@link BatchLoader}, runs {@link TrainingStep}s at
 * the per-iteration cosine lr, validates every valEvery epochs and at the end, and checkpoints after each
 * validation. Finally the selected weights become {@code weights.safetensors}, {@code config.json} and
 * {@code history.json} are written, the checkpoints are removed and the run is committed with the
 * validation metrics in its manifest. The whole run holds the JVM-wide {@link TrainingLock}.
 */
public final class LfdTrainer {

    /** Model-store kind of LFD runs. */
    public static final String KIND = "lfd";
    /** Final weights file in the run folder. */
    public static final String WEIGHTS = "weights.safetensors";

    private final LfdTrainRequest request;
    private final TrainingProgress progress;

    /**
     * @param request  what to train
     * @param progress callbacks
     */
    public LfdTrainer(LfdTrainRequest request, TrainingProgress progress) {
        this.request = Objects.requireNonNull(request, "request");
        this.progress = Objects.requireNonNull(progress, "progress");
    }

    /** Trains (or resumes) and commits; blocks while another training runs in this JVM. */
    public TrainResult train() throws IOException {
        TrainingLock.acquire();
        try {
            return trainLocked();
        } finally {
            TrainingLock.release();
        }
    }

    private TrainResult trainLocked() throws IOException {
        // Grad mode is thread-local in libtorch and on by default on a new thread: the in-place writes of
        // weight import and optimiser must not be recorded. The gradient collector turns it on per iteration.
        GradMode.off();
        LfdTrainingOptions o = request.options();
        List<TrainingSample> sorted = new ArrayList<>(request.samples());
        sorted.sort(Comparator.comparing(TrainingSample::id));
        ValidationSplit split = ValidationSplit.of(sorted, o.seed());
        String dataFingerprint = RunKeys.dataFingerprint(sorted);
        String initSha = o.initResNet18() == null ? null : Sha256.of(o.initResNet18());
        String key = RunKeys.resumeKey(request.product(), dataFingerprint, o, initSha);
        RunWriter run = openRun(new ModelStore(request.store()), key);
        Checkpoints checkpoints = new Checkpoints(run);
        TrainingPlan plan = TrainingPlan.of(split.training().size(), o);
        int size = o.inputSize();
        SamplePreparer preparer = new SamplePreparer(size, size, o.augmentation(), o.seed());
        Validator validator = new Validator(split.validation(), preparer, o.batchSize(), size, size);
        LfdCosineLr lr = new LfdCosineLr(plan.totalIterations());
        try (NDManager model = NDManager.newBaseManager();
                BatchLoader loader = new BatchLoader(split.training(), preparer, o.batchSize())) {
            LfdNet net = new LfdNet(new LfdConfig(size, size, o.seed()));
            net.initialize(model);
            if (o.initResNet18() != null) {
                ResNet18StemImporter.importStems(net.weights(), o.initResNet18());
            }
            try (MomentumSgd sgd = new MomentumSgd(net.weights(), model)) {
                TrainerState state = checkpoints.readState().orElse(TrainerState.fresh(key, o.seed()));
                if (!state.resumeKey().equals(key)) {
                    throw new IOException(run.dir() + ": trainer state belongs to resume key " + state.resumeKey()
                            + ", expected " + key);
                }
                if (state.epoch() > 0) {
                    checkpoints.restore(state.epoch(), net, sgd);
                }
                TrainingStep step = new TrainingStep(net, model, sgd);
                progress.onStart(plan.totalIterations());
                long iteration = state.iteration();
                List<Double> losses = new ArrayList<>(state.lossCurve());
                for (int epoch = state.epoch() + 1; epoch <= plan.epochsToRun(); epoch++) {
                    loader.startEpoch(epoch, shuffled(split.training().size(), o.seed() + epoch));
                    double sum = 0;
                    int count = 0;
                    for (int b = 0; b < plan.batchesPerEpoch() && iteration < plan.totalIterations(); b++) {
                        Batch batch = loader.next();
                        double rate = lr.rate(iteration);
                        float loss = step.run(batch.inputs(), batch.targets(), batch.size(), (float) rate);
                        progress.onIteration(iteration, loss, rate);
                        sum += loss;
                        count++;
                        iteration++;
                    }
                    losses.add(sum / count);
                    if (plan.validatesAfter(epoch)) {
                        ValidationSummary v = validator.run(net, model, epoch);
                        boolean better = v.beats(state.best());
                        ValidationSummary best = better ? v : state.best();
                        state = state.after(epoch, iteration, losses, v, best);
                        progress.onValidation(epoch, v.pixelAp(), better);
                        checkpoints.save(net, sgd, state);
                    }
                }
                return commit(run, checkpoints, state, split, plan, dataFingerprint, initSha);
            }
        }
    }

    private RunWriter openRun(ModelStore store, String key) throws IOException {
        List<String> unfinished = store.unfinished(request.product(), KIND);
        for (int i = unfinished.size() - 1; i >= 0; i--) {
            RunWriter candidate = store.resume(request.product(), KIND, unfinished.get(i));
            if (Checkpoints.resumeKeyOf(candidate.dir()).filter(key::equals).isPresent()) {
                return candidate;
            }
        }
        RunWriter run = store.create(request.product(), KIND);
        new Checkpoints(run).writeResumeKey(key);
        return run;
    }

    private TrainResult commit(RunWriter run, Checkpoints checkpoints, TrainerState state, ValidationSplit split,
            TrainingPlan plan, String dataFingerprint, String initSha) throws IOException {
        LfdTrainingOptions o = request.options();
        ValidationSummary selected = o.preset().selectOnValidation() ? state.best()
                : state.validations().get(state.validations().size() - 1);
        run.writeAtomically(WEIGHTS, Files.readAllBytes(checkpoints.weights(selected.epoch())));
        LfdRunConfig config = new LfdRunConfig(LfdRunConfig.FORMAT, o.inputSize(), o.inputSize(), "IMAGENET",
                FrameResizer.MODE,
                MaskRule.NAME, initSha == null ? "scratch" : "imagenet-stems",
                initSha, o.seed(), o.preset().name(),
                new LfdRunConfig.Schedule("torch.optim.SGD (exact, per-iteration cosine)", MomentumSgd.MOMENTUM,
                        MomentumSgd.WEIGHT_DECAY, LfdCosineLr.LR_MAX, LfdCosineLr.LR_MIN, plan.totalIterations(),
                        o.epochs(), o.iterationCap(), o.batchSize(), o.augmentation().name(),
                        "proportional round(N*100000/524288) in [1, N-1]"),
                o.preset().selectOnValidation() ? "validation-pixel-ap" : "last-epoch", selected.epoch(),
                selected.tauPixel(), selected.tauImage(),
                ImageScoreMode.MAX, split.fingerprint(), split.fallback());
        run.writeAtomically(LfdRunConfig.FILE_NAME, RunConfigJson.write(config));
        run.writeAtomically(TrainingHistory.FILE_NAME, Checkpoints.json(new TrainingHistory(plan.totalIterations(),
                state.lossCurve(), state.validations(), split.training().size(), split.validation().size())));
        checkpoints.clear();
        Map<String, Double> metrics = new LinkedHashMap<>(selected.asMetrics());
        metrics.put("iterations", (double) state.iteration());
        metrics.put("train_samples", (double) split.training().size());
        metrics.put("val_samples", (double) split.validation().size());
        RunRef ref = run.commit(request.codeVersion(), dataFingerprint, metrics);
        return new TrainResult(ref.dir(), ref.runId(), selected.epoch(), selected.pixelAp(), selected.tauPixel(),
                selected.tauImage(), state.iteration(), state.lossCurve());
    }

    /** A permutation of 0…n−1 by Fisher–Yates with {@code java.util.Random(seed)} (JDK-specified stream). */
    static int[] shuffled(int n, long seed) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Random random = new Random(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }
}
