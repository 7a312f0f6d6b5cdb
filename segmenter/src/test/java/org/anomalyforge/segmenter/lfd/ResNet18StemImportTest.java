package org.anomalyforge.segmenter.lfd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

import org.anomalyforge.ingest.safetensors.SafetensorsFormatException;
import org.anomalyforge.ingest.safetensors.SafetensorsWriter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Spec §3.3 and §10.1-10: ImageNet initialisation of both stems from torchvision ResNet-18 keys. */
class ResNet18StemImportTest {

    private static final String[] BN = {"weight", "bias", "running_mean", "running_var"};

    @TempDir
    Path dir;

    private NDManager manager;
    private LfdNet net;
    private Map<String, long[]> shapes;
    private Map<String, float[]> values;

    @BeforeEach
    void setUp() {
        manager = NDManager.newBaseManager();
        net = new LfdNet(new LfdConfig(64, 64, 42));
        net.initialize(manager);
        shapes = new LinkedHashMap<>();
        shapes.put("conv1.weight", new long[] {64, 3, 7, 7});
        bn("bn1", 64);
        for (String block : new String[] {"layer1.0", "layer1.1"}) {
            basicBlock(block, 64, 64);
        }
        basicBlock("layer2.0", 64, 128);
        shapes.put("layer2.0.downsample.0.weight", new long[] {128, 64, 1, 1});
        bn("layer2.0.downsample.1", 128);
        basicBlock("layer2.1", 128, 128);
        values = new LinkedHashMap<>();
        Random random = new Random(11);
        for (Map.Entry<String, long[]> e : shapes.entrySet()) {
            float[] v = new float[Math.toIntExact(numel(e.getValue()))];
            for (int i = 0; i < v.length; i++) {
                v[i] = (float) random.nextGaussian();
            }
            values.put(e.getKey(), v);
        }
    }

    @AfterEach
    void tearDown() {
        manager.close();
    }

    @Test
    void bothStemsAndLayer1sTakeTheFileAndLayer2GoesToTheSemanticBranchOnly() throws IOException {
        float[] context = values("context1.0.weight");
        float[] adjust = values("detail.channel_adjust.0.weight");
        float[] head = values("cls_head.0.weight");
        float[] fusion = values("fusion.point_conv.1.0.running_var");
        Path file = dir.resolve("resnet18.safetensors");
        writer(null).write(file);

        ResNet18StemImporter.StemImport result = ResNet18StemImporter.importStems(net.weights(), file);
        assertEquals(75, result.tensorsWritten());
        assertEquals(sha256(file), result.sha256());

        for (String branch : new String[] {"semantic.model.", "detail.model."}) {
            assertArrayEquals(values.get("conv1.weight"), values(branch + "prefix.0.weight"), 0f);
            assertArrayEquals(values.get("bn1.running_var"), values(branch + "prefix.1.running_var"), 0f);
            assertArrayEquals(values.get("bn1.weight"), values(branch + "prefix.1.weight"), 0f);
            assertArrayEquals(values.get("layer1.1.conv2.weight"), values(branch + "layer1.1.conv2.weight"), 0f);
            assertArrayEquals(values.get("layer1.0.bn2.running_mean"), values(branch + "layer1.0.bn2.running_mean"), 0f);
        }
        assertArrayEquals(values.get("layer2.0.downsample.1.running_mean"),
                values("semantic.model.layer2.0.downsample.1.running_mean"), 0f);
        assertArrayEquals(values.get("layer2.1.conv1.weight"), values("semantic.model.layer2.1.conv1.weight"), 0f);
        assertArrayEquals(context, values("context1.0.weight"), 0f);
        assertArrayEquals(adjust, values("detail.channel_adjust.0.weight"), 0f);
        assertArrayEquals(head, values("cls_head.0.weight"), 0f);
        assertArrayEquals(fusion, values("fusion.point_conv.1.0.running_var"), 0f);
    }

    @Test
    void missingTorchvisionKeyIsNamed() throws IOException {
        Path file = dir.resolve("missing.safetensors");
        writer("layer2.1.bn2.bias").write(file);
        SafetensorsFormatException e = assertThrows(SafetensorsFormatException.class,
                () -> ResNet18StemImporter.importStems(net.weights(), file));
        assertTrue(e.getMessage().endsWith("1 torchvision ResNet-18 key(s) missing: [layer2.1.bn2.bias]"),
                e.getMessage());
    }

    @Test
    void foreignKeyIsRefused() throws IOException {
        Path file = dir.resolve("foreign.safetensors");
        writer(null).addFloats("classifier.weight", new long[] {2}, new float[2]).write(file);
        SafetensorsFormatException e = assertThrows(SafetensorsFormatException.class,
                () -> ResNet18StemImporter.importStems(net.weights(), file));
        assertTrue(e.getMessage().endsWith("1 key(s) that are not torchvision ResNet-18: [classifier.weight]"),
                e.getMessage());
    }

    /** All torchvision keys except {@code omit}, plus layer3/layer4/fc and counters that must be ignored. */
    private SafetensorsWriter writer(String omit) {
        SafetensorsWriter w = new SafetensorsWriter();
        for (Map.Entry<String, long[]> e : shapes.entrySet()) {
            if (!e.getKey().equals(omit)) {
                w.addFloats(e.getKey(), e.getValue(), values.get(e.getKey()));
            }
        }
        w.addLongs("bn1.num_batches_tracked", new long[0], new long[] {7});
        w.addFloats("layer3.0.conv1.weight", new long[] {256, 128, 3, 3}, new float[256 * 128 * 9]);
        w.addFloats("layer4.1.bn2.running_var", new long[] {512}, new float[512]);
        w.addFloats("fc.weight", new long[] {1000, 512}, new float[512_000]);
        w.addFloats("fc.bias", new long[] {1000}, new float[1000]);
        return w;
    }

    private void bn(String prefix, long channels) {
        for (String p : BN) {
            shapes.put(prefix + "." + p, new long[] {channels});
        }
    }

    private void basicBlock(String prefix, long in, long out) {
        shapes.put(prefix + ".conv1.weight", new long[] {out, in, 3, 3});
        bn(prefix + ".bn1", out);
        shapes.put(prefix + ".conv2.weight", new long[] {out, out, 3, 3});
        bn(prefix + ".bn2", out);
    }

    private static long numel(long[] shape) {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        return n;
    }

    private float[] values(String key) {
        return net.weights().entry(key).parameter().getArray().toFloatArray();
    }

    private static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
