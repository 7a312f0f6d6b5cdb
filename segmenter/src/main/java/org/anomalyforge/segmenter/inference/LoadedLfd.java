package org.anomalyforge.segmenter.inference;

import ai.djl.ndarray.NDManager;

import java.io.IOException;
import java.nio.file.Path;

import org.anomalyforge.ingest.store.ModelStore;
import org.anomalyforge.ingest.store.VerifiedRun;
import org.anomalyforge.segmenter.lfd.LfdConfig;
import org.anomalyforge.segmenter.lfd.LfdNet;
import org.anomalyforge.segmenter.lfd.LfdWeightsImporter;

/**
 * A verified LFD run loaded once: the network in eval-only use (parameters frozen, so no forward can
 * record a graph), its configuration and identity. Shared by all {@link LfdSegmenter} leases of the same
 * run id and weights SHA-256; never trained, so its arrays are only read after loading.
 */
final class LoadedLfd implements AutoCloseable {

    /** Weights file name in a run folder. */
    static final String WEIGHTS = "weights.safetensors";

    private final NDManager manager;
    private final LfdNet net;
    private final LfdRunConfig config;
    private final String runId;
    private final String weightsSha256;

    private LoadedLfd(NDManager manager, LfdNet net, LfdRunConfig config, String runId, String weightsSha256) {
        this.manager = manager;
        this.net = net;
        this.config = config;
        this.runId = runId;
        this.weightsSha256 = weightsSha256;
    }

    /** Identity of a verified run: run id + weights SHA-256 from its manifest. */
    static String cacheKey(VerifiedRun run, Path runDir) throws IOException {
        return run.manifest().runId() + "@" + weightsSha(run, runDir);
    }

    private static String weightsSha(VerifiedRun run, Path runDir) throws IOException {
        String sha = run.manifest().files().get(WEIGHTS);
        if (sha == null) {
            throw new IOException(runDir + ": manifest lists no " + WEIGHTS + " (not an LFD run)");
        }
        return sha;
    }

    /** Loads the weights of a run that {@link ModelStore#open} just verified. */
    static LoadedLfd load(VerifiedRun run, Path runDir) throws IOException {
        if (!"lfd".equals(run.manifest().kind())) {
            throw new IOException(runDir + ": model kind must be 'lfd', got '" + run.manifest().kind() + "'");
        }
        LfdRunConfig config = RunConfigJson.read(runDir.resolve(LfdRunConfig.FILE_NAME));
        GradMode.off();      // thread-local; the import writes parameters in place
        NDManager manager = NDManager.newBaseManager();
        try {
            LfdNet net = new LfdNet(new LfdConfig(config.inputHeight(), config.inputWidth(), config.seed()));
            net.initialize(manager);
            LfdWeightsImporter.strict().importFile(net.weights(), runDir.resolve(WEIGHTS));
            net.freezeParameters(true);
            return new LoadedLfd(manager, net, config, run.manifest().runId(), weightsSha(run, runDir));
        } catch (IOException | RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    LfdNet net() {
        return net;
    }

    LfdRunConfig config() {
        return config;
    }

    String runId() {
        return runId;
    }

    String weightsSha256() {
        return weightsSha256;
    }

    @Override
    public void close() {
        manager.close();
    }
}
