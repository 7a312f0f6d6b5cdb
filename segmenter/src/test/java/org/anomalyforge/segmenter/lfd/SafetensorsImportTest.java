package org.anomalyforge.segmenter.lfd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;

import org.anomalyforge.ingest.safetensors.DType;
import org.anomalyforge.ingest.safetensors.SafetensorsFormatException;
import org.anomalyforge.ingest.safetensors.SafetensorsWriter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Spec §3.2 and §10.1-10: import of a file written with the original PyTorch key names. */
class SafetensorsImportTest {

    @TempDir
    Path dir;

    private NDManager manager;
    private LfdNet net;
    private Map<String, float[]> source;

    @BeforeEach
    void setUp() {
        manager = NDManager.newBaseManager();
        net = new LfdNet(new LfdConfig(64, 64, 42));
        net.initialize(manager);
        source = new HashMap<>();
        Random random = new Random(5);
        for (WeightEntry e : net.weights().parameters().values()) {
            float[] v = new float[Math.toIntExact(e.parameter().getArray().size())];
            for (int i = 0; i < v.length; i++) {
                v[i] = (float) random.nextGaussian();
            }
            source.put(e.key(), v);
        }
    }

    @AfterEach
    void tearDown() {
        manager.close();
    }

    @Test
    void everyParameterReceivesItsSourceTensorWithHalfTheKeysWrapped() throws IOException {
        Path file = write("all.safetensors", w -> { });
        LfdWeightsImporter.ImportReport report = LfdWeightsImporter.strict().importFile(net.weights(), file);
        assertEquals(117, report.loaded());
        for (WeightEntry e : net.weights().parameters().values()) {
            assertArrayEquals(source.get(e.key()), e.parameter().getArray().toFloatArray(), 0f, e.key());
        }
        WeightEntry gamma = net.weights().entry("cls_head.1.0.weight");
        assertEquals("gamma", gamma.parameter().getName());
        WeightEntry var = net.weights().entry("detail.channel_adjust.1.0.running_var");
        assertEquals("runningVar", var.parameter().getName());
        assertArrayEquals(source.get(var.key()), var.parameter().getArray().toFloatArray(), 0f);
    }

    @Test
    void halfAndDoublePrecisionAreConvertedToFloat() throws IOException {
        Path file = dir.resolve("mixed.safetensors");
        SafetensorsWriter w = writer(key -> !key.equals("cls_head.2.bias") && !key.equals("cls_head.2.weight")
                && !key.equals("fusion.point_conv.2.bias"));
        w.addF16("cls_head.2.bias", new long[] {2}, new float[] {0.5f, -1.25f});
        float[] weight = new float[256];
        for (int i = 0; i < weight.length; i++) {
            weight[i] = (i - 128) / 4f;                                     // exact in BF16
        }
        w.addBf16("module.cls_head.2.weight", new long[] {2, 128, 1, 1}, weight);
        w.add("fusion.point_conv.2.bias", DType.F64, new long[] {1},
                ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putDouble(0.1).array());
        w.write(file);
        LfdWeightsImporter.strict().importFile(net.weights(), file);
        assertArrayEquals(new float[] {0.5f, -1.25f}, values("cls_head.2.bias"), 0f);
        assertArrayEquals(weight, values("cls_head.2.weight"), 0f);
        assertArrayEquals(new float[] {0.1f}, values("fusion.point_conv.2.bias"), 0f);
    }

    @Test
    void missingKeyIsNamedAndNothingIsWritten() throws IOException {
        float[] before = values("semantic.model.prefix.0.weight");
        Path file = dir.resolve("missing.safetensors");
        writer(key -> !key.equals("fusion.point_conv.2.bias")).write(file);
        SafetensorsFormatException e = assertThrows(SafetensorsFormatException.class,
                () -> LfdWeightsImporter.strict().importFile(net.weights(), file));
        assertTrue(e.getMessage().endsWith("1 LFD key(s) missing: [fusion.point_conv.2.bias]"), e.getMessage());
        assertArrayEquals(before, values("semantic.model.prefix.0.weight"), 0f);
    }

