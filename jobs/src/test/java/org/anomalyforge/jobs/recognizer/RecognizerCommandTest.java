package org.anomalyforge.jobs.recognizer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.anomalyforge.ingest.store.ModelStore;
import org.anomalyforge.ingest.store.VerifiedRun;
import org.anomalyforge.jobs.cli.ForgeExceptionHandler;
import org.anomalyforge.jobs.clips.ClipSetSynthesis;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class RecognizerCommandTest {

    @TempDir
    static Path tmp;
    static Path clips;
    static Path support;

    private record Run(int exitCode, String out, String err) {}

    /** {@code forge recognizer ...} as Forge configures its command line. */
    private static Run recognizer(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new RecognizerCommand())
                .setExecutionExceptionHandler(new ForgeExceptionHandler())
                .setCaseInsensitiveEnumValuesAllowed(true);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return new Run(cli.execute(args), out.toString(), err.toString());
    }

    @BeforeAll
    static void clips() throws Exception {
        clips = tmp.resolve("clips");
        ClipSetSynthesis.Result set = RecognizerClips.write(clips, "train", 3);
        support = tmp.resolve("support");
        RecognizerClips.supportFolder(set, support);
    }

    @Test
    void trainsEvaluatesAndClassifiesATinyClipSet() throws Exception {
        Path store = tmp.resolve("store");
        Run train = recognizer("train", "--clips", clips.toString(), "--store", store.toString(), "--way", "3",
                "--shot", "1", "--queries", "2", "--epochs", "1", "--episodes", "3", "--points", "16", "--dim", "16",
                "--master", "local[2]");
        assertEquals(0, train.exitCode(), train.err());
        assertTrue(train.out().contains("Precomputed 12 train + 0 val clips with semantic@16: "), train.out());
        assertTrue(train.out().contains("Trained 3-way 1-shot, 2 queries, 1 epochs × 3 episodes on 4 classes "
                + "[pass_left, pass_right, reject_down, stall]."), train.out());
        assertTrue(train.out().contains("Kept weights: last, epoch 1."), train.out());
        Matcher run = Pattern.compile("Run: (.+)").matcher(train.out());
        assertTrue(run.find(), train.out());
        Path runDir = Path.of(run.group(1).strip());
        VerifiedRun verified = ModelStore.open(runDir);
        assertEquals("trokens", verified.manifest().kind());
        assertEquals("actions", verified.manifest().product());
        assertEquals(3.0, verified.manifest().metrics().get("steps"));
        assertEquals(RecognizerTrainCommand.fingerprint(
                org.anomalyforge.trokens.clips.ClipManifest.read(clips.resolve("manifest.csv"), false, true)
                        .split("train"), List.of(), new TrackingChoice(
                        org.anomalyforge.trokens.sampling.SamplingMode.BIPARTITE, 16)),
                verified.manifest().dataFingerprint());

        Path metrics = tmp.resolve("eval/metrics.json");
        Run eval = recognizer("evaluate", "--clips", clips.toString(), "--model", runDir.toString(), "--way", "3",
                "--shot", "2", "--episodes", "4", "--split", "train", "--metrics", metrics.toString(),
                "--master", "local[2]");
        assertEquals(0, eval.exitCode(), eval.err());
        JsonObject report = JsonParser.parseString(Files.readString(metrics)).getAsJsonObject();
        assertEquals(3, report.get("way").getAsInt());
        assertEquals(2, report.get("shot").getAsInt());
        assertEquals(4, report.get("episodes").getAsInt());
        double mean = report.get("meanAccuracy").getAsDouble();
        assertTrue(mean >= 0 && mean <= 100, "mean accuracy % " + mean);
        assertTrue(eval.out().contains("3-way 2-shot on split 'train' (12 clips, 4 classes, 4 episodes, seed 1): "),
                eval.out());
        assertTrue(eval.out().lines().anyMatch(l -> l.strip().matches("stall\\s+[0-9.]+")), eval.out());
        assertTrue(eval.out().contains("Chance is 33.33 %."), eval.out());
        assertTrue(eval.out().lines().anyMatch(l -> l.matches("Tracking semantic@16: [0-9.]+ ms/clip \\(tracking "
                + "\\+ tokens\\); model: [0-9.]+ ms/clip \\(embedding, no gradients, batches of 16\\)\\. Report: .*")),
                eval.out());

        Path query = clips.resolve("train/stall/stall-002.avi");
        Run classify = recognizer("classify", "--model", runDir.toString(), "--support", support.toString(),
                "--clip", query.toString());
        assertEquals(0, classify.exitCode(), classify.err());
        Matcher label = Pattern.compile("Label: (\\S+) \\(confidence ([0-9.]+)\\)").matcher(classify.out());
        assertTrue(label.find(), classify.out());
        assertTrue(RecognizerClips.LABELS.contains(label.group(1)), label.group(1));
        double confidence = Double.parseDouble(label.group(2));
        assertTrue(confidence > 0 && confidence <= 1, "confidence " + confidence);
        for (String l : RecognizerClips.LABELS) {
            assertTrue(classify.out().lines().anyMatch(line -> line.strip().matches(l + "\\s+1\\s+-?[0-9.]+")),
                    l + " in " + classify.out());
        }
    }

    @Test
    void hodOnlyModelStoresItsTokenChoiceAndEvaluatesWithoutOptions() throws Exception {
        Path store = tmp.resolve("store-hod");
        Run train = recognizer("train", "--clips", clips.toString(), "--store", store.toString(), "--way", "3",
                "--shot", "1", "--queries", "1", "--epochs", "1", "--episodes", "2", "--points", "16", "--dim", "16",
                "--tokens", "hod", "--master", "local[2]");
        assertEquals(0, train.exitCode(), train.err());
        // cls 16 + HoD MLP (32·64 + 64 + 64·16 + 16 + 32) + block (17·16² + 20·16) + final LN 32 + head (16² + 16 +
        // 16·4 + 4) = 16 + 3,184 + 4,672 + 32 + 340
        assertTrue(train.out().contains("Tokens: hod; 8,244 parameters."), train.out());
        Matcher run = Pattern.compile("Run: (.+)").matcher(train.out());
        assertTrue(run.find(), train.out());
        Path runDir = Path.of(run.group(1).strip());
        JsonObject model = JsonParser.parseString(Files.readString(runDir.resolve("config.json"))).getAsJsonObject()
                .getAsJsonObject("model");
        assertFalse(model.get("appearance").getAsBoolean());
        assertTrue(model.get("hod").getAsBoolean());
        assertFalse(model.get("relational").getAsBoolean());

        Run eval = recognizer("evaluate", "--clips", clips.toString(), "--model", runDir.toString(), "--way", "3",
                "--shot", "1", "--episodes", "3", "--split", "train", "--metrics",
                tmp.resolve("eval-hod/metrics.json").toString(), "--master", "local[2]");
        assertEquals(0, eval.exitCode(), eval.err());
        assertTrue(eval.out().contains("3-way 1-shot on split 'train' (12 clips, 4 classes, 3 episodes, seed 1): "),
                eval.out());

        Run badTokens = recognizer("train", "--clips", clips.toString(), "--store", store.toString(), "--tokens",
                "hod,motion");
        assertEquals(2, badTokens.exitCode(), badTokens.err());
        assertTrue(badTokens.err().contains("--tokens must list streams from [appearance, hod, relational], got "
                + "'motion'"), badTokens.err());
    }

    @Test
    void badInputsFailWithExitCodesAndMessagesNamingTheValue() throws Exception {
        Path missing = tmp.resolve("no-such-folder");
        Run noClips = recognizer("train", "--clips", missing.toString(), "--store", tmp.resolve("s").toString());
        assertEquals(1, noClips.exitCode(), noClips.err());
        assertTrue(noClips.err().contains("--clips " + missing + " is not a folder"), noClips.err());

        Run bigShot = recognizer("train", "--clips", clips.toString(), "--store", tmp.resolve("s").toString(),
                "--way", "3", "--shot", "5", "--queries", "1");
        assertEquals(1, bigShot.exitCode(), bigShot.err());
        assertTrue(bigShot.err().contains("3-way 5-shot episodes need 3 classes with at least K + Q = 6 clips in "
                + "split 'train', but 0 of 4 qualify (clips per class: {pass_left=3, pass_right=3, reject_down=3, "
                + "stall=3})"), bigShot.err());
        assertFalse(Files.exists(tmp.resolve("s")), "nothing is written when the input is refused");

        Path notARun = Files.createDirectories(tmp.resolve("not-a-run"));
        Run evalShot = recognizer("evaluate", "--clips", clips.toString(), "--model", notARun.toString(),
                "--way", "2", "--shot", "3", "--split", "train");
        assertEquals(1, evalShot.exitCode(), evalShot.err());
        assertTrue(evalShot.err().contains("2-way 3-shot episodes need 2 classes with at least K + Q = 4 clips in "
                + "split 'train'"), evalShot.err());

        Run emptySplit = recognizer("evaluate", "--clips", clips.toString(), "--model", notARun.toString());
        assertEquals(1, emptySplit.exitCode(), emptySplit.err());
        assertTrue(emptySplit.err().contains("5-way 1-shot episodes need 5 classes with at least K + Q = 2 clips in "
                + "split 'test', but 0 of 0 qualify (clips per class: {})"), emptySplit.err());

        Run badSampler = recognizer("train", "--clips", clips.toString(), "--store", tmp.resolve("s").toString(),
                "--sampler", "random");
        assertEquals(2, badSampler.exitCode(), badSampler.err());
        assertTrue(badSampler.err().contains("--sampler must be one of semantic, kmeans, grid, got 'random'"),
                badSampler.err());

        Run noClip = recognizer("classify", "--model", notARun.toString(), "--support", support.toString(),
                "--clip", missing.resolve("x.avi").toString());
        assertEquals(1, noClip.exitCode(), noClip.err());
        assertTrue(noClip.err().contains("--clip " + missing.resolve("x.avi") + " does not exist"), noClip.err());

        Run noSupport = recognizer("classify", "--model", notARun.toString(), "--support", missing.toString(),
                "--clip", clips.resolve("train/stall/stall-000.avi").toString());
        assertEquals(1, noSupport.exitCode(), noSupport.err());
        assertTrue(noSupport.err().contains("--support " + missing + " is not a folder"), noSupport.err());
    }
}
