package org.anomalyforge.trokens.model;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;

/**
 * Tests that train run PyTorch with one intra-op thread: the tiny test models are dominated by per-op
 * overhead, and on a shared 2-core machine two OpenMP threads made a training step 15× slower (measured:
 * 727 ms vs 43 ms for a 35-clip episode).
 */
public final class TestThreads {

    private TestThreads() {}

    /** Loads the engine and sets one intra-op thread for this test JVM. */
    public static void single() {
        Engine.getInstance();
        JniUtils.setNumThreads(1);
    }
}
