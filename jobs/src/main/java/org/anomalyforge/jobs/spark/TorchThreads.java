package org.anomalyforge.jobs.spark;

/**
 * libtorch's intra-op thread pool is process-wide (LFD spec §6.3): when several Spark tasks run inference
 * at once, each forward should use cores / concurrent workers threads, or they oversubscribe the CPU.
 * Must run before the first DJL use in the JVM; settings the user gave with -D are kept.
 */
public final class TorchThreads {
    private TorchThreads() {}

    /** @param concurrentWorkers inference workers expected to run at the same time in this JVM */
    public static void configureFor(int concurrentWorkers) {
        int cores = Runtime.getRuntime().availableProcessors();
        int threads = Math.max(1, cores / Math.max(1, concurrentWorkers));
        if (System.getProperty("ai.djl.pytorch.num_threads") == null) {
            System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(threads));
        }
        if (System.getProperty("ai.djl.pytorch.num_interop_threads") == null) {
            System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
        }
    }
}
