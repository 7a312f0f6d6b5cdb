package org.anomalyforge.jobs.clips;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.anomalyforge.ingest.image.ImageCodec;
import org.anomalyforge.ingest.store.FileTrees;
import org.anomalyforge.trokens.clips.ClipEntry;
import org.anomalyforge.trokens.clips.ClipFolderScanner;
import org.anomalyforge.trokens.clips.ClipManifest;
import org.anomalyforge.trokens.clips.ClipReader;
import org.anomalyforge.trokens.clips.FrameSampler;
import org.anomalyforge.trokens.clips.TrackingFrames;
import org.anomalyforge.trokens.synthetic.ActionClass;
import org.anomalyforge.trokens.synthetic.SynthesisConfig;
import org.anomalyforge.trokens.synthetic.SyntheticDatasetWriter;

/**
 * Loads clips as tracking frames (≤ 10 fps, long side ≤ 512, spec §5.1) for benchmarks, timing the decode and
 * resampling: from a clip folder, or from a few synthetic clips rendered into a temporary folder.
 */
public final class TrackingClipLoader {

    /** Frame rate assumed for frame folders found by the folder-layout scan. */
    static final double FOLDER_FPS = 10;

    private TrackingClipLoader() {}

    /**
     * @param clips        tracking frames, in manifest order
     * @param decodeMs     mean wall time per clip to decode and resample
     * @param description  where the clips came from, for the report
     */
    public record Loaded(List<TrackingFrames> clips, double decodeMs, String description) {

        public Loaded {
            clips = List.copyOf(clips);
        }
    }

    /**
     * The first {@code count} clips of a folder: its {@code manifest.csv} when present, else the
     * {@code <split>/<class>/<clip>} layout.
     */
    public static Loaded fromFolder(Path dir, int count) throws IOException {
        Path manifestFile = dir.resolve(SyntheticDatasetWriter.MANIFEST);
        ClipManifest manifest = Files.isRegularFile(manifestFile) ? ClipManifest.read(manifestFile, true, true)
                : new ClipManifest(manifestFile.toAbsolutePath(), ClipFolderScanner.scan(dir, FOLDER_FPS, "benchmark"));
        if (manifest.entries().isEmpty()) {
            throw new IOException(dir + ": no clips found (expected manifest.csv or <split>/<class>/<clip>.avi)");
        }
        String source = Files.isRegularFile(manifestFile) ? manifestFile.toString() : dir + " (folder layout)";
        return load(manifest, count, source);
    }

    /**
     * Renders {@code count} synthetic clips (one per class, classes in {@link ActionClass#all()} order, cycling)
     * into a temporary folder, loads them and deletes the folder.
     */
    public static Loaded generated(SynthesisConfig config, int count, long seed) throws IOException {
        if (count < 1) {
            throw new IllegalArgumentException("clip count must be >= 1, got " + count);
        }
        List<ActionClass> all = ActionClass.all();
        List<ActionClass> classes = all.subList(0, Math.min(count, all.size()));
        int perClass = (count + classes.size() - 1) / classes.size();
        Map<ActionClass, String> splits = new LinkedHashMap<>();
        classes.forEach(c -> splits.put(c, "test"));
        Path tmp = Files.createTempDirectory("forge-bench-trokens-");
        try {
            ClipSetSynthesis.Result set = ClipSetSynthesis.write(tmp, config, splits, perClass, seed, done -> { });
            return load(set.manifest(), count, "generated " + config.width() + "×" + config.height() + ", "
                    + config.frames() + " frames at " + config.fps() + " fps, seed " + seed);
        } finally {
            FileTrees.delete(tmp);
        }
    }

    private static Loaded load(ClipManifest manifest, int count, String source) throws IOException {
        if (count < 1) {
            throw new IllegalArgumentException("clip count must be >= 1, got " + count);
        }
        ClipReader reader = new ClipReader(ImageCodec.withDefaults());
        List<TrackingFrames> clips = new ArrayList<>();
        long start = System.nanoTime();
        for (ClipEntry entry : manifest.entries().subList(0, Math.min(count, manifest.entries().size()))) {
            clips.add(manifest.load(entry, reader, FrameSampler.DEFAULT));
        }
        double decodeMs = (System.nanoTime() - start) / 1e6 / clips.size();
        return new Loaded(clips, decodeMs, clips.size() + " clip(s) " + source);
    }
}
