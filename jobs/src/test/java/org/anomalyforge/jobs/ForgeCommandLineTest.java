package org.anomalyforge.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ForgeCommandLineTest {
    @TempDir
    Path tmp;

    @Test
    void helpListsTheCommandsAndExamples() {
        ForgeRun r = ForgeRun.of("--help");
        assertEquals(0, r.exitCode());
        assertTrue(r.out().contains("Usage: forge"), r.out());
        assertTrue(r.out().contains("demo") && r.out().contains("dataset"), r.out());
        assertTrue(r.out().contains("Examples:"), r.out());
    }

    @Test
    void versionNamesTheProjectVersion() {
        ForgeRun r = ForgeRun.of("--version");
        assertEquals(0, r.exitCode());
        assertTrue(r.out().startsWith("AnomalyForge 0.1.0"), r.out());
    }

    @Test
    void usageErrorsExitWith2AndSayWhatIsWrong() {
        ForgeRun unknown = ForgeRun.of("datset");
        assertEquals(2, unknown.exitCode());
        assertTrue(unknown.err().contains("Unmatched argument at index 0: 'datset'"), unknown.err());
        assertTrue(unknown.err().contains("Did you mean: forge dataset"), unknown.err());

        ForgeRun none = ForgeRun.of();
        assertEquals(2, none.exitCode());
        assertTrue(none.err().contains("Missing command: choose one of demo, dataset, generator, segmenter, experiment, bench, broker, cameras, inspect, clips, recognizer, help"), none.err());

        ForgeRun badSize = ForgeRun.of("dataset", "sample", "--out", tmp.toString(), "--size", "100");
        assertEquals(2, badSize.exitCode());
        assertTrue(badSize.err().contains("size must be in 128..512, got 100"), badSize.err());

        ForgeRun badProduct = ForgeRun.of("dataset", "sample", "--out", tmp.toString(), "--products", "wood");
        assertEquals(2, badProduct.exitCode());
        assertTrue(badProduct.err().contains("product must be one of fabric, metal, tile, got 'wood'"), badProduct.err());

        ForgeRun missingOut = ForgeRun.of("dataset", "sample");
        assertEquals(2, missingOut.exitCode());
        assertTrue(missingOut.err().contains("Missing required option: '--out=DIR'"), missingOut.err());
    }

    @Test
    void sampleThenCheckPrintsTheSplitTable() throws IOException {
        Path data = tmp.resolve("data");
        ForgeRun sample = ForgeRun.of("dataset", "sample", "--out", data.toString(), "--products", "tile",
                "--size", "128", "--train-good", "2", "--test-good", "1", "--per-defect", "4", "--seed", "3");
        assertEquals(0, sample.exitCode(), sample.err());
        assertTrue(sample.out().contains("Wrote 15 images of 1 product(s)"), sample.out());

        ForgeRun check = ForgeRun.of("dataset", "check", data.toString());
        assertEquals(0, check.exitCode(), check.err());
        List<String> lines = check.out().lines().map(String::strip).toList();
        // 4 images per defect type: ⌊4/3⌋ = 1 shot, 3 held out.
        assertTrue(lines.contains("tile     chip             4      4      1         3  128×128"), check.out());
        assertTrue(lines.contains("tile     train/good       2      -      2         0  128×128"), check.out());
        assertTrue(lines.contains("tile     test/good        1      -      0         1  128×128"), check.out());
        assertTrue(check.out().contains("OK: 1 product(s), 3 defect type(s), 15 images; 0 error(s), 0 warning(s)"),
                check.out());

        ForgeRun capped = ForgeRun.of("dataset", "check", data.resolve("tile").toString(), "--max-shots", "1");
        assertEquals(0, capped.exitCode(), capped.err());
        assertTrue(capped.out().contains("unused"), capped.out());
    }

    @Test
    void checkExitsWith1AndNamesTheBrokenFile() throws IOException {
        Path data = tmp.resolve("data");
        assertEquals(0, ForgeRun.of("dataset", "sample", "--out", data.toString(), "--products", "metal",
                "--size", "128", "--train-good", "1", "--test-good", "0", "--per-defect", "1").exitCode());
        Path mask;
        try (Stream<Path> s = Files.list(data.resolve("metal/ground_truth/rust"))) {
            mask = s.findFirst().orElseThrow();
        }
        Files.delete(mask);
        ForgeRun check = ForgeRun.of("dataset", "check", data.toString());
        assertEquals(1, check.exitCode());
        assertTrue(check.out().contains("1 errors:"), check.out());
        assertTrue(check.out().contains(data.resolve("metal/test/rust/000.png") + ": image without mask"), check.out());
        assertTrue(check.out().contains("FAILED: 1 product(s)"), check.out());
    }

    @Test
    void importSd14OfAMissingFolderIsAFailedRunNamingIt() {
        ForgeRun r = ForgeRun.of("generator", "import-sd14", "--from", tmp.resolve("sd").toString(), "--store",
                tmp.resolve("store").toString());
        assertEquals(1, r.exitCode());
        assertTrue(r.err().contains(tmp.resolve("sd") + ": no such folder (expected a diffusers pipeline folder)"),
                r.err());
    }

    @Test
    void checkOfAMissingFolderIsAFailedRunNamingIt() {
        ForgeRun r = ForgeRun.of("dataset", "check", tmp.resolve("nope").toString());
        assertEquals(1, r.exitCode());
        assertTrue(r.err().contains(tmp.resolve("nope") + ": no such folder"), r.err());
    }
}
