package org.anomalyforge.jobs.generator;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.anomalyforge.generator.GeneratedImage;
import org.anomalyforge.generator.GenerationRequest;
import org.anomalyforge.generator.Seas;
import org.anomalyforge.generator.SeasGenerator;

/**
 * The SeaS generators of this executor JVM, loaded once per run and kept until the JVM exits (the SeaS counterpart
 * of {@link org.anomalyforge.jobs.spark.ExecutorModels}): Spark reuses executor JVMs across tasks and chunks, and
 * loading (and verifying) the weights per partition would dominate a small chunk.
 *
 * <p>A {@link SeasGenerator} is thread-confined (its U-Net swaps attention processors per call), so concurrent tasks
 * of one JVM take turns: {@link #generate} holds the generator's monitor for one batch. One batch at a time with
 * libtorch using every core ({@code TorchThreads.configureFor(1)}) keeps the CPU as busy as parallel batches would,
 * with one copy of the weights.
 */
final class SeasExecutorModels {
    private static final Map<String, SeasGenerator> GENERATORS = new HashMap<>();
    private static boolean hookInstalled;

    private SeasExecutorModels() {}

    /** The generator of {@code runDir}, loaded (and its manifest verified) on first use in this JVM. */
    static synchronized SeasGenerator generator(String runDir) throws IOException {
        SeasGenerator g = GENERATORS.get(runDir);
        if (g == null) {
            g = Seas.load(Path.of(runDir));
            GENERATORS.put(runDir, g);
            if (!hookInstalled) {
                Runtime.getRuntime().addShutdownHook(new Thread(SeasExecutorModels::closeAll, "forge-seas-close"));
                hookInstalled = true;
            }
        }
        return g;
    }

    /** One batch on the JVM's generator of {@code runDir}; results in request order. */
    static List<GeneratedImage> generate(String runDir, List<GenerationRequest> batch) throws IOException {
        SeasGenerator g = generator(runDir);
        synchronized (g) {
            return g.generate(batch);
        }
    }

    private static synchronized void closeAll() {
        GENERATORS.values().forEach(SeasGenerator::close);
        GENERATORS.clear();
    }
}
