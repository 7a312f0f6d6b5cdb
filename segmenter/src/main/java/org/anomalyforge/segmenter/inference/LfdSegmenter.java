package org.anomalyforge.segmenter.inference;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A loaded LFD run (§6.2): immutable and thread-safe. Each thread creates its own {@link LfdWorker}. This
 * object is a lease on a network shared through {@link SegmenterCache}: closing it (idempotent) releases
 * the lease, and the native memory goes when the last lease of the run closes. Close the workers first.
 */
public final class LfdSegmenter implements AutoCloseable {

    private final LoadedLfd model;
    private final SegmenterCache cache;
    private final AtomicBoolean closed = new AtomicBoolean();

    LfdSegmenter(LoadedLfd model, SegmenterCache cache) {
        this.model = model;
        this.cache = cache;
    }

    /**
     * A worker for one thread at a time, with masks as PNG.
     *
     * @param maxBatch largest batch per {@link LfdWorker#segment} call (8 by default, 1 for latency)
     */
    public LfdWorker newWorker(int maxBatch) {
        return newWorker(maxBatch, true);
    }

    /**
     * A worker for one thread at a time.
     *
     * @param maxBatch    largest batch per call, ≥ 1
     * @param withMaskPng whether {@link FrameResult#maskPng()} is produced (PNG encoding costs time)
     */
    public LfdWorker newWorker(int maxBatch, boolean withMaskPng) {
        if (closed.get()) {
            throw new IllegalStateException("segmenter " + runId() + " is closed");
        }
        return new LfdWorker(model, maxBatch, withMaskPng);
    }

    /** Input size, thresholds and image-score mode (and the rest of {@code config.json}). */
    public LfdRunConfig config() {
        return model.config();
    }

    /** The model-store run id. */
    public String runId() {
        return model.runId();
    }

    /** SHA-256 of the loaded weights file (from the verified manifest). */
    public String weightsSha256() {
        return model.weightsSha256();
    }

    /** Releases this lease (idempotent). */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            cache.release(model);
        }
    }
}
