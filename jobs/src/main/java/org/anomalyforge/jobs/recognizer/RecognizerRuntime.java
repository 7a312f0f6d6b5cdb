package org.anomalyforge.jobs.recognizer;

/**
 * JVM settings the recogniser commands need before their first DJL call. The Trokens nets are tiny, so
 * libtorch's per-op threading costs more than it gains: a 35-clip training step took 727 ms with 2 intra-op
 * threads and 43 ms with 1 on a 2-core machine (trokens DESIGN.md, "Threads").
 */
final class RecognizerRuntime {

    static final String THREADS = "ai.djl.pytorch.num_threads";

    private RecognizerRuntime() {}

    /** One libtorch intra-op thread, unless the user set {@value #THREADS} with {@code -D}. */
    static void singleTorchThread() {
        if (System.getProperty(THREADS) == null) {
            System.setProperty(THREADS, "1");
        }
        if (System.getProperty("ai.djl.pytorch.num_interop_threads") == null) {
            System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
        }
    }
}
