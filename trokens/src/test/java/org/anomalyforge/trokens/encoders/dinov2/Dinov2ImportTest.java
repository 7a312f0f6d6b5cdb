package org.anomalyforge.trokens.encoders.dinov2;

import org.anomalyforge.ingest.image.RgbImage;
import org.anomalyforge.ingest.safetensors.SafetensorsFormatException;
import org.anomalyforge.ingest.safetensors.SafetensorsWriter;
import org.anomalyforge.ingest.store.ModelStore;
import org.anomalyforge.ingest.store.RunRef;
import org.anomalyforge.trokens.encoders.PatchGrid;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Spec §16.1 #20: DINOv2 import round trip and strict verification on a tiny ViT. */
class Dinov2ImportTest {

    private static final Dinov2Importer IMPORTER = new Dinov2Importer(List.of(TinyCheckpoints.TINY));

    @TempDir
    Path dir;

    @Test
    void originalAndHuggingFaceNamesImportToIdenticalOutputs() throws IOException {
        Map<String, float[]> values = TinyCheckpoints.randomOriginal(1);
        Path original = dir.resolve("original.safetensors");
        Path hf = dir.resolve("hf.safetensors");
        Path hfHalf = dir.resolve("hf-bf16.safetensors");
        TinyCheckpoints.writeOriginal(values, original);
        TinyCheckpoints.writeHuggingFace(values, hf, false);
        TinyCheckpoints.writeHuggingFace(values, hfHalf, true);
        ImportedDinov2 a = IMPORTER.read(original);
        ImportedDinov2 b = IMPORTER.read(hf);
        ImportedDinov2 c = IMPORTER.read(hfHalf);
        assertEquals(Dinov2Naming.ORIGINAL, a.sourceNaming());
        assertEquals(Dinov2Naming.HUGGING_FACE, b.sourceNaming());
        assertEquals(16, a.config().positionGrid());
        assertEquals(TinyCheckpoints.TINY.parameterCount(true), a.sourceParameters());
        assertEquals(a.weights().keySet(), b.weights().keySet());
        a.weights().forEach((k, v) -> assertArrayEquals(v, b.weights().get(k), 0f, k));
        a.weights().forEach((k, v) -> assertArrayEquals(v, c.weights().get(k), 0f, k));
        List<RgbImage> frames = List.of(frame(3, 64, 48), frame(4, 30, 30));
        try (Dinov2Encoder ea = Dinov2Encoder.create("a", a, VitNormalization.CLIP);
             Dinov2Encoder eb = Dinov2Encoder.create("b", b, VitNormalization.CLIP)) {
            PatchGrid ga = ea.encode(frames);
            PatchGrid gb = eb.encode(frames);
            assertEquals(2, ga.frames());
            assertEquals(16, ga.gridSize());
            assertEquals(32, ga.featureDim());
            assertArrayEquals(ga.data(), gb.data(), 0f);
            for (float v : ga.data()) {
                assertTrue(Float.isFinite(v));
            }
        }
    }

    @Test
    void storeRoundTripGivesIdenticalFeaturesAndVerifiesTheManifest() throws IOException {
        Path original = dir.resolve("original.safetensors");
        TinyCheckpoints.writeOriginal(TinyCheckpoints.randomOriginal(2), original);
        ImportedDinov2 imported = IMPORTER.read(original);
        RunRef run = Dinov2Store.save(imported, new ModelStore(dir.resolve("store")), "demo", "test");
        List<RgbImage> frames = List.of(frame(5, 40, 40));
        try (Dinov2Encoder direct = Dinov2Encoder.create("x", imported, VitNormalization.CLIP);
             Dinov2Encoder loaded = Dinov2Store.load(run.dir(), VitNormalization.CLIP)) {
            assertArrayEquals(direct.encode(frames).data(), loaded.encode(frames).data(), 0f);
            assertTrue(loaded.id().startsWith("dinov2-tiny-"), loaded.id());
        }
        Files.write(run.dir().resolve(Dinov2Store.WEIGHTS), new byte[] {1, 2, 3});
        IOException e = assertThrows(IOException.class, () -> Dinov2Store.load(run.dir(), VitNormalization.CLIP));
        assertTrue(e.getMessage().contains("weights.safetensors"), e.getMessage());
    }

