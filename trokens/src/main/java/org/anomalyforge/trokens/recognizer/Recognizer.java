package org.anomalyforge.trokens.recognizer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.anomalyforge.trokens.fewshot.ClipEmbedder;
import org.anomalyforge.trokens.fewshot.FrameSetMatcher;
import org.anomalyforge.trokens.model.ClipTensors;
import org.anomalyforge.trokens.model.PrecomputedClip;
import org.anomalyforge.trokens.model.TrokensConfig;
import org.anomalyforge.trokens.model.TrokensNet;
import org.anomalyforge.trokens.model.nn.ParameterFiles;
import org.anomalyforge.trokens.train.TrainedModel;
import org.anomalyforge.trokens.train.TrokensCheckpoint;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Few-shot action recognition facade (plain Java types only; no NDArray leaves it). Load a trained model,
 * register a few support clips per class (their prototype, the mean of the per-clip frame embeddings, is
 * computed once at registration), then classify clips by bidirectional frame-set matching to the prototypes
 * (spec §12). A closed-set matcher always answers some registered class, so register an explicit
 * {@code idle}/{@code background} class. Thread-safe: calls are serialised.
 */
public final class Recognizer implements AutoCloseable {

    private final TrainedModel model;
    private final NDManager manager;
    private final TrokensNet net;
    private final Map<String, float[]> prototypes = new LinkedHashMap<>();

    private Recognizer(TrainedModel model, NDManager manager, TrokensNet net) {
        this.model = model;
        this.manager = manager;
        this.net = net;
    }

    /** Loads a model-store run written by {@link TrokensCheckpoint#save} (manifest verified). */
    public static Recognizer load(Path runDir) throws IOException {
        return of(TrokensCheckpoint.load(runDir));
    }

    /** A recogniser for an in-memory trained model. */
    public static Recognizer of(TrainedModel model) {
        NDManager manager = NDManager.newBaseManager();
        try {
            TrokensNet net = new TrokensNet(model.config(), 0);
            net.initialize(manager);
            ParameterFiles.restore(net, model.weights());
            return new Recognizer(model, manager, net);
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    /** Id of the appearance encoder the model expects features from. */
    public String encoderId() {
        return model.encoderId();
    }

    /** The model's architecture. */
    public TrokensConfig config() {
        return model.config();
    }

    /** Registered classes in registration order. */
    public synchronized List<String> registeredLabels() {
        return List.copyOf(prototypes.keySet());
    }

    /**
     * Registers (or replaces) class {@code label} with its support clips.
     *
     * @throws IllegalArgumentException if the label is blank, there are no clips, or a clip does not fit the model
     */
    public synchronized void registerSupport(String label, List<PrecomputedClip> clips) {
        if (label == null || label.isBlank()) {
            throw new IllegalArgumentException("support label must not be blank");
        }
        if (clips == null || clips.isEmpty()) {
            throw new IllegalArgumentException("class '" + label + "' needs at least one support clip");
        }
        float[][] embeddings = embeddings(clips);
        float[] prototype = new float[embeddings[0].length];
        for (float[] e : embeddings) {
            for (int i = 0; i < e.length; i++) {
                prototype[i] += e[i] / embeddings.length;
            }
        }
        prototypes.put(label, prototype);
    }

    /** Frame embeddings of {@code clip}, {@code [T][d]}. */
    public synchronized float[][] embed(PrecomputedClip clip) {
        float[] flat = embeddings(List.of(clip))[0];
        int t = model.config().frames();
        int d = model.config().modelDim();
        float[][] out = new float[t][];
        for (int i = 0; i < t; i++) {
            out[i] = java.util.Arrays.copyOfRange(flat, i * d, (i + 1) * d);
        }
        return out;
    }

    /**
     * Classifies {@code clip} against the registered classes.
     *
     * @throws IllegalStateException if no class is registered
     */
    public synchronized Classification classify(PrecomputedClip clip) {
        if (prototypes.isEmpty()) {
            throw new IllegalStateException("no support classes registered; call registerSupport first");
        }
        float[] query = embeddings(List.of(clip))[0];
        int t = model.config().frames();
        int d = model.config().modelDim();
        List<String> labels = new ArrayList<>(prototypes.keySet());
        float[] protoFlat = new float[labels.size() * t * d];
        for (int c = 0; c < labels.size(); c++) {
            System.arraycopy(prototypes.get(labels.get(c)), 0, protoFlat, c * t * d, t * d);
        }
        float[] scores;
        float[] probabilities;
        try (NDManager scope = manager.newSubManager()) {
            NDArray q = scope.create(query, new Shape(1, t, d));
            NDArray p = scope.create(protoFlat, new Shape(labels.size(), t, d));
            NDArray s = FrameSetMatcher.scores(q, p); // [1, N]
            scores = s.toFloatArray();
            probabilities = s.softmax(1).toFloatArray();
        }
        int best = 0;
        Map<String, Double> byClass = new LinkedHashMap<>();
        for (int c = 0; c < labels.size(); c++) {
            byClass.put(labels.get(c), (double) scores[c]);
            if (scores[c] > scores[best]) {
                best = c;
            }
        }
        return new Classification(labels.get(best), probabilities[best], byClass);
    }

    private float[][] embeddings(List<PrecomputedClip> clips) {
        List<ClipTensors> inputs = new ArrayList<>(clips.size());
        for (PrecomputedClip c : clips) {
            inputs.add(ClipTensors.of(Objects.requireNonNull(c, "clip"), model.config(), model.standardizer()));
        }
        return ClipEmbedder.embed(net, manager, inputs);
    }

    @Override
    public synchronized void close() {
        manager.close();
    }
}
