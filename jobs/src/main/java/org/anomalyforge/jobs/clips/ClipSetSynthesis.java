package org.anomalyforge.jobs.clips;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;
import java.util.stream.Stream;
import org.anomalyforge.trokens.clips.ClipEntry;
import org.anomalyforge.trokens.clips.ClipManifest;
import org.anomalyforge.trokens.synthetic.ActionClass;
import org.anomalyforge.trokens.synthetic.ActionClipSynthesizer;
import org.anomalyforge.trokens.synthetic.SynthesisConfig;
import org.anomalyforge.trokens.synthetic.SyntheticDatasetWriter;

/**
 * Writes a synthetic clip set with {@link SyntheticDatasetWriter}, one class at a time so a caller can report
 * progress, then writes the one manifest of all classes. Clip seeds depend only on the set seed, the class and
 * the clip index, so the files are the same as one {@code write} call over all classes.
 */
public final class ClipSetSynthesis {

    /** Product images of each sample product kind used as sprites. */
    static final int TEXTURES_PER_KIND = 2;

    private ClipSetSynthesis() {}

    /**
     * What was written for one class.
     *
     * @param action  the class
     * @param split   its split
     * @param clips   clips written
     * @param frames  frames over all its clips
     * @param bytes   bytes of its AVI and JSON files
     * @param seconds wall time to render and write them
     */
    public record ClassReport(ActionClass action, String split, int clips, long frames, long bytes, double seconds) {}

    /**
     * @param manifest the validated manifest of all classes ({@code <out>/manifest.csv})
     * @param classes  per-class reports, in the order written
     * @param bytes    bytes of everything under the output folder, manifest included
     * @param seconds  wall time of the whole set
     */
    public record Result(ClipManifest manifest, List<ClassReport> classes, long bytes, double seconds) {

        public Result {
            classes = List.copyOf(classes);
        }

        /** Clips over all classes. */
        public int clips() {
            return classes.stream().mapToInt(ClassReport::clips).sum();
        }

        /** Frames over all classes. */
        public long frames() {
            return classes.stream().mapToLong(ClassReport::frames).sum();
        }

        /** Clips written into one split. */
        public int clipsIn(String split) {
            return classes.stream().filter(c -> c.split().equals(split)).mapToInt(ClassReport::clips).sum();
        }
    }

    /**
     * @param out       output folder (created if missing)
     * @param config    clip size, length and rate
     * @param splits    the split of every class to render, in rendering order
     * @param perClass  clips per class, ≥ 1
     * @param seed      set seed (also seeds the product sprites)
     * @param clipsDone called with the number of clips written so far after each class
     */
    public static Result write(Path out, SynthesisConfig config, Map<ActionClass, String> splits, int perClass,
                               long seed, IntConsumer clipsDone) throws IOException {
        if (splits.isEmpty()) {
            throw new IllegalArgumentException("at least one class is needed, got none");
        }
        long start = System.nanoTime();
        SyntheticDatasetWriter writer = new SyntheticDatasetWriter(new ActionClipSynthesizer(config,
                ActionClipSynthesizer.sampleProductTextures(TEXTURES_PER_KIND, seed)));
        List<ClipEntry> entries = new ArrayList<>();
        List<ClassReport> reports = new ArrayList<>();
        for (Map.Entry<ActionClass, String> e : splits.entrySet()) {
            long classStart = System.nanoTime();
            String split = e.getValue();
            ClipManifest written = writer.write(out, List.of(e.getKey()), c -> split, perClass, seed);
            entries.addAll(written.entries());
            long frames = written.entries().stream().mapToLong(c -> c.frames().orElseThrow()).sum();
            reports.add(new ClassReport(e.getKey(), split, written.entries().size(), frames,
                    bytesUnder(out.resolve(split).resolve(e.getKey().label())),
                    (System.nanoTime() - classStart) / 1e9));
            clipsDone.accept(entries.size());
        }
        // Each per-class write replaced manifest.csv with that class only; this writes the whole set.
        Path manifestFile = out.resolve(SyntheticDatasetWriter.MANIFEST);
        ClipManifest.write(manifestFile, entries);
        ClipManifest manifest = ClipManifest.read(manifestFile, false, true);
        return new Result(manifest, reports, bytesUnder(out), (System.nanoTime() - start) / 1e9);
    }

    /** Total size of the regular files under {@code dir}. */
    static long bytesUnder(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            long total = 0;
            for (Path p : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                total += Files.size(p);
            }
            return total;
        }
    }
}
