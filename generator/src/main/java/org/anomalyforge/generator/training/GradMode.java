package org.anomalyforge.generator.training;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;

/**
 * libtorch's grad mode is thread-local and on by default on every new thread (e.g. Spark task threads); the engine
 * only switches it off on the thread that loads it. Weight imports, optimiser updates and sampling must run with it
 * off, so each entry point calls {@link #off()} on its own thread. A {@code GradientCollector} turns it on for its
 * scope and off again when closed.
 */
public final class GradMode {

    private GradMode() {
    }

    /** Loads the engine if needed, then disables grad mode on the calling thread. */
    public static void off() {
        Engine.getInstance();
        JniUtils.setGradMode(false);
    }
}
