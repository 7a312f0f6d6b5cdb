package org.anomalyforge.trokens.train;

import java.util.concurrent.locks.ReentrantLock;

/**
 * The JVM-wide training lock. DJL's PyTorch engine allows one open {@code GradientCollector} per JVM (the
 * flag is static), so two training loops in parallel threads would collide; every training loop holds this
 * lock. It is the one piece of global state in the module, and it mirrors global state inside DJL.
 */
public final class TrainingLock {

    private static final ReentrantLock LOCK = new ReentrantLock(true);

    private TrainingLock() {}

    /** Blocks until the lock is free; close the returned handle to release it. */
    public static Held acquire() {
        LOCK.lock();
        return new Held();
    }

    /** Whether some thread currently trains. */
    public static boolean isHeld() {
        return LOCK.isLocked();
    }

    /** A held lock; {@link #close()} releases it once. */
    public static final class Held implements AutoCloseable {
        private boolean released;

        private Held() {}

        @Override
        public void close() {
            if (!released) {
                released = true;
                LOCK.unlock();
            }
        }
    }
}
