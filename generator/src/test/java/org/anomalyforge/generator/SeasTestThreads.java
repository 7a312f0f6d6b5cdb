package org.anomalyforge.generator;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;

/**
 * Runs libtorch with one intra-op thread in the SeaS training and sampling tests. On the shared 2-core build machine
 * two OpenMP threads next to other builds spin at their barriers and made a tiny stage-1 step 10–60× slower
 * (0.4 s → 6–37 s, measured); one thread keeps the tests in seconds. Affects only the test JVM.
 */
public final class SeasTestThreads {

    private SeasTestThreads() {
    }

    /** Sets one intra-op thread (idempotent). */
    public static void single() {
        Engine.getInstance();
        JniUtils.setNumThreads(1);
    }
}
