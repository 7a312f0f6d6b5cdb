package org.anomalyforge.trokens.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.optimizer.Optimizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.anomalyforge.ingest.tensor.ScalarOps;
import org.anomalyforge.trokens.fewshot.ClipEmbedder;
import org.anomalyforge.trokens.fewshot.FrameEmbeddings;
import org.anomalyforge.trokens.fewshot.FrameSetMatcher;
import org.anomalyforge.trokens.fewshot.SmoothedCrossEntropy;
import org.anomalyforge.trokens.model.AppearanceStandardizer;
import org.anomalyforge.trokens.model.ClipBatch;
import org.anomalyforge.trokens.model.ClipTensors;
import org.anomalyforge.trokens.model.TrokensConfig;
import org.anomalyforge.trokens.model.TrokensNet;
import org.anomalyforge.trokens.model.nn.ParameterFiles;

/**
 * Episodic meta-training (spec §12–§13): every step samples an N-way K-shot episode with Q queries per class,
 * runs all N(K+Q) clips through the network, and minimises
 * {@code λ_ep·CE(scores, episodeLabel) + λ_cls·CE_ls(head(cls), baseLabel)} with AdamW under the per-step
 * schedule. Validation every {@code validateEveryEpochs} epochs on the {@code val} clips (fixed seed) keeps the
 * best weights; without validation clips the last weights are kept. Holds the JVM-wide {@link TrainingLock}.
 */
public final class EpisodicTrainer {

    /** Seed offset of the fixed validation episodes, so they differ from the training stream. */
    static final long VALIDATION_SEED_OFFSET = 0x5EEDL;

    private final TrokensConfig config;
    private final TrainingSettings settings;
    private final String encoderId;

    /**
     * @param config    architecture; {@code baseClasses} must equal the number of training classes
     * @param settings  episodes, optimiser, schedule
     * @param encoderId id of the encoder that produced the clips' features (recorded with the model)
     */
    public EpisodicTrainer(TrokensConfig config, TrainingSettings settings, String encoderId) {
        this.config = config;
        this.settings = settings;
        this.encoderId = encoderId;
    }

    /**
     * Trains on {@code train}, validating on {@code validation} (may be empty).
     *
     * @throws IllegalArgumentException if the training classes do not match {@code config.baseClasses()} or
     *                                  a clip does not fit the model
     */
    public TrainedModel train(List<LabeledClip> train, List<LabeledClip> validation, TrainingProgress progress) {
        List<String> baseClasses = new ArrayList<>(new TreeSet<>(train.stream().map(LabeledClip::label).toList()));
        if (baseClasses.size() != config.baseClasses()) {
            throw new IllegalArgumentException("config.baseClasses is " + config.baseClasses() + " but the training "
                    + "clips have " + baseClasses.size() + " classes " + baseClasses);
        }
        AppearanceStandardizer standardizer = config.standardizeAppearance()
                ? AppearanceStandardizer.fit(train.stream().map(c -> c.clip().appearance()).toList())
                : AppearanceStandardizer.identity(config.featureDim());
        List<ClipTensors> trainInputs = train.stream().map(c -> ClipTensors.of(c.clip(), config, standardizer)).toList();
        List<ClipTensors> valInputs = validation.stream().map(c -> ClipTensors.of(c.clip(), config, standardizer))
                .toList();
        List<String> labels = train.stream().map(LabeledClip::label).toList();
        EpisodeSampler sampler = new EpisodeSampler(labels, settings.way(), settings.shot(), settings.queries(),
                settings.seed());
        Map<String, Integer> baseIndex = new LinkedHashMap<>();
        baseClasses.forEach(c -> baseIndex.put(c, baseIndex.size()));

        try (TrainingLock.Held lock = TrainingLock.acquire(); NDManager root = NDManager.newBaseManager()) {
            TrokensNet net = new TrokensNet(config, settings.seed());
            net.initialize(root);
            Optimizer optimizer = settings.optimizer();
            EpochStepSchedule schedule = settings.schedule();
            ParameterStore ps = new ParameterStore(root, false);
            SmoothedCrossEntropy episodeLoss = new SmoothedCrossEntropy("episode", 0f);
            SmoothedCrossEntropy clsLoss = new SmoothedCrossEntropy("cls", settings.labelSmoothing());
            Map<String, float[]> best = null;
            int bestEpoch = 0;
            double bestAccuracy = Double.NEGATIVE_INFINITY;
            double lossFirstEpoch = 0;
            double lossLastEpoch = 0;
            long step = 0;
            for (int epoch = 1; epoch <= settings.epochs(); epoch++) {
                double epochLoss = 0;
                for (int e = 0; e < settings.episodesPerEpoch(); e++, step++) {
                    Episode episode = sampler.episode(step);
                    float loss = step(net, ps, root, optimizer, episode, trainInputs, labels, baseIndex,
                            episodeLoss, clsLoss);
                    epochLoss += loss;
                    progress.onStep(step, loss, schedule.rate(step));
                }
                epochLoss /= settings.episodesPerEpoch();
                if (epoch == 1) {
                    lossFirstEpoch = epochLoss;
                }
                lossLastEpoch = epochLoss;
                boolean validate = !validation.isEmpty()
                        && (epoch % settings.validateEveryEpochs() == 0 || epoch == settings.epochs());
                if (validate) {
                    EpisodeReport report = validate(net, root, valInputs, validation);
                    progress.onValidation(epoch, report);
                    if (report.meanAccuracy() > bestAccuracy) {
                        bestAccuracy = report.meanAccuracy();
                        bestEpoch = epoch;
                        best = ParameterFiles.snapshot(net);
                    }
                }
            }
            Map<String, Double> metrics = new LinkedHashMap<>();
            metrics.put("steps", (double) step);
            metrics.put("loss_first_epoch", lossFirstEpoch);
            metrics.put("loss_last_epoch", lossLastEpoch);
            if (best != null) {
                metrics.put("val_mean_accuracy", bestAccuracy);
                return new TrainedModel(config, settings, standardizer, baseClasses, encoderId, best, bestEpoch,
                        TrainedModel.BEST_VALIDATION, metrics);
            }
            return new TrainedModel(config, settings, standardizer, baseClasses, encoderId,
                    ParameterFiles.snapshot(net), settings.epochs(), TrainedModel.LAST, metrics);
        }
    }

