package org.anomalyforge.ingest.image;

/**
 * Loads the OpenCV native library bundled in {@code org.openpnp:opencv} exactly once per JVM.
 *
 * <p>{@code loadLocally()} extracts the library to {@code java.io.tmpdir}; {@code loadShared()} is not
 * supported on Java ≥ 12 (STACK.md pitfall 17). Safe to call from any thread, including Spark tasks.
 */
public final class OpenCv {
    private static volatile boolean loaded;

    private OpenCv() {}

    public static void ensureLoaded() {
        if (!loaded) {
            synchronized (OpenCv.class) {
                if (!loaded) {
                    nu.pattern.OpenCV.loadLocally();
                    loaded = true;
                }
            }
        }
    }
}
