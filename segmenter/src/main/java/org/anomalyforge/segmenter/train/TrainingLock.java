package org.anomalyforge.segmenter.train;

import java.util.concurrent.locks.ReentrantLock;

/**
 * The JVM-wide training lock. DJL's PyTorch engine allows one open {@code GradientCollector} per JVM (a
 * static flag; a second one throws "A PtGradientCollector is already collecting", DJL cookbook §0 item 14),
 * so two concurrent {@code Lfd.train} calls would crash each other mid-iteration. Holding this fair lock
 * for a whole training run makes them queue instead. This is the one piece of JVM-wide mutable state in
 * the trainer, and it exists because the constraint it guards is JVM-wide.
 */
public final class TrainingLock {

    private static final ReentrantLock LOCK = new ReentrantLock(true);

    private TrainingLock() {
    }

    /** Blocks until no other thread trains, then holds the lock (release with {@link #release()}). */
    public static void acquire() throws java.io.InterruptedIOException {
        try {
            LOCK.lockInterruptibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while waiting for another LFD training to finish");
        }
    }

    /** Releases the lock held by the current thread. */
    public static void release() {
        LOCK.unlock();
    }

    /** True iff some thread is training (for tests and status output). */
    public static boolean isHeld() {
        return LOCK.isLocked();
    }
}
