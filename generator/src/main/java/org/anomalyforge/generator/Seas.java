package org.anomalyforge.generator;

import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.file.Path;
import org.anomalyforge.generator.checkpoint.SeasCheckpoint;
import org.anomalyforge.generator.checkpoint.SeasModels;
import org.anomalyforge.generator.training.GradMode;
import org.anomalyforge.generator.training.SeasFinetuner;
import org.anomalyforge.generator.training.SeasMaskTrainer;
import org.anomalyforge.ingest.store.ModelStore;
import org.anomalyforge.ingest.store.VerifiedRun;

/**
 * The SeaS facade for {@code jobs}: fine-tune one product into the model store, and load a committed run for
 * generation. Only plain Java types cross this boundary.
 */
public final class Seas {

    private Seas() {
    }

    /**
     * Stage 0 (tiny) then stage 1, committed to {@code request.store()} as kind {@code seas}. Resumes the newest
     * unfinished run of the same product, options and data. Blocks while another SeaS fine-tune runs in this JVM.
     */
    public static FinetuneResult finetune(SeasFinetuneRequest request, FinetuneProgress progress) throws IOException {
        return new SeasFinetuner(request, progress).run();
    }

    /**
     * Stage 2 (refined mask prediction) on a committed stage-1 run, then BN recalibration; commits a new run of kind
     * {@code seas} whose manifest names the parent. Blocks while another SeaS training runs in this JVM.
     */
    public static FinetuneResult trainMasks(SeasMaskTrainingRequest request, FinetuneProgress progress)
            throws IOException {
        return new SeasMaskTrainer(request, progress).run();
    }

    /** Verifies the run's manifest (every SHA-256), then builds the networks and imports their weights. */
    public static SeasGenerator load(Path runDir) throws IOException {
        VerifiedRun run = ModelStore.open(runDir);
        GradMode.off();
        NDManager root = NDManager.newBaseManager();
        try {
            SeasModels models = SeasCheckpoint.read(runDir, root);
            return new SeasGenerator(run.manifest().product(), run.manifest().runId(), models, root);
        } catch (IOException | RuntimeException e) {
            root.close();
            throw e;
        }
    }
}