    @Test
    void wrongShapeNamesKeyExpectedAndActual() throws IOException {
        Path file = dir.resolve("shape.safetensors");
        SafetensorsWriter w = writer(key -> !key.equals("cls_head.2.weight"));
        w.addFloats("cls_head.2.weight", new long[] {2, 128}, new float[256]);
        w.write(file);
        SafetensorsFormatException e = assertThrows(SafetensorsFormatException.class,
                () -> LfdWeightsImporter.strict().importFile(net.weights(), file));
        assertTrue(e.getMessage().endsWith("tensor 'cls_head.2.weight' (for 'cls_head.2.weight'): expected shape "
                + "[2, 128, 1, 1], got [2, 128]"), e.getMessage());
    }

    @Test
    void unknownKeyFailsStrictAndIsSkippedLenient() throws IOException {
        Path file = write("unknown.safetensors", w -> w.addFloats("aux_head.weight", new long[] {3}, new float[3]));
        SafetensorsFormatException e = assertThrows(SafetensorsFormatException.class,
                () -> LfdWeightsImporter.strict().importFile(net.weights(), file));
        assertTrue(e.getMessage().endsWith("1 unknown key(s) for LFD (strict import): [aux_head.weight]"),
                e.getMessage());
        LfdWeightsImporter.ImportReport report = LfdWeightsImporter.lenient().importFile(net.weights(), file);
        assertEquals(117, report.loaded());
        assertEquals(List.of("aux_head.weight"), report.skippedKeys());
        assertArrayEquals(source.get("context2.2.weight"), values("context2.2.weight"), 0f);
    }

    @Test
    void integerTensorForAParameterIsRefused() throws IOException {
        Path file = dir.resolve("int.safetensors");
        SafetensorsWriter w = writer(key -> !key.equals("cls_head.2.bias"));
        w.addLongs("cls_head.2.bias", new long[] {2}, new long[] {1, 2});
        w.write(file);
        SafetensorsFormatException e = assertThrows(SafetensorsFormatException.class,
                () -> LfdWeightsImporter.strict().importFile(net.weights(), file));
        assertTrue(e.getMessage().contains("'cls_head.2.bias'") && e.getMessage().contains("has dtype I64"),
                e.getMessage());
    }

    @Test
    void truncatedOrOversizedHeaderIsRefused() throws IOException {
        Path truncated = write("truncated.safetensors", w -> { });
        try (RandomAccessFile f = new RandomAccessFile(truncated.toFile(), "rw")) {
            f.setLength(f.length() - 100);
        }
        SafetensorsFormatException e = assertThrows(SafetensorsFormatException.class,
                () -> LfdWeightsImporter.strict().importFile(net.weights(), truncated));
        assertTrue(e.getMessage().startsWith(truncated.toString()), e.getMessage());

        Path oversized = dir.resolve("oversized.safetensors");
        ByteBuffer b = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putLong(1L << 40).putLong(0);
        Files.write(oversized, b.array());
        e = assertThrows(SafetensorsFormatException.class,
                () -> LfdWeightsImporter.strict().importFile(net.weights(), oversized));
        assertTrue(e.getMessage().contains("header length 1099511627776"), e.getMessage());
    }

    /** Writes every original key (counters as I64 scalars), with a leading module. on every other key. */
    private Path write(String name, Consumer<SafetensorsWriter> extra) throws IOException {
        SafetensorsWriter w = writer(key -> true);
        extra.accept(w);
        Path file = dir.resolve(name);
        w.write(file);
        return file;
    }

    private SafetensorsWriter writer(java.util.function.Predicate<String> include) {
        SafetensorsWriter w = new SafetensorsWriter();
        List<String> keys = net.weights().stateDictKeys();
        for (int i = 0; i < keys.size(); i++) {
            String key = keys.get(i);
            if (!include.test(key)) {
                continue;
            }
            String name = i % 2 == 0 ? "module." + key : key;
            if (net.weights().isBatchCounter(key)) {
                w.addLongs(name, new long[0], new long[] {1000 + i});
            } else {
                long[] shape = net.weights().entry(key).parameter().getArray().getShape().getShape();
                w.addFloats(name, shape, source.get(key));
            }
        }
        return w;
    }

    private float[] values(String key) {
        return net.weights().entry(key).parameter().getArray().toFloatArray();
    }
}
