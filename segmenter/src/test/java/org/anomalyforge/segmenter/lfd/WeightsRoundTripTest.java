package org.anomalyforge.segmenter.lfd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.anomalyforge.ingest.safetensors.DType;
import org.anomalyforge.ingest.safetensors.SafetensorsFile;
import org.anomalyforge.ingest.safetensors.TensorInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Spec §3.2: export → import into a fresh network gives identical parameters and outputs. */
class WeightsRoundTripTest {

    private static final LfdConfig CONFIG = new LfdConfig(64, 64, 42);

    @TempDir
    Path dir;

    private NDManager manager;

    @BeforeEach
    void setUp() {
        manager = NDManager.newBaseManager();
    }

    @AfterEach
    void tearDown() {
        manager.close();
    }

    @Test
    void exportThenImportReproducesParametersAndOutputsBitwise() throws IOException {
        LfdNet source = new LfdNet(CONFIG);
        source.initialize(manager);
        updateRunningStatistics(source);
        Path file = dir.resolve("lfd.safetensors");
        LfdWeightsExporter.export(source.weights(), file, 3, Map.of("run", "round-trip"));

        LfdNet target = new LfdNet(CONFIG.withSeed(7));
        target.initialize(manager);
        LfdWeightsImporter.ImportReport report = LfdWeightsImporter.strict().importFile(target.weights(), file);
        assertEquals(117, report.loaded());
        assertEquals(List.of(), report.skippedKeys());

        for (String key : source.weights().parameters().keySet()) {
            assertArrayEquals(values(source, key), values(target, key), 0f, key);
        }
        try (NDManager m = manager.newSubManager()) {
            NDArray x = m.randomNormal(new Shape(1, 3, 64, 64));
            NDArray a = source.forward(new ParameterStore(m, false), new NDList(x), false).singletonOrThrow();
            NDArray b = target.forward(new ParameterStore(m, false), new NDList(x), false).singletonOrThrow();
            assertArrayEquals(a.toFloatArray(), b.toFloatArray(), 0f);
        }
    }

    @Test
    void fileHoldsTheOriginalKeysInOrderWithInt64Counters() throws IOException {
        LfdNet net = new LfdNet(CONFIG);
        net.initialize(manager);
        Path file = dir.resolve("keys.safetensors");
        LfdWeightsExporter.export(net.weights(), file, 12, Map.of());
        try (SafetensorsFile st = SafetensorsFile.open(file)) {
            List<String> names = st.tensors().stream().map(TensorInfo::name).toList();
            assertEquals(net.weights().stateDictKeys(), names);
            TensorInfo counter = st.get("cls_head.1.0.num_batches_tracked");
            assertEquals(DType.I64, counter.dtype());
            assertArrayEquals(new long[0], counter.shape());
            assertArrayEquals(new long[] {12}, st.readLongs(counter.name()));
            TensorInfo gamma = st.get("fusion.point_conv.1.0.weight");
            assertEquals(DType.F32, gamma.dtype());
            assertArrayEquals(new long[] {128}, gamma.shape());
            assertArrayEquals(new long[] {2, 128, 1, 1}, st.get("cls_head.2.weight").shape());
            assertEquals("pt", st.metadata().get("format"));
            assertArrayEquals(values(net, "semantic.model.layer2.1.conv2.weight"),
                    st.readFloats("semantic.model.layer2.1.conv2.weight"), 0f);
        }
    }

    /** Two training-mode passes move the BN running statistics away from (0, 1). */
    private static void updateRunningStatistics(LfdNet net) {
        for (int i = 0; i < 2; i++) {
            try (NDManager m = NDManager.newBaseManager()) {
                NDArray x = m.randomNormal(new Shape(2, 3, 64, 64));
                net.forward(new ParameterStore(m, false), new NDList(x), true);
            }
        }
        float[] mean = values(net, "fusion.point_conv.1.0.running_mean");
        boolean moved = false;
        for (float v : mean) {
            moved |= v != 0f;
        }
        assertTrue(moved, "running mean should have moved");
        assertFalse(values(net, "semantic.model.layer1.0.bn2.running_var")[0] == 1f);
    }

    private static float[] values(LfdNet net, String key) {
        return net.weights().entry(key).parameter().getArray().toFloatArray();
    }
}
