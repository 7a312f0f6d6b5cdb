package org.anomalyforge.trokens.train;

import ai.djl.ndarray.NDManager;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import org.anomalyforge.ingest.store.ModelStore;
import org.anomalyforge.ingest.store.ModelStoreException;
import org.anomalyforge.ingest.store.RunRef;
import org.anomalyforge.ingest.store.RunWriter;
import org.anomalyforge.ingest.store.VerifiedRun;
import org.anomalyforge.trokens.model.AppearanceStandardizer;
import org.anomalyforge.trokens.model.TrokensConfig;
import org.anomalyforge.trokens.model.TrokensNet;
import org.anomalyforge.trokens.model.nn.ParameterFiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A trained recogniser in the model store: {@code <store>/<product>/trokens/<run>/} with {@code config.json}
 * (architecture, training settings, appearance standardisation, base classes, encoder id, selected epoch),
 * {@code weights.safetensors} (dotted parameter names, F32) and the store's {@code manifest.json}. Loading
 * verifies the manifest hashes first, then reads the weights strictly (every key, exact shapes, finite).
 */
public final class TrokensCheckpoint {

    /** Model-store kind. */
    public static final String KIND = "trokens";
    /** Checkpoint config format version. */
    public static final int FORMAT = 1;
    static final String CONFIG = "config.json";
    static final String WEIGHTS = "weights.safetensors";
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().create();

    /** What {@code config.json} holds. */
    record CheckpointConfig(int format, TrokensConfig model, TrainingSettings training,
                            AppearanceStandardizer standardizer, List<String> baseClasses, String encoderId,
                            int selectedEpoch, String selection) {}

    private TrokensCheckpoint() {}

    /** Writes {@code model} as a new committed run of {@code product}/{@value #KIND}. */
    public static RunRef save(TrainedModel model, ModelStore store, String product, String codeVersion,
                              String dataFingerprint) throws IOException {
        RunWriter run = store.create(product, KIND);
        CheckpointConfig config = new CheckpointConfig(FORMAT, model.config(), model.settings(), model.standardizer(),
                model.baseClasses(), model.encoderId(), model.selectedEpoch(), model.selection());
        run.writeAtomically(CONFIG, GSON.toJson(config).getBytes(StandardCharsets.UTF_8));
        try (NDManager manager = NDManager.newBaseManager()) {
            TrokensNet net = new TrokensNet(model.config(), 0);
            net.initialize(manager);
            ParameterFiles.restore(net, model.weights());
            ParameterFiles.write(net, run.dir().resolve(WEIGHTS), Map.of("format", Integer.toString(FORMAT),
                    "encoder", model.encoderId()));
        }
        Map<String, Double> metrics = new LinkedHashMap<>(model.metrics());
        metrics.put("selected_epoch", (double) model.selectedEpoch());
        return run.commit(codeVersion, dataFingerprint, metrics);
    }

    /** Opens and verifies a run written by {@link #save}. */
    public static TrainedModel load(Path runDir) throws IOException {
        VerifiedRun run = ModelStore.open(runDir);
        if (!KIND.equals(run.manifest().kind())) {
            throw new ModelStoreException(runDir, "kind must be " + KIND + ", got " + run.manifest().kind());
        }
        Path configFile = runDir.resolve(CONFIG);
        CheckpointConfig config;
        try {
            config = GSON.fromJson(Files.readString(configFile), CheckpointConfig.class);
        } catch (JsonParseException | IllegalArgumentException | NullPointerException e) {
            throw new ModelStoreException(configFile, "not a valid trokens checkpoint config: " + e.getMessage());
        }
        if (config == null || config.format() != FORMAT) {
            throw new ModelStoreException(configFile, "format must be " + FORMAT + ", got "
                    + (config == null ? "an empty file" : config.format()));
        }
        Map<String, float[]> weights;
        try (NDManager manager = NDManager.newBaseManager()) {
            TrokensNet net = new TrokensNet(config.model(), 0);
            net.initialize(manager);
            ParameterFiles.read(net, runDir.resolve(WEIGHTS));
            weights = ParameterFiles.snapshot(net);
        }
        Map<String, Double> metrics = new LinkedHashMap<>(run.manifest().metrics());
        metrics.remove("selected_epoch");
        return new TrainedModel(config.model(), config.training(), config.standardizer(), config.baseClasses(),
                config.encoderId(), weights, config.selectedEpoch(), config.selection(), metrics);
    }
}
