package org.anomalyforge.trokens.clips;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.anomalyforge.ingest.image.ImageCodec;
import org.anomalyforge.ingest.image.RgbImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClipManifestTest {

    @TempDir
    Path dir;

    private Path manifest(String body) throws Exception {
        return Files.writeString(dir.resolve("clips.csv"), body);
    }

    @Test
    void eachProblemNamesFileLineAndField() throws Exception {
        Path m = manifest("""
                clip_id,path,label,split,fps
                a1,a1.avi,pass,train,
                a1,b.avi,pass,train,
                bad id,c.avi,pass,train,
                d,d.avi,pass,dev,
                e,e.avi,pa ss,test,
                f,f.avi,pass,train,-3
                """);
        ClipManifestException e = assertThrows(ClipManifestException.class, () -> ClipManifest.read(m, true, false));
        List<String> p = e.problems();
        assertEquals(List.of(
                "clips.csv line 3, field 'clip_id': duplicate clip_id 'a1' (first on line 2)",
                "clips.csv line 4, field 'clip_id': must match [A-Za-z0-9._-]+, got 'bad id'",
                "clips.csv line 5, field 'split': unknown split 'dev' (expected train | val | test)",
                "clips.csv line 6, field 'label': must match [A-Za-z0-9_-]+, got 'pa ss'",
                "clips.csv line 7, field 'fps': must be > 0, got -3"), p);
        assertTrue(e.getMessage().startsWith(m.toAbsolutePath() + ": 5 problem(s):"));
    }

    @Test
    void missingPathFrameFolderWithoutFpsAndMp4() throws Exception {
        Files.createDirectories(dir.resolve("frames/x"));
        Path m = manifest("""
                clip_id,path,label,split,fps
                a,missing.avi,pass,train,
                b,frames/x,pass,train,
                c,cam.mp4,pass,train,
                """);
        ClipManifestException e = assertThrows(ClipManifestException.class, () -> ClipManifest.read(m, false, true));
        assertEquals(3, e.problems().size());
        assertTrue(e.problems().get(0).startsWith("clips.csv line 2, field 'path': missing or unreadable file"
                + " 'missing.avi'"), e.problems().get(0));
        assertEquals("clips.csv line 3, field 'fps': is required for frame folder 'frames/x'", e.problems().get(1));
        assertTrue(e.problems().get(2).startsWith("clips.csv line 4, field 'path': 'cam.mp4' is neither an .avi file"
                + " nor a frame folder; only Motion-JPEG .avi files"), e.problems().get(2));
    }

    @Test
    void classOverlapBetweenSplitsIsRejectedUnlessAllowed() throws Exception {
        Path m = manifest("""
                clip_id,path,label,split
                a,a.avi,pass,train
                b,b.avi,pass,test
                c,c.avi,stall,val
                """);
        ClipManifestException e = assertThrows(ClipManifestException.class, () -> ClipManifest.read(m, false, false));
        assertEquals(List.of("clips.csv, field 'label': classes of train, val and test must be disjoint for few-shot"
                + " evaluation; overlapping: pass [test, train] (allowOverlap only for user-data experiments)"),
                e.problems());
        assertEquals(3, ClipManifest.read(m, true, false).entries().size());
    }

    @Test
    void unknownAndMissingColumnsAreReported() throws Exception {
        Path m = manifest("clip_id,path,lable,split\na,a.avi,pass,train\n");
        ClipManifestException e = assertThrows(ClipManifestException.class, () -> ClipManifest.read(m, false, false));
        assertEquals(2, e.problems().size());
        assertTrue(e.problems().get(0).startsWith("clips.csv line 1, field 'lable': unknown column"));
        assertEquals("clips.csv line 1, field 'label': required column is missing", e.problems().get(1));
    }

    @Test
    void writeThenReadRoundTripsQuotedFieldsAndOptionalColumns() throws Exception {
        Path clip = dir.resolve("a b.avi");
        new AviClipWriter(90).write(clip, List.of(RgbImage.blank(32, 24), RgbImage.blank(32, 24)), 10);
        ClipEntry entry = new ClipEntry(0, "a-1", "a b.avi", "pass_right", "train", OptionalDouble.of(10),
                OptionalDouble.of(0.5), OptionalDouble.empty(), "synthetic", "cam,1", "g1", OptionalInt.of(2),
                OptionalLong.of(-7));
        Path m = dir.resolve("out/../manifest.csv");
        ClipManifest.write(m, List.of(entry));
        ClipManifest read = ClipManifest.read(m, false, true);
        ClipEntry back = read.entries().get(0);
        assertEquals(2, back.line());
        assertEquals("cam,1", back.cameraId());
        assertEquals(OptionalDouble.of(0.5), back.startSeconds());
        assertEquals(OptionalLong.of(-7), back.seed());
        assertEquals(clip.toAbsolutePath().normalize(), read.resolve(back));
        assertEquals(dir.resolve("manifest.csv").toAbsolutePath(), read.file());
        assertTrue(Files.readString(read.file()).contains("\"cam,1\""));
    }

    @Test
    void loadRejectsClipsShorterThanEightTrackingFramesNamingTheLine() throws Exception {
        List<RgbImage> frames = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            frames.add(RgbImage.blank(32, 24));
        }
        new AviClipWriter(90).write(dir.resolve("short.avi"), frames, 10);
        Path m = manifest("clip_id,path,label,split\nshort,short.avi,pass,train\n");
        ClipManifest manifest = ClipManifest.read(m, false, true);
        ClipManifestException e = assertThrows(ClipManifestException.class, () -> manifest.load(
                manifest.entries().get(0), new ClipReader(ImageCodec.withDefaults()), FrameSampler.DEFAULT));
        assertEquals(List.of("clips.csv line 2, field 'path': clip 'short' has 6 tracking frames after resampling,"
                + " needs at least 8"), e.problems());
        assertEquals(List.of("clips.csv: class 'pass' in split 'train' has 1 clips, fewer than K + Q = 2; it is"
                + " excluded from episodes"), manifest.warnings(2));
    }
}
