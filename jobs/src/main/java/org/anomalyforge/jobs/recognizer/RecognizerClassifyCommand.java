package org.anomalyforge.jobs.recognizer;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.anomalyforge.jobs.cli.TextTable;
import org.anomalyforge.jobs.cli.WorkFailedException;
import org.anomalyforge.trokens.clips.ClipEntry;
import org.anomalyforge.trokens.clips.ClipManifest;
import org.anomalyforge.trokens.model.PrecomputedClip;
import org.anomalyforge.trokens.recognizer.Classification;
import org.anomalyforge.trokens.recognizer.Recognizer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code forge recognizer classify}: registers the support clips of each class with a trained recogniser and
 * classifies one clip: label, confidence (softmax over the matching scores) and the score of every class.
 * Runs in-process: a support set is a handful of clips.
 */
@Command(name = "classify", mixinStandardHelpOptions = true,
        description = {"Classify one clip against a few labelled support clips per class with a trained recogniser. "
                + "The support folder is laid out as <label>/<clip>.avi (or frame folders), or holds a manifest.csv "
                + "whose rows are all support clips. The matcher is closed-set: register an idle/background class "
                + "to catch clips of no listed action."},
        footer = {"", "Examples:",
                "  forge recognizer classify --model models/actions/trokens/<run> --support support --clip cam1.avi"})
public final class RecognizerClassifyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "RUN", description = "model-store run folder")
    Path model;

    @Option(names = "--support", required = true, paramLabel = "DIR",
            description = "support clips: <label>/<clip>.avi or manifest.csv")
    Path support;

    @Option(names = "--clip", required = true, paramLabel = "FILE", description = "clip to classify (.avi or frame folder)")
    Path clip;

    @Option(names = "--sampler", defaultValue = "semantic",
            description = "query-point sampler: " + TrackingChoice.NAMES + " (default: ${DEFAULT-VALUE})")
    String sampler;

    @Option(names = "--fps", defaultValue = "10", description = "frame rate of a frame-folder clip (default: ${DEFAULT-VALUE})")
    double fps;

    @Override
    public Integer call() throws Exception {
        TrackingChoice samplerOnly;
        try {
            samplerOnly = new TrackingChoice(TrackingChoice.parseSampler(sampler), 1);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        if (!(fps > 0)) {
            throw new ParameterException(spec.commandLine(), "--fps must be > 0, got " + fps);
        }
        if (!Files.exists(clip)) {
            throw new WorkFailedException("--clip " + clip + " does not exist");
        }
        if (!Files.isDirectory(model)) {
            throw new WorkFailedException("--model " + model + " is not a folder");
        }
        ClipSource source = ClipSource.support(support);
        ClipManifest manifest = source.open();
        RecognizerRuntime.singleTorchThread();
        try (Recognizer recognizer = Recognizer.load(model)) {
            ClipPrecomputer precomputer = new ClipPrecomputer(new TrackingChoice(samplerOnly.mode(),
                    recognizer.config().points()));
            precomputer.requireEncoderOf(recognizer.encoderId(), model);
            Map<String, List<PrecomputedClip>> byLabel = new LinkedHashMap<>();
            for (ClipEntry e : manifest.entries()) {
                byLabel.computeIfAbsent(e.label(), k -> new ArrayList<>())
                        .add(precomputer.precompute(manifest, e).clip());
            }
            byLabel.forEach(recognizer::registerSupport);
            ClipPrecomputer.Timed query = precomputer.precompute(clip, fps);
            Classification c = recognizer.classify(query.clip());
            print(spec.commandLine().getOut(), c, byLabel, query.trackMillis());
        }
        return 0;
    }

    private void print(PrintWriter w, Classification c, Map<String, List<PrecomputedClip>> support, double millis) {
        TextTable t = new TextTable("class", "support clips", "score");
        c.scores().forEach((label, score) -> t.row(label, support.get(label).size(), fmt("%.4f", score)));
        w.print(t);
        w.println("Label: " + c.label() + " (confidence " + fmt("%.3f", c.confidence()) + ") for " + clip
                + "; tracking " + fmt("%.1f", millis) + " ms.");
        w.flush();
    }

    private static String fmt(String f, double v) {
        return String.format(Locale.ROOT, f, v);
    }
}
