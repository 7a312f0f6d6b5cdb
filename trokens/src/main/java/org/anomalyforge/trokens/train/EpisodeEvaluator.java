package org.anomalyforge.trokens.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.anomalyforge.trokens.fewshot.ClipEmbedder;
import org.anomalyforge.trokens.fewshot.FrameSetMatcher;
import org.anomalyforge.trokens.model.ClipTensors;
import org.anomalyforge.trokens.model.TrokensNet;
import org.anomalyforge.trokens.model.nn.ParameterFiles;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Episodic N-way K-shot evaluation over precomputed clip embeddings (spec §12): Q = 1 query per class,
 * prototypes from the support embeddings, bidirectional frame-set matching, arg-max prediction.
 */
public final class EpisodeEvaluator {

    private EpisodeEvaluator() {}

    /**
     * Evaluates a trained model on {@code clips}: embeddings are computed once per clip, then {@code episodes}
     * seeded N-way K-shot episodes (Q = 1) are matched.
     */
    public static EpisodeReport evaluate(TrainedModel model, List<LabeledClip> clips, int way, int shot,
                                         int episodes, long seed) {
        return evaluate(embed(model, clips), model.config().frames(), clips.stream().map(LabeledClip::label).toList(),
                clips.stream().map(LabeledClip::source).toList(), way, shot, episodes, seed);
    }

    /**
     * Frame embeddings of {@code clips} under a trained model (token alignment, network forward without
     * gradients, ReLU and point mean), for {@link #evaluate(float[][], int, List, List, int, int, int, long)}.
     *
     * @return {@code [clips][T·d]}, frame-major
     */
    public static float[][] embed(TrainedModel model, List<LabeledClip> clips) {
        List<ClipTensors> inputs = clips.stream()
                .map(c -> ClipTensors.of(c.clip(), model.config(), model.standardizer())).toList();
        try (NDManager manager = NDManager.newBaseManager()) {
            TrokensNet net = new TrokensNet(model.config(), 0);
            net.initialize(manager);
            ParameterFiles.restore(net, model.weights());
            return ClipEmbedder.embed(net, manager, inputs);
        }
    }

    /**
     * @param embeddings frame embeddings {@code [clips][T·d]} (see {@code ClipEmbedder})
     * @param frames     T
     * @param labels     label per clip
     * @param sources    source per clip
     * @param way        N
     * @param shot       K
     * @param episodes   E ≥ 2
     * @param seed       episode seed
     */
    public static EpisodeReport evaluate(float[][] embeddings, int frames, List<String> labels, List<String> sources,
                                         int way, int shot, int episodes, long seed) {
        if (embeddings.length != labels.size() || labels.size() != sources.size()) {
            throw new IllegalArgumentException("embeddings (" + embeddings.length + "), labels (" + labels.size()
                    + ") and sources (" + sources.size() + ") must have one entry per clip");
        }
        EpisodeSampler sampler = new EpisodeSampler(labels, way, shot, 1, seed);
        List<String> classes = sampler.classes();
        Map<String, Integer> classIndex = new LinkedHashMap<>();
        classes.forEach(c -> classIndex.put(c, classIndex.size()));
        long[][] confusion = new long[classes.size()][classes.size()];
        Map<String, long[]> bySource = new TreeMap<>();
        double[] accuracies = new double[episodes];
        int d = embeddings[0].length / frames;
        try (NDManager manager = NDManager.newBaseManager()) {
            for (int e = 0; e < episodes; e++) {
                Episode episode = sampler.episode(e);
                try (NDManager scope = manager.newSubManager()) {
                    NDArray support = stack(scope, embeddings, episode.supportOrder(), frames, d);
                    int[] queryOrder = episode.queryOrder();
                    NDArray query = stack(scope, embeddings, queryOrder, frames, d);
                    NDArray protos = FrameSetMatcher.prototypes(support, episode.way(), shot);
                    long[] predicted = FrameSetMatcher.scores(query, protos).argMax(1).toLongArray();
                    int[] truth = episode.queryLabels();
                    int correct = 0;
                    for (int q = 0; q < truth.length; q++) {
                        boolean hit = predicted[q] == truth[q];
                        correct += hit ? 1 : 0;
                        confusion[classIndex.get(episode.classes().get(truth[q]))]
                                [classIndex.get(episode.classes().get((int) predicted[q]))]++;
                        long[] counts = bySource.computeIfAbsent(sources.get(queryOrder[q]), k -> new long[2]);
                        counts[0] += hit ? 1 : 0;
                        counts[1]++;
                    }
                    accuracies[e] = 100.0 * correct / truth.length;
                }
            }
        }
        ConfidenceInterval ci = ConfidenceInterval.of(accuracies);
        Map<String, Double> perClass = new TreeMap<>();
        for (int c = 0; c < classes.size(); c++) {
            long total = Arrays.stream(confusion[c]).sum();
            if (total > 0) {
                perClass.put(classes.get(c), 100.0 * confusion[c][c] / total);
            }
        }
        Map<String, Double> perSource = new TreeMap<>();
        bySource.forEach((s, counts) -> perSource.put(s, 100.0 * counts[0] / counts[1]));
        return new EpisodeReport(way, shot, episodes, seed, ci.mean(), ci.halfWidth(), classes, perClass, confusion,
                perSource);
    }

    private static NDArray stack(NDManager scope, float[][] embeddings, int[] order, int frames, int d) {
        float[] flat = new float[order.length * frames * d];
        for (int i = 0; i < order.length; i++) {
            System.arraycopy(embeddings[order[i]], 0, flat, i * frames * d, frames * d);
        }
        return scope.create(flat, new Shape(order.length, frames, d));
    }
}
