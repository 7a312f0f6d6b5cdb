package org.anomalyforge.segmenter.train;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.anomalyforge.segmenter.TrainingSample;

/**
 * Decodes and augments the batches of one epoch in a single loader thread, one batch ahead of the
 * training thread (a bounded prefetch: at most two batches exist at a time). The loader touches no
 * NDArray, so every native array stays on the training thread.
 */
final class BatchLoader implements AutoCloseable {

    private final List<TrainingSample> samples;
    private final SamplePreparer preparer;
    private final int batchSize;
    private final ExecutorService thread;
    private int[] order;
    private int epoch;
    private int nextBatch;
    private Future<Batch> pending;

    /**
     * @param samples   the training samples; {@code order} indexes into this list
     * @param preparer  decoding and augmentation
     * @param batchSize B
     */
    BatchLoader(List<TrainingSample> samples, SamplePreparer preparer, int batchSize) {
        this.samples = samples;
        this.preparer = preparer;
        this.batchSize = batchSize;
        this.thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "lfd-batch-loader");
            t.setDaemon(true);
            return t;
        });
    }

    /** Number of batches per epoch, the last one partial if needed: ⌈n/B⌉. */
    int batchesPerEpoch() {
        return (samples.size() + batchSize - 1) / batchSize;
    }

    /**
     * Starts an epoch.
     *
     * @param epochIndex 1-based epoch (seeds the augmentation)
     * @param epochOrder permutation of the sample indices
     */
    void startEpoch(int epochIndex, int[] epochOrder) {
        cancelPending();
        this.epoch = epochIndex;
        this.order = epochOrder.clone();
        this.nextBatch = 0;
        pending = thread.submit(() -> load(0));
    }

    /** The next batch of the epoch (blocking), and starts loading the one after it. */
    Batch next() throws IOException {
        if (pending == null) {
            throw new IllegalStateException("no batch left in epoch " + epoch + " (" + batchesPerEpoch() + " batches)");
        }
        Batch b;
        try {
            b = pending.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while loading a batch of epoch " + epoch);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException("batch loading failed in epoch " + epoch, cause);
        }
        nextBatch++;
        int following = nextBatch;
        pending = following < batchesPerEpoch() ? thread.submit(() -> load(following)) : null;
        return b;
    }

    private Batch load(int batch) throws IOException {
        int from = batch * batchSize;
        int to = Math.min(order.length, from + batchSize);
        List<PreparedSample> prepared = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            int index = order[i];
            prepared.add(preparer.training(samples.get(index), epoch, index));
        }
        return Batch.of(prepared);
    }

    private void cancelPending() {
        if (pending != null) {
            pending.cancel(true);
            pending = null;
        }
    }

    /** Stops the loader thread. */
    @Override
    public void close() {
        cancelPending();
        thread.shutdownNow();
    }
}
