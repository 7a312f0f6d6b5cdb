package org.anomalyforge.jobs.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.anomalyforge.jobs.cli.Progress;
import org.anomalyforge.jobs.cli.TextTable;
import org.anomalyforge.jobs.clips.FrameSize;
import org.anomalyforge.jobs.clips.TrackingClipLoader;
import org.anomalyforge.trokens.encoders.PatchDescriptorEncoder;
import org.anomalyforge.trokens.sampling.SamplingMode;
import org.anomalyforge.trokens.synthetic.SynthesisConfig;
import org.anomalyforge.trokens.tracking.BenchmarkRow;
import org.anomalyforge.trokens.tracking.PipelineConfig;
import org.anomalyforge.trokens.tracking.PyramidalLkTracker;
import org.anomalyforge.trokens.tracking.StageTimings;
import org.anomalyforge.trokens.tracking.TrackingBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code forge bench trokens}: clips/s and points tracked/s of the Trokens tracking front end (encode, cluster,
 * select, track, motion tokens) per sampling mode and number of points M, with GRID at the same M as the
 * baseline measured in the same run (spec §16.4).
 */
@Command(name = "trokens", mixinStandardHelpOptions = true,
        description = {"Trokens tracking throughput per sampling mode and number of points M on the same clips: "
                + "ms per clip for each stage (patch-descriptor encode, cluster, select, pyramidal LK track, "
                + "motion tokens), clips/s end to end, and points tracked/s (points × tracking steps in both "
                + "directions per second of tracking time). GRID is always measured as the baseline at each M; "
                + "the closing line compares the semantic sampler at the smallest M with the grid sampler at the "
                + "largest M (semantic@32 vs grid@256 by default). Decoding is timed once and reported apart.",
                "Without --clips a few small synthetic clips are rendered into a temporary folder."},
        footer = {"", "Examples:", "  forge bench trokens",
                "  forge bench trokens --clips data/clips --n-clips 16 --points 32,256",
                "  forge bench trokens --modes semantic,kmeans,grid --points 64 --size 256x192"})
