package org.anomalyforge.trokens.encoders.dinov2;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import org.anomalyforge.ingest.safetensors.SafetensorsFile;
import org.anomalyforge.ingest.safetensors.SafetensorsWriter;
import org.anomalyforge.ingest.safetensors.TensorInfo;
import org.anomalyforge.ingest.store.ModelStore;
import org.anomalyforge.ingest.store.ModelStoreException;
import org.anomalyforge.ingest.store.RunRef;
import org.anomalyforge.ingest.store.RunWriter;
import org.anomalyforge.ingest.store.VerifiedRun;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The imported encoder as its own model-store artifact (spec §6.2): {@code config.json},
 * {@code weights.safetensors} in our naming, {@code manifest.json} with SHA-256. Recogniser manifests refer
 * to it by the weights hash, which is also part of the encoder {@link Dinov2Encoder#id()}.
 */
public final class Dinov2Store {

    /** Model-store kind of imported encoders. */
    public static final String KIND = "dinov2-encoder";
    static final String CONFIG = "config.json";
    static final String WEIGHTS = "weights.safetensors";
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().create();

    private Dinov2Store() {}

    /** Writes {@code imported} as a new run of {@code product}/{@value #KIND} and commits it. */
    public static RunRef save(ImportedDinov2 imported, ModelStore store, String product, String codeVersion)
            throws IOException {
        RunWriter run = store.create(product, KIND);
        run.writeAtomically(CONFIG, GSON.toJson(imported.config()).getBytes(StandardCharsets.UTF_8));
        SafetensorsWriter writer = new SafetensorsWriter();
        Map<String, long[]> expected = expectedShapes(imported.config());
        for (Map.Entry<String, long[]> e : expected.entrySet()) {
            float[] v = imported.weights().get(e.getKey());
            if (v == null) {
                throw new IllegalArgumentException("imported weights lack '" + e.getKey() + "'");
            }
            writer.addFloats(e.getKey(), e.getValue(), v);
        }
        writer.write(run.dir().resolve(WEIGHTS));
        return run.commit(codeVersion, "imported:" + imported.sourceNaming().name().toLowerCase(),
                Map.of("parameters", (double) imported.sourceParameters()));
    }

    /** Opens a run written by {@link #save}, verifying its manifest, and builds the encoder. */
    public static Dinov2Encoder load(Path runDir, VitNormalization normalization) throws IOException {
        VerifiedRun run = ModelStore.open(runDir);
        Path configFile = runDir.resolve(CONFIG);
        Dinov2Config config;
        try {
            config = GSON.fromJson(Files.readString(configFile), Dinov2Config.class);
        } catch (JsonParseException | IllegalArgumentException e) {
            throw new ModelStoreException(configFile, "not a valid DINOv2 config: " + e.getMessage());
        }
        Map<String, float[]> weights = new LinkedHashMap<>();
        Path weightsFile = runDir.resolve(WEIGHTS);
        try (SafetensorsFile st = SafetensorsFile.open(weightsFile)) {
            for (TensorInfo t : st.tensors()) {
                weights.put(t.name(), st.readFloats(t.name()));
            }
        }
        String sha = run.manifest().files().get(WEIGHTS);
        String id = "dinov2-" + config.variant() + "-" + sha.substring(0, 12);
        return Dinov2Encoder.create(id, new ImportedDinov2(config, weights, Dinov2Naming.ORIGINAL,
                config.parameterCount(false)), normalization);
    }

    /** Our layout: original names without {@code mask_token}. */
    static Map<String, long[]> expectedShapes(Dinov2Config config) {
        return Dinov2Naming.ORIGINAL.expectedShapes(config);
    }
}
