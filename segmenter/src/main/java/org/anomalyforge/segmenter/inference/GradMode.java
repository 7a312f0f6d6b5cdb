package org.anomalyforge.segmenter.inference;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;

/**
 * libtorch's grad mode is thread-local and on by default on every new thread (the engine only turns it
 * off on the thread that loads it). Parameter imports, optimiser updates and eval forwards must run with it
 * off, so each entry point calls {@link #off()} on its own thread.
 */
public final class GradMode {

    private GradMode() {
    }

    /** Loads the engine if needed (the native library), then disables grad mode on the calling thread. */
    public static void off() {
        Engine.getInstance();
        JniUtils.setGradMode(false);
    }
}
