package org.anomalyforge.ingest.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelStoreTest {
    @TempDir
    Path tmp;

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-29T04:05:06Z"), ZoneOffset.UTC);

    private RunRef commitOne(ModelStore store) throws IOException {
        RunWriter w = store.create("tile", "lfd");
        w.writeAtomically("config.json", "{\"size\":256}".getBytes(StandardCharsets.UTF_8));
        w.writeAtomically("weights.safetensors", new byte[] {1, 2, 3});
        assertEquals(List.of(), store.runs("tile", "lfd"), "nothing is visible before commit");
        return w.commit("0.1.0", "f".repeat(64), Map.of("val_pixel_ap", 0.5));
    }

    @Test
    void commitWritesAManifestWithTheHashOfEveryFileAndOpenVerifiesIt() throws IOException {
        ModelStore store = new ModelStore(tmp, clock);
        RunRef ref = commitOne(store);
        assertTrue(ref.runId().startsWith("20261129-040506-"), ref.runId());
        assertEquals(tmp.resolve("tile/lfd").resolve(ref.runId()), ref.dir());
        VerifiedRun run = ModelStore.open(ref.dir());
        Manifest m = run.manifest();
        assertEquals("tile", m.product());
        assertEquals(Instant.parse("2026-11-29T04:05:06Z"), m.createdAt());
        // SHA-256 of the three bytes 01 02 03.
        assertEquals("039058c6f2c0cb492c533b0a4d14ef77cc0f78abccced5287d84a1a2011cfb81", m.files().get("weights.safetensors"));
        assertEquals(Map.of("val_pixel_ap", 0.5), m.metrics());
        assertEquals(List.of(ref), store.runs("tile", "lfd"));
        assertEquals(ref, store.latest("tile", "lfd").orElseThrow());
    }

    @Test
    void openRefusesChangedMissingAndExtraFilesNamingThem() throws IOException {
        RunRef ref = commitOne(new ModelStore(tmp, clock));
        Files.write(ref.file("weights.safetensors"), new byte[] {1, 2, 4});
        ModelStoreException changed = assertThrows(ModelStoreException.class, () -> ModelStore.open(ref.dir()));
        assertTrue(changed.getMessage().startsWith(ref.file("weights.safetensors") + ": SHA-256 mismatch: manifest has 0390"),
                changed.getMessage());

        Files.delete(ref.file("weights.safetensors"));
        ModelStoreException missing = assertThrows(ModelStoreException.class, () -> ModelStore.open(ref.dir()));
        assertEquals(ref.file("weights.safetensors") + ": listed in the manifest but missing", missing.getMessage());

        Files.write(ref.file("weights.safetensors"), new byte[] {1, 2, 3});
        Files.write(ref.file("stray.bin"), new byte[] {9});
        ModelStoreException extra = assertThrows(ModelStoreException.class, () -> ModelStore.open(ref.dir()));
        assertEquals(ref.dir() + ": files not in the manifest: [stray.bin]", extra.getMessage());
    }

    @Test
    void anUnfinishedRunIsInvisibleAndCanBeResumed() throws IOException {
        ModelStore store = new ModelStore(tmp, clock);
        RunWriter w = store.create("metal", "lfd");
        w.writeAtomically("checkpoints/epoch-1.safetensors", new byte[] {7});
        assertEquals(List.of(), store.runs("metal", "lfd"));
        assertEquals(List.of(w.runId()), store.unfinished("metal", "lfd"));
        RunWriter resumed = store.resume("metal", "lfd", w.runId());
        resumed.delete("checkpoints/epoch-1.safetensors");
        resumed.writeAtomically("weights.safetensors", new byte[] {8});
        RunRef ref = resumed.commit("0.1.0", "a".repeat(64), Map.of());
        assertEquals(List.of(), store.unfinished("metal", "lfd"));
        assertEquals(List.of("weights.safetensors"), List.copyOf(ModelStore.open(ref.dir()).manifest().files().keySet()));
    }

    @Test
    void refusesBadNamesPathsOutsideTheRunAndMissingManifests() throws IOException {
        ModelStore store = new ModelStore(tmp, clock);
        IllegalArgumentException name = assertThrows(IllegalArgumentException.class, () -> store.create("Tile A", "lfd"));
        assertTrue(name.getMessage().endsWith("got 'Tile A'"), name.getMessage());
        RunWriter w = store.create("tile", "lfd");
        IllegalArgumentException escape = assertThrows(IllegalArgumentException.class,
                () -> w.writeAtomically("../../evil", new byte[1]));
        assertEquals("run file must stay inside the run folder, got '../../evil'", escape.getMessage());
        ModelStoreException empty = assertThrows(ModelStoreException.class, () -> w.commit("v", "x", Map.of()));
        assertTrue(empty.getMessage().endsWith("refusing to commit a run without files"), empty.getMessage());
        ModelStoreException notARun = assertThrows(ModelStoreException.class, () -> ModelStore.open(tmp));
        assertEquals(tmp + ": not a model-store run: manifest.json is missing", notARun.getMessage());
        assertFalse(Files.exists(tmp.resolve("tile/lfd/manifest.json")));
    }

    @Test
    void dataFingerprintIgnoresOrderAndLocationButNotContent() throws IOException {
        Path a = Files.createDirectories(tmp.resolve("a"));
        Files.write(a.resolve("1.png"), new byte[] {1});
        Files.write(a.resolve("2.png"), new byte[] {2});
        Path b = Files.createDirectories(tmp.resolve("b"));
        Files.write(b.resolve("1.png"), new byte[] {1});
        Files.write(b.resolve("2.png"), new byte[] {2});
        String fa = DataFingerprint.of(a, List.of(a.resolve("2.png"), a.resolve("1.png")));
        assertEquals(fa, DataFingerprint.of(b, List.of(b.resolve("1.png"), b.resolve("2.png"))));
        Files.write(b.resolve("2.png"), new byte[] {3});
        assertFalse(fa.equals(DataFingerprint.of(b, List.of(b.resolve("1.png"), b.resolve("2.png")))));
    }
}