public final class BenchTrokensCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--clips", paramLabel = "DIR",
            description = "clip folder (manifest.csv or <split>/<class>/<clip>.avi); default: generated clips")
    Path clips;

    @Option(names = "--n-clips", defaultValue = "8", paramLabel = "N",
            description = "clips to measure (default: ${DEFAULT-VALUE})")
    int nClips;

    @Option(names = "--points", split = ",", defaultValue = "32,64,128,256", paramLabel = "M",
            description = "numbers of tracked points (default: ${DEFAULT-VALUE})")
    List<Integer> points;

    @Option(names = "--modes", split = ",", defaultValue = "semantic,grid", paramLabel = "MODE",
            description = "sampling modes: semantic (bipartite merging), kmeans, grid (default: ${DEFAULT-VALUE})")
    List<String> modes;

    @Option(names = "--size", defaultValue = "128x96", paramLabel = "WxH",
            description = "frame size of generated clips (default: ${DEFAULT-VALUE})")
    String size;

    @Option(names = "--frames", defaultValue = "32", paramLabel = "N",
            description = "frames of generated clips at 10 fps, 8..256 (default: ${DEFAULT-VALUE})")
    int frames;

    @Option(names = "--seed", defaultValue = "7", description = "seed of generated clips (default: ${DEFAULT-VALUE})")
    long seed;

    @Override
    public Integer call() throws IOException {
        List<SamplingMode> samplingModes = parseModes();
        List<Integer> ms = checkedPoints();
        if (nClips < 1) {
            throw new ParameterException(spec.commandLine(), "--n-clips must be >= 1, got " + nClips);
        }
        TrackingClipLoader.Loaded loaded = loadClips();
        PyramidalLkTracker tracker = PyramidalLkTracker.withDefaults();
        TrackingBenchmark benchmark = new TrackingBenchmark(new PatchDescriptorEncoder(), tracker,
                PipelineConfig.descriptorCpu());
        // One unmeasured pass over the first clip, so JIT compilation and OpenCV's first calls are not billed
        // to whichever configuration happens to be measured first (the grid baseline).
        benchmark.run(loaded.clips().subList(0, 1), samplingModes, ms.subList(0, 1));
        List<BenchmarkRow> rows = new ArrayList<>();
        // One M at a time for the progress bar; each call measures GRID at that M as its baseline, as one call would.
        try (Progress progress = Progress.start("bench", ms.size(), "M")) {
            for (int m : ms) {
                rows.addAll(benchmark.run(loaded.clips(), samplingModes, List.of(m)));
                progress.step();
            }
        }
        PrintWriter w = spec.commandLine().getOut();
        w.print(table(rows));
        w.println(comparison(rows, samplingModes, ms));
        w.println(loaded.description() + "; tracker " + tracker.id() + "; encoder patch-descriptor; "
                + Runtime.getRuntime().availableProcessors() + " cores.");
        w.println("Decode + resample to tracking frames: " + fmt("%.1f", loaded.decodeMs())
                + " ms/clip (not in the rows). Stage columns are ms/clip after one warm-up pass; 'vs grid' is "
                + "the time ratio to GRID at the same M.");
        w.flush();
        return 0;
    }

    private TrackingClipLoader.Loaded loadClips() throws IOException {
        if (clips != null) {
            if (!Files.isDirectory(clips)) {
                throw new ParameterException(spec.commandLine(), "--clips " + clips + " is not a folder");
            }
            return TrackingClipLoader.fromFolder(clips, nClips);
        }
        SynthesisConfig config;
        try {
            FrameSize frameSize = FrameSize.parse(size);
            config = new SynthesisConfig(frameSize.width(), frameSize.height(), frames, 10);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--size/--frames " + size + ", " + frames + ": "
                    + e.getMessage(), e);
        }
        return TrackingClipLoader.generated(config, nClips, seed);
    }

    private List<SamplingMode> parseModes() {
        List<SamplingMode> out = new ArrayList<>();
        for (String raw : modes) {
            SamplingMode mode = switch (raw.strip().toLowerCase(Locale.ROOT)) {
                case "semantic", "bipartite" -> SamplingMode.BIPARTITE;
                case "kmeans" -> SamplingMode.KMEANS;
                case "grid" -> SamplingMode.GRID;
                default -> throw new ParameterException(spec.commandLine(), "--modes: unknown mode '" + raw
                        + "', expected one of semantic, kmeans, grid");
            };
            if (out.contains(mode)) {
                throw new ParameterException(spec.commandLine(), "--modes lists '" + raw + "' twice");
            }
            out.add(mode);
        }
        return out;
    }

    private List<Integer> checkedPoints() {
        for (int m : points) {
            if (m < 1) {
                throw new ParameterException(spec.commandLine(), "--points values must be >= 1, got " + m);
            }
        }
        if (points.stream().distinct().count() != points.size()) {
            throw new ParameterException(spec.commandLine(), "--points lists a value twice: " + points);
        }
        return List.copyOf(points);
    }

    private static TextTable table(List<BenchmarkRow> rows) {
        TextTable t = new TextTable("mode", "M", "clips/s", "ms/clip", "points tracked/s", "encode", "cluster",
                "select", "track", "motion", "vs grid");
        for (BenchmarkRow r : rows) {
            StageTimings s = r.mean();
            t.row(name(r.mode()), r.points(), fmt("%.2f", r.clipsPerSecond()), fmt("%.1f", s.totalMs()),
                    fmt("%.0f", r.pointStepsPerSecond()), fmt("%.1f", s.encodeMs()), fmt("%.1f", s.clusterMs()),
                    fmt("%.2f", s.selectMs()), fmt("%.1f", s.trackMs()), fmt("%.2f", s.motionMs()),
                    fmt("%.2f", r.ratioToGrid()));
        }
        return t;
    }

    /** The first non-grid mode at the smallest M against GRID at the largest M, both from this run. */
    static String comparison(List<BenchmarkRow> rows, List<SamplingMode> modes, List<Integer> points) {
        Optional<SamplingMode> semantic = modes.stream().filter(m -> m != SamplingMode.GRID).findFirst();
        if (semantic.isEmpty()) {
            return "No semantic mode in --modes; nothing to compare with grid.";
        }
        int fewest = Collections.min(points);
        int most = Collections.max(points);
        BenchmarkRow sem = find(rows, semantic.get(), fewest);
        BenchmarkRow grid = find(rows, SamplingMode.GRID, most);
        double ratio = sem.mean().totalMs() / grid.mean().totalMs();
        return name(sem.mode()) + "@" + fewest + " vs grid@" + most + ": " + fmt("%.2f", ratio)
                + "× the time per clip (" + fmt("%.1f", sem.mean().totalMs()) + " vs "
                + fmt("%.1f", grid.mean().totalMs()) + " ms), same run, same clips.";
    }

    private static BenchmarkRow find(List<BenchmarkRow> rows, SamplingMode mode, int m) {
        return rows.stream().filter(r -> r.mode() == mode && r.points() == m).findFirst().orElseThrow(
                () -> new IllegalStateException("benchmark has no row for " + mode + " at M = " + m));
    }

    private static String name(SamplingMode mode) {
        return switch (mode) {
            case BIPARTITE -> "semantic";
            case KMEANS -> "kmeans";
            case GRID -> "grid";
        };
    }

    private static String fmt(String f, double v) {
        return String.format(Locale.ROOT, f, v);
    }
}
