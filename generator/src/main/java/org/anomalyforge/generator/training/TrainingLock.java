package org.anomalyforge.generator.training;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The JVM-wide SeaS training lock. DJL's PyTorch engine allows one open {@code GradientCollector} per JVM, so two
 * concurrent fine-tunes (two Spark tasks in one executor) would break each other; holding this fair lock for a whole
 * run makes them queue. JVM-wide state, because the constraint it guards is JVM-wide. (The segmenter keeps its own
 * lock: model modules do not depend on each other, so a SeaS and an LFD training in one JVM are not serialised
 * against each other — see the module DESIGN.)
 */
public final class TrainingLock {

    private static final ReentrantLock LOCK = new ReentrantLock(true);

    private TrainingLock() {
    }

    /** Blocks until no other thread trains SeaS, then holds the lock. */
    public static void acquire() throws InterruptedIOException {
        try {
            LOCK.lockInterruptibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for another SeaS fine-tune to finish");
        }
    }

    /** Releases the lock held by the current thread. */
    public static void release() {
        LOCK.unlock();
    }

    /** Runs one whole training under the lock, grad mode off on this thread (Spark task threads start with it on). */
    public static <T> T holding(Training<T> training) throws IOException {
        acquire();
        try {
            GradMode.off();
            return training.run();
        } finally {
            release();
        }
    }

    /** A training that commits a run. */
    @FunctionalInterface
    public interface Training<T> {
        T run() throws IOException;
    }
}
