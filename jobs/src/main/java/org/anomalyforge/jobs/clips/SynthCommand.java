package org.anomalyforge.jobs.clips;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.anomalyforge.jobs.cli.Progress;
import org.anomalyforge.jobs.cli.TextTable;
import org.anomalyforge.trokens.synthetic.ActionClass;
import org.anomalyforge.trokens.synthetic.SynthesisConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code forge clips synth}: seeded synthetic conveyor action clips as MJPG AVI files plus a manifest. */
@Command(name = "synth", mixinStandardHelpOptions = true,
        description = {"Render seeded conveyor clips with scripted actions (pass-through, reject push-off, "
                + "pick-and-place, rotate-for-inspection, stall, jam, assembly step and their direction variants) "
                + "with camera shake, lighting change and distractors. Writes <out>/<split>/<class>/<clip>.avi "
                + "(MJPG), a JSON sidecar with ground-truth product corners per clip, and <out>/manifest.csv. "
                + "Whole classes go to one split, so train, val and test classes are disjoint.",
                "Classes ('all', in this order): pass_right, reject_down, pick_place_up, rotate_cw, jam_right, "
                        + "jam_left, assembly_from_below, assembly_from_above, pass_left, reject_up, pick_place_down, "
                        + "rotate_ccw, stall. With the default --split 8:0:5 the last five are the held-out test "
                        + "classes: each combines motions the 8 training classes show, and they differ from each "
                        + "other in how the product moves."},
        footer = {"", "Examples:", "  forge clips synth --out data/clips",
                "  forge clips synth --out data/clips-small --classes pass_right,reject_down,stall --per-class 4 "
                        + "--size 96x64 --frames 24 --split train",
                "  forge clips synth --out data/clips-5novel --per-class 12 --frames 24 --split 8:0:5 --seed 11"})
public final class SynthCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "new or empty folder to write into")
    Path out;

    @Option(names = "--classes", split = ",", paramLabel = "CLASS",
            description = "action classes, comma-separated, in split order, or 'all' (default: all 13, in the "
                    + "order listed above)")
    List<String> classes;

    @Option(names = "--per-class", defaultValue = "12", paramLabel = "N",
            description = "clips per class (default: ${DEFAULT-VALUE})")
    int perClass;

    @Option(names = "--size", defaultValue = "128x96", paramLabel = "WxH",
            description = "frame size, 64..512 × 48..512 (default: ${DEFAULT-VALUE})")
    String size;

    @Option(names = "--frames", defaultValue = "32", paramLabel = "N",
            description = "frames per clip, 8..256 (default: ${DEFAULT-VALUE})")
    int frames;

    @Option(names = "--fps", defaultValue = "10", paramLabel = "F",
            description = "frame rate stored in the AVI (default: ${DEFAULT-VALUE})")
    double fps;

    @Option(names = "--seed", defaultValue = "7", description = "random seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--split", defaultValue = "8:0:5", paramLabel = "T:V:E",
            description = "train:val:test weights over classes (classes fill train, then val, then test in the "
                    + "order given), or one split name for all classes: train, val or test (default: ${DEFAULT-VALUE})")
    String split;

    @Override
    public Integer call() throws IOException {
        List<ActionClass> chosen = usage("--classes", classes == null ? "all" : String.join(",", classes),
                () -> ClassSelection.parse(classes));
        SplitRatios ratios = usage("--split", split, () -> SplitRatios.parse(split));
        FrameSize frameSize = usage("--size", size, () -> FrameSize.parse(size));
        SynthesisConfig config = usage("--size/--frames/--fps", frameSize + ", " + frames + ", " + fps,
                () -> new SynthesisConfig(frameSize.width(), frameSize.height(), frames, fps));
        if (perClass < 1) {
            throw new ParameterException(spec.commandLine(), "--per-class must be >= 1, got " + perClass);
        }
        requireNewOrEmpty(out);
        Map<ActionClass, String> splits = ratios.assign(chosen);
        ClipSetSynthesis.Result result;
        try (Progress progress = Progress.start("synth", (long) chosen.size() * perClass, "clip")) {
            result = ClipSetSynthesis.write(out, config, splits, perClass, seed, progress::stepTo);
        }
        print(result, config);
        return 0;
    }

    private void print(ClipSetSynthesis.Result result, SynthesisConfig config) {
        TextTable t = new TextTable("class", "split", "clips", "frames", "KiB", "seconds");
        for (ClipSetSynthesis.ClassReport r : result.classes()) {
            t.row(r.action().label(), r.split(), r.clips(), r.frames(), kib(r.bytes()), fmt("%.1f", r.seconds()));
        }
        t.row("total", "-", result.clips(), result.frames(), kib(result.bytes()), fmt("%.1f", result.seconds()));
        PrintWriter w = spec.commandLine().getOut();
        w.print(t);
        w.println("Wrote " + result.clips() + " clips (train " + result.clipsIn("train") + ", val "
                + result.clipsIn("val") + ", test " + result.clipsIn("test") + ") of " + result.classes().size()
                + " class(es), " + config.width() + "×" + config.height() + ", " + config.frames() + " frames at "
                + fmt("%.1f", config.fps()) + " fps, seed " + seed + ", to " + out + " in "
                + fmt("%.1f", result.seconds()) + " s.");
        w.println("Manifest: " + result.manifest().file());
        w.flush();
    }

    /** Refuses an existing file or a folder with anything in it, naming it. */
    private void requireNewOrEmpty(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        if (!Files.isDirectory(dir)) {
            throw new ParameterException(spec.commandLine(), "--out " + dir + " is a file, not a folder");
        }
        try (Stream<Path> children = Files.list(dir)) {
            List<String> names = children.map(p -> p.getFileName().toString()).sorted().toList();
            if (!names.isEmpty()) {
                throw new ParameterException(spec.commandLine(), "--out " + dir + " is not empty (" + names.size()
                        + " entries, e.g. '" + names.get(0) + "'); choose a new or empty folder, existing clips "
                        + "are never overwritten");
            }
        }
    }

    /** Runs an option parser, turning its validation failure into a usage error naming the option and value. */
    private <T> T usage(String option, String value, java.util.function.Supplier<T> parse) {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), option + " " + value + ": " + e.getMessage(), e);
        }
    }

    private static String kib(long bytes) {
        return fmt("%.1f", bytes / 1024.0);
    }

    private static String fmt(String f, double v) {
        return String.format(Locale.ROOT, f, v);
    }
}