    /** One optimiser step on one episode; returns the total loss. */
    private float step(TrokensNet net, ParameterStore ps, NDManager root, Optimizer optimizer, Episode episode,
                       List<ClipTensors> inputs, List<String> labels, Map<String, Integer> baseIndex,
                       SmoothedCrossEntropy episodeLoss, SmoothedCrossEntropy clsLoss) {
        int[] support = episode.supportOrder();
        int[] query = episode.queryOrder();
        List<ClipTensors> batch = new ArrayList<>(support.length + query.length);
        int[] base = new int[support.length + query.length];
        int i = 0;
        for (int[] order : new int[][] {support, query}) {
            for (int clip : order) {
                batch.add(inputs.get(clip));
                base[i++] = baseIndex.get(labels.get(clip));
            }
        }
        float value;
        try (NDManager scope = root.newSubManager()) {
            NDList in = ClipBatch.of(scope, batch);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDList out = net.forward(ps, in, true);
                NDArray embeddings = FrameEmbeddings.of(out.get(0), in.get(6)); // [B, T, d]
                NDArray supportEmb = embeddings.get("0:" + support.length);
                NDArray queryEmb = embeddings.get(support.length + ":");
                NDArray protos = FrameSetMatcher.prototypes(supportEmb, episode.way(), settings.shot());
                NDArray scores = FrameSetMatcher.scores(queryEmb, protos); // [N·Q, N]
                NDArray loss = ScalarOps.mul(episodeLoss.loss(scores, scope.create(episode.queryLabels())),
                        settings.lambdaEpisode())
                        .add(ScalarOps.mul(clsLoss.loss(out.get(2), scope.create(base)), settings.lambdaCls()));
                value = loss.getFloat();
                if (!Float.isFinite(value)) {
                    throw new IllegalStateException("training diverged: loss is " + value + " at episode classes "
                            + episode.classes() + "; lower learningRate (" + settings.learningRate() + ")");
                }
                gc.backward(loss);
            }
            for (Parameter p : net.getParameters().values()) {
                NDArray weight = p.getArray();
                try (NDArray grad = weight.getGradient()) {
                    optimizer.update(p.getId(), weight, grad);
                }
            }
        }
        return value;
    }

    private EpisodeReport validate(TrokensNet net, NDManager root, List<ClipTensors> inputs, List<LabeledClip> clips) {
        float[][] embeddings = ClipEmbedder.embed(net, root, inputs);
        return EpisodeEvaluator.evaluate(embeddings, config.frames(), clips.stream().map(LabeledClip::label).toList(),
                clips.stream().map(LabeledClip::source).toList(), settings.way(), settings.shot(),
                settings.validationEpisodes(), settings.seed() + VALIDATION_SEED_OFFSET);
    }
}
