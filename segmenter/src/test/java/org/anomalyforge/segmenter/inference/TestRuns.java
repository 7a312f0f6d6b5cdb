package org.anomalyforge.segmenter.inference;

import ai.djl.ndarray.NDManager;

import java.nio.file.Path;
import java.util.Map;

import org.anomalyforge.ingest.store.ModelStore;
import org.anomalyforge.ingest.store.RunRef;
import org.anomalyforge.ingest.store.RunWriter;
import org.anomalyforge.segmenter.lfd.LfdConfig;
import org.anomalyforge.segmenter.lfd.LfdNet;
import org.anomalyforge.segmenter.lfd.LfdWeightsExporter;

/** Commits an untrained (seeded) LFD run to a model store, for inference tests that need no training. */
public final class TestRuns {

    private TestRuns() {
    }

    /** A committed run at size², seed 42, the given thresholds and score mode. */
    public static Path untrained(Path store, int size, float tauPixel, float tauImage, ImageScoreMode mode)
            throws Exception {
        RunWriter run = new ModelStore(store).create("widget", "lfd");
        try (NDManager m = NDManager.newBaseManager()) {
            LfdNet net = new LfdNet(new LfdConfig(size, size, 42));
            net.initialize(m);
            LfdWeightsExporter.export(net.weights(), run.dir().resolve("weights.safetensors"), 0, Map.of());
        }
        LfdRunConfig config = new LfdRunConfig(LfdRunConfig.FORMAT, size, size, "IMAGENET", FrameResizer.MODE,
                MaskRule.NAME, "scratch", null, 42, "SMOKE",
                new LfdRunConfig.Schedule("test", 0.9, 1e-4, 0.01, 1e-5, 0, 0, 0, 4, "NONE", "test"),
                "last-epoch", 0, tauPixel, tauImage, mode, "none", false);
        run.writeAtomically(LfdRunConfig.FILE_NAME, RunConfigJson.write(config));
        RunRef ref = run.commit("test", "no-data", Map.of());
        return ref.dir();
    }
}
