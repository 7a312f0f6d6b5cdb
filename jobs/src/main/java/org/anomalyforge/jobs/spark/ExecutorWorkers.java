package org.anomalyforge.jobs.spark;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import org.anomalyforge.segmenter.inference.LfdSegmenter;
import org.anomalyforge.segmenter.inference.LfdWorker;

/**
 * Idle LFD workers of this executor JVM, per run and batch size (LFD spec §6.4). A task borrows one for
 * its partition and returns it when the task completes; workers are created on demand and reused
 * across micro-batches, so the per-worker warm-up and buffers are paid once. Never a ThreadLocal: Spark
 * recycles task threads, which would strand native buffers.
 */
public final class ExecutorWorkers {
    private static final Map<String, Deque<LfdWorker>> IDLE = new HashMap<>();

    private ExecutorWorkers() {}

    /** A worker for the calling task; give it back with {@link #giveBack}. */
    public static LfdWorker borrow(String runDir, int maxBatch) throws IOException {
        String key = runDir + "#" + maxBatch;
        synchronized (IDLE) {
            Deque<LfdWorker> idle = IDLE.get(key);
            if (idle != null && !idle.isEmpty()) {
                return idle.pop();
            }
        }
        LfdSegmenter segmenter = ExecutorModels.segmenter(runDir);
        return segmenter.newWorker(maxBatch, true);
    }

    public static void giveBack(String runDir, int maxBatch, LfdWorker worker) {
        synchronized (IDLE) {
            IDLE.computeIfAbsent(runDir + "#" + maxBatch, k -> new ArrayDeque<>()).push(worker);
        }
    }
}
