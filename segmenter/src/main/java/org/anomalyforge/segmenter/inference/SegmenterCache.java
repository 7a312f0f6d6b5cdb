package org.anomalyforge.segmenter.inference;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.anomalyforge.ingest.store.ModelStore;
import org.anomalyforge.ingest.store.VerifiedRun;

/**
 * Loaded LFD runs keyed by run id + weights SHA-256 (§6.3: weights load once per JVM per run, never per
 * frame, batch or partition), with reference counting: each {@link #acquire} returns a new
 * {@link LfdSegmenter} lease, and the network's native memory is released when the last lease closes.
 *
 * <p>{@code Lfd} keeps one instance for the whole JVM. That JVM-wide state is deliberate: Spark tasks of
 * one executor share a JVM and must share one loaded model (a per-task copy would multiply native memory
 * and load time), and NDArrays cannot travel in closures. Every access is synchronised; loading happens
 * under the lock, so concurrent first loads of one run load it once.
 */
public final class SegmenterCache {

    private final Map<String, Entry> entries = new HashMap<>();

    /**
     * Verifies the run against its manifest (every time, so a tampered file is refused even when the run is
     * cached) and returns a lease on its loaded network.
     */
    public synchronized LfdSegmenter acquire(Path runDir) throws IOException {
        VerifiedRun run = ModelStore.open(runDir);
        String key = LoadedLfd.cacheKey(run, runDir);
        Entry e = entries.get(key);
        if (e == null) {
            e = new Entry(LoadedLfd.load(run, runDir));
            entries.put(key, e);
        }
        e.leases++;
        return new LfdSegmenter(e.model, this);
    }

    /** Number of loaded runs (for tests and status output). */
    public synchronized int size() {
        return entries.size();
    }

    /** Called once per lease by {@link LfdSegmenter#close()}. */
    synchronized void release(LoadedLfd model) {
        String key = model.runId() + "@" + model.weightsSha256();
        Entry e = entries.get(key);
        if (e == null || e.model != model) {
            throw new IllegalStateException("segmenter " + key + " is not in the cache (released twice?)");
        }
        if (--e.leases == 0) {
            entries.remove(key);
            model.close();
        }
    }

    private static final class Entry {
        private final LoadedLfd model;
        private int leases;

        Entry(LoadedLfd model) {
            this.model = model;
        }
    }
}