    @Test
    void wrongShapeMissingKeyAndExtraKeyAreRefusedNamingTheKey() throws IOException {
        Map<String, float[]> values = TinyCheckpoints.randomOriginal(3);
        assertRefused(rewritten(values, "blocks.1.mlp.fc2.bias", new long[] {31}, new float[31], null),
                "blocks.1.mlp.fc2.bias", "expected shape [32]");
        assertRefused(rewritten(values, "blocks.0.ls2.gamma", null, null, null), "missing key 'blocks.0.ls2.gamma'");
        assertRefused(rewritten(values, null, null, null, "blocks.0.attn.extra"), "blocks.0.attn.extra");
    }

    @Test
    void unsupportedConfigurationRegistersAndTruncatedHeaderAreRefused() throws IOException {
        Map<String, float[]> values = TinyCheckpoints.randomOriginal(4);
        Path file = dir.resolve("ok.safetensors");
        TinyCheckpoints.writeOriginal(values, file);
        SafetensorsFormatException e = assertThrows(SafetensorsFormatException.class,
                () -> new Dinov2Importer().read(file));
        assertTrue(e.getMessage().contains("unsupported DINOv2 configuration: D 32"), e.getMessage());
        assertRefused(rewritten(values, null, null, null, "register_tokens"), "register variants");
        byte[] bytes = Files.readAllBytes(file);
        Path truncated = dir.resolve("truncated.safetensors");
        Files.write(truncated, java.util.Arrays.copyOf(bytes, 40));
        assertThrows(SafetensorsFormatException.class, () -> IMPORTER.read(truncated));
    }

    @Test
    void nonFiniteValuesAreRefused() throws IOException {
        Map<String, float[]> values = new LinkedHashMap<>(TinyCheckpoints.randomOriginal(5));
        float[] bias = values.get("norm.bias").clone();
        bias[7] = Float.NaN;
        values.put("norm.bias", bias);
        Path file = dir.resolve("nan.safetensors");
        TinyCheckpoints.writeOriginal(values, file);
        assertRefused(file, "tensor 'norm.bias' element 7 is not finite");
    }

    /** Writes the original layout with one key replaced, dropped (shape null) or an extra key added. */
    private Path rewritten(Map<String, float[]> values, String key, long[] shape, float[] replacement, String extra)
            throws IOException {
        SafetensorsWriter w = new SafetensorsWriter();
        Map<String, long[]> shapes = new LinkedHashMap<>(Dinov2Naming.ORIGINAL.expectedShapes(TinyCheckpoints.TINY));
        for (Map.Entry<String, long[]> e : shapes.entrySet()) {
            if (e.getKey().equals(key)) {
                if (shape != null) {
                    w.addFloats(key, shape, replacement);
                }
            } else {
                w.addFloats(e.getKey(), e.getValue(), values.get(e.getKey()));
            }
        }
        if (extra != null) {
            w.addFloats(extra, new long[] {2}, new float[2]);
        }
        Path file = dir.resolve("case-" + System.nanoTime() + ".safetensors");
        w.write(file);
        return file;
    }

    private static void assertRefused(Path file, String... fragments) {
        SafetensorsFormatException e = assertThrows(SafetensorsFormatException.class, () -> IMPORTER.read(file));
        for (String f : fragments) {
            assertTrue(e.getMessage().contains(f), e.getMessage());
        }
    }

    static RgbImage frame(long seed, int w, int h) {
        SplittableRandom r = new SplittableRandom(seed);
        byte[] p = new byte[w * h * 3];
        for (int i = 0; i < p.length; i++) {
            p[i] = (byte) r.nextInt(256);
        }
        return new RgbImage(w, h, p);
    }
}
