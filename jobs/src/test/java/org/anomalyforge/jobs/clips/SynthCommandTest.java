package org.anomalyforge.jobs.clips;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.anomalyforge.ingest.image.ImageCodec;
import org.anomalyforge.jobs.cli.ForgeExceptionHandler;
import org.anomalyforge.trokens.clips.ClipEntry;
import org.anomalyforge.trokens.clips.ClipFrames;
import org.anomalyforge.trokens.clips.ClipManifest;
import org.anomalyforge.trokens.clips.ClipReader;
import org.anomalyforge.trokens.synthetic.ActionClass;
import org.anomalyforge.trokens.synthetic.SyntheticDatasetWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SynthCommandTest {

    @TempDir
    Path tmp;

    private record Run(int exitCode, String out, String err) {}

    /** {@code forge clips ...} as Forge configures its command line. */
    private static Run clips(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new ClipsCommand())
                .setExecutionExceptionHandler(new ForgeExceptionHandler())
                .setCaseInsensitiveEnumValuesAllowed(true);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return new Run(cli.execute(args), out.toString(), err.toString());
    }

    @Test
    void writesTwoClassesTimesTwoClipsThatOpenWithTheRightFramesAndSize() throws Exception {
        Path out = tmp.resolve("clips");
        Run r = clips("synth", "--out", out.toString(), "--classes", "pass_right,stall", "--per-class", "2",
                "--size", "96x64", "--frames", "8", "--fps", "10", "--seed", "3", "--split", "1:0:1");
        assertEquals(0, r.exitCode(), r.err());

        ClipManifest manifest = ClipManifest.read(out.resolve(SyntheticDatasetWriter.MANIFEST), false, true);
        List<ClipEntry> rows = manifest.entries();
        assertEquals(List.of("pass_right-000", "pass_right-001", "stall-000", "stall-001"),
                rows.stream().map(ClipEntry::clipId).toList());
        assertEquals(List.of("train/pass_right/pass_right-000.avi", "train/pass_right/pass_right-001.avi",
                "test/stall/stall-000.avi", "test/stall/stall-001.avi"), rows.stream().map(ClipEntry::path).toList());
        assertEquals(List.of("train", "train", "test", "test"), rows.stream().map(ClipEntry::split).toList());
        assertEquals(List.of("pass_right", "pass_right", "stall", "stall"), rows.stream().map(ClipEntry::label).toList());
        for (ClipEntry e : rows) {
            assertEquals("synthetic", e.source());
            assertEquals(8, e.frames().getAsInt());
            assertEquals(SyntheticDatasetWriter.clipSeed(3, ActionClass.fromLabel(e.label()),
                    Integer.parseInt(e.clipId().substring(e.clipId().length() - 3))), e.seed().getAsLong());
        }

        ClipReader reader = new ClipReader(ImageCodec.withDefaults());
        for (ClipEntry e : rows) {
            ClipFrames clip = reader.read(manifest.resolve(e), e.clipId(), 0);
            assertEquals(8, clip.size(), e.clipId());
            assertEquals(96, clip.width(), e.clipId());
            assertEquals(64, clip.height(), e.clipId());
            assertEquals(10.0, clip.fps(), 1e-6, e.clipId());
        }

        List<String> lines = r.out().lines().map(String::strip).toList();
        assertTrue(lines.get(0).matches("class\\s+split\\s+clips\\s+frames\\s+KiB\\s+seconds"), r.out());
        assertTrue(lines.stream().anyMatch(l -> l.matches("pass_right\\s+train\\s+2\\s+16\\s+[0-9.]+\\s+[0-9.]+")),
                r.out());
        assertTrue(lines.stream().anyMatch(l -> l.matches("stall\\s+test\\s+2\\s+16\\s+[0-9.]+\\s+[0-9.]+")),
                r.out());
        assertTrue(lines.stream().anyMatch(l -> l.matches("total\\s+-\\s+4\\s+32\\s+[0-9.]+\\s+[0-9.]+")), r.out());
        assertTrue(r.out().contains("Wrote 4 clips (train 2, val 0, test 2) of 2 class(es), 96×64, 8 frames at "
                + "10.0 fps, seed 3, to " + out), r.out());
    }

    @Test
    void refusesANonEmptyFolderAndNamesIt() throws Exception {
        Path out = Files.createDirectories(tmp.resolve("busy"));
        Files.writeString(out.resolve("keep.txt"), "mine");
        Run r = clips("synth", "--out", out.toString(), "--classes", "stall", "--per-class", "1", "--size", "64x48",
                "--frames", "8");
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().contains("--out " + out + " is not empty (1 entries, e.g. 'keep.txt')"), r.err());
        assertEquals(List.of(out.resolve("keep.txt")), Files.list(out).toList());
    }

    @Test
    void badOptionValuesAreUsageErrorsNamingTheOptionAndValue() {
        Path out = tmp.resolve("never");
        Run badClass = clips("synth", "--out", out.toString(), "--classes", "pass_right,conveyor_dance");
        assertEquals(2, badClass.exitCode(), badClass.err());
        assertTrue(badClass.err().contains("--classes pass_right,conveyor_dance: unknown action class "
                + "'conveyor_dance', expected one of [pass_right, pass_left, reject_down, reject_up, pick_place_down, "
                + "pick_place_up, rotate_cw, rotate_ccw, stall, jam_right, jam_left, assembly_from_below, "
                + "assembly_from_above]"), badClass.err());

        Run twice = clips("synth", "--out", out.toString(), "--classes", "stall,stall");
        assertEquals(2, twice.exitCode());
        assertTrue(twice.err().contains("--classes stall,stall: class 'stall' is listed twice"), twice.err());

        Run badSplit = clips("synth", "--out", out.toString(), "--split", "8:5");
        assertEquals(2, badSplit.exitCode());
        assertTrue(badSplit.err().contains("--split 8:5: split must be train:val:test weights like 8:0:5 or one of "
                + "[train, val, test], got '8:5'"), badSplit.err());

        Run badSize = clips("synth", "--out", out.toString(), "--size", "32x32");
        assertEquals(2, badSize.exitCode());
        assertTrue(badSize.err().contains("--size/--frames/--fps 32×32, 32, 10.0: synthetic frame size must be "
                + "64..512 × 48..512, got 32×32"), badSize.err());

        Run badForm = clips("synth", "--out", out.toString(), "--size", "96by64");
        assertEquals(2, badForm.exitCode());
        assertTrue(badForm.err().contains("--size 96by64: size must be WxH like 128x96, got '96by64'"), badForm.err());

        Run badCount = clips("synth", "--out", out.toString(), "--per-class", "0");
        assertEquals(2, badCount.exitCode());
        assertTrue(badCount.err().contains("--per-class must be >= 1, got 0"), badCount.err());
        assertFalse(Files.exists(out), "nothing is written on a usage error");
    }
}
