package org.anomalyforge.jobs.spark;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.anomalyforge.segmenter.Lfd;
import org.anomalyforge.segmenter.inference.LfdSegmenter;

/**
 * The models of this executor JVM, loaded once per run and kept until the JVM exits (LFD spec §6.4).
 *
 * <p>This is deliberately JVM-wide state: Spark reuses executor JVMs across tasks and micro-batches,
 * and loading weights per partition would dominate the cost of a job. Closures carry only the run
 * folder path; the first task that needs a run loads it, later tasks reuse it. A shutdown hook
 * releases the native memory.
 */
public final class ExecutorModels {
    private static final Map<String, LfdSegmenter> SEGMENTERS = new HashMap<>();
    private static boolean hookInstalled;

    private ExecutorModels() {}

    /** The segmenter of {@code runDir}, loaded (and its manifest verified) on first use in this JVM. */
    public static synchronized LfdSegmenter segmenter(String runDir) throws IOException {
        LfdSegmenter s = SEGMENTERS.get(runDir);
        if (s == null) {
            s = Lfd.load(Path.of(runDir));
            SEGMENTERS.put(runDir, s);
            if (!hookInstalled) {
                Runtime.getRuntime().addShutdownHook(new Thread(ExecutorModels::closeAll, "forge-models-close"));
                hookInstalled = true;
            }
        }
        return s;
    }

    private static synchronized void closeAll() {
        SEGMENTERS.values().forEach(LfdSegmenter::close);
        SEGMENTERS.clear();
    }
}
