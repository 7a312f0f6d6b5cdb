package org.anomalyforge.generator.training;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.anomalyforge.generator.checkpoint.SeasCheckpoint;
import org.anomalyforge.generator.checkpoint.SeasModels;
import org.anomalyforge.generator.checkpoint.SeasTrainingSettings;
import org.anomalyforge.ingest.store.FileTrees;
import org.anomalyforge.ingest.store.RunWriter;

/**
 * Resumable checkpoints inside a run's staging folder:
 * <pre>
 * checkpoints/model-&lt;n&gt;/...                  the {@link SeasCheckpoint} files after stage-1 step n (0: end of stage 0)
 * checkpoints/optimizer-&lt;n&gt;.safetensors      AdamW moments m.&lt;key&gt; / v.&lt;key&gt; and counts n.&lt;key&gt;
 * checkpoints/trainer-state.json              {@link TrainerState}, written last
 * </pre>
 * A save writes the files of step n first (each atomically), then the state, then deletes older steps' files, so
 * the state always names complete files of exactly its own step. The folder is removed before commit.
 */
final class StagingCheckpoints {

    static final String DIR = "checkpoints";
    static final String STATE = DIR + "/trainer-state.json";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final RunWriter run;

    StagingCheckpoints(RunWriter run) {
        this.run = run;
    }

    /** The state stored in a staging folder, if any. */
    static Optional<TrainerState> readState(Path stagingDir) throws IOException {
        Path f = stagingDir.resolve(STATE);
        if (!Files.isRegularFile(f)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(f.toFile(), TrainerState.class));
        } catch (IOException e) {
            throw new IOException(f + ": unreadable trainer state: " + e.getMessage(), e);
        }
    }

    /** Saves models, optimiser (if any) and then the state. */
    void save(SeasModels models, String product, SeasTrainingSettings settings, AdamW optimizer, TrainerState state)
            throws IOException {
        String model = model(state.stage1Step());
        String opt = optimizer(state.stage1Step());
        SeasCheckpoint.write(models, product, settings, run.dir().resolve(model));
        if (optimizer != null) {
            optimizer.save(run.dir().resolve(opt));
        }
        run.writeAtomically(STATE, JSON.writeValueAsBytes(state));
        try (Stream<Path> files = Files.list(run.dir().resolve(DIR))) {
            for (Path p : files.toList()) {
                String name = DIR + "/" + p.getFileName();
                if (!name.equals(model) && !name.equals(opt) && !name.equals(STATE)) {
                    FileTrees.delete(p);
                }
            }
        }
    }

    private static String model(long step) {
        return DIR + "/model-" + step;
    }

    private static String optimizer(long step) {
        return DIR + "/optimizer-" + step + ".safetensors";
    }

    /** Restores the weights (and the optimiser, when given and saved) of the last checkpoint. */
    void restore(SeasModels models, AdamW optimizer, TrainerState state) throws IOException {
        SeasCheckpoint.restoreWeights(models, run.dir().resolve(model(state.stage1Step())));
        Path opt = run.dir().resolve(optimizer(state.stage1Step()));
        if (optimizer != null && Files.isRegularFile(opt)) {
            optimizer.load(opt);
        }
    }

    /** Deletes the whole checkpoint folder, the state first. */
    void clear() throws IOException {
        Path dir = run.dir().resolve(DIR);
        if (!Files.isDirectory(dir)) {
            return;
        }
        run.delete(STATE);
        FileTrees.delete(dir);
    }
}
