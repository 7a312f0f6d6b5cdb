package org.anomalyforge.segmenter.lfd;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Spec §2.4, §3.1 and §10.1-1: parameter counts per module, tensor counts and the key registry. */
class ParameterCountTest {

    private static NDManager manager;
    private static LfdNet net;
    private static LfdWeights weights;

    @BeforeAll
    static void setUp() {
        manager = NDManager.newBaseManager();
        net = new LfdNet(LfdConfig.defaults());
        net.initialize(manager);
        weights = net.weights();
    }

    @AfterAll
    static void tearDown() {
        manager.close();
    }

    @Test
    void moduleCountsMatchTheSpec() {
        assertEquals(683_072, trainable("semantic."));
        assertEquals(18_304, trainable("context1."));
        assertEquals(18_304, trainable("context2."));
        assertEquals(166_080, trainable("detail."));
        assertEquals(33_281, trainable("fusion."));
        assertEquals(17_026, trainable("cls_head."));
        assertEquals(936_067, trainable(""));
        assertEquals(684_992, all("semantic."));
        assertEquals(18_560, all("context1."));
        assertEquals(166_976, all("detail."));
        assertEquals(33_537, all("fusion."));
        assertEquals(17_282, all("cls_head."));
        assertEquals(939_907, all(""));
    }

    @Test
    void subTotalsMatchTheSpec() {
        assertEquals(9_408 + 128, trainable("semantic.model.prefix."));
        assertEquals(73_984, trainable("semantic.model.layer1.0."));
        assertEquals(147_968, trainable("semantic.model.layer1."));
        assertEquals(230_144, trainable("semantic.model.layer2.0."));
        assertEquals(8_192 + 256, trainable("semantic.model.layer2.0.downsample."));
        assertEquals(295_424, trainable("semantic.model.layer2.1."));
        assertEquals(9_408 + 128, trainable("detail.model.prefix."));
        assertEquals(147_968, trainable("detail.model.layer1."));
        assertEquals(8_320 + 256, trainable("detail.channel_adjust."));
        assertEquals(768, trainable("context1.0."));
        assertEquals(768, trainable("context1.1."));
        assertEquals(16_512, trainable("context1.2."));
        assertEquals(256, trainable("context1.3.0."));
        assertEquals(32_896, trainable("fusion.point_conv.0."));
        assertEquals(256, trainable("fusion.point_conv.1.0."));
        assertEquals(129, trainable("fusion.point_conv.2."));
        assertEquals(16_512, trainable("cls_head.0."));
        assertEquals(256, trainable("cls_head.1.0."));
        assertEquals(258, trainable("cls_head.2."));
    }

    @Test
    void djlParameterTreeEqualsTheRegistry() {
        long djlAll = 0;
        long djlTrainable = 0;
        Set<Parameter> djlParameters = new HashSet<>();
        for (Parameter p : net.getParameters().values()) {
            djlParameters.add(p);
            djlAll += p.getArray().size();
            if (p.requiresGradient()) {
                djlTrainable += p.getArray().size();
            }
        }
        assertEquals(939_907, djlAll);
        assertEquals(936_067, djlTrainable);
        Set<Parameter> registered = new HashSet<>();
        weights.parameters().values().forEach(e -> registered.add(e.parameter()));
        assertEquals(117, registered.size());
        assertEquals(djlParameters, registered);
    }

    @Test
    void tensorAndLayerCountsMatchTheSpec() {
        assertEquals(77, weights.parameters().values().stream().filter(e -> e.role().trainable()).count());
        assertEquals(77, weights.parameters().values().stream()
                .filter(e -> e.parameter().requiresGradient()).count());
        List<WeightEntry> gammas = weights.parameters().values().stream()
                .filter(e -> e.role() == WeightRole.BN_GAMMA).toList();
        assertEquals(20, gammas.size());
        assertEquals(1_920, gammas.stream().mapToLong(e -> e.parameter().getArray().size()).sum());
        assertEquals(11, count(WeightRole.LFD_CONV_WEIGHT));
        assertEquals(11, count(WeightRole.LFD_CONV_BIAS));
        assertEquals(15, count(WeightRole.RESNET_CONV_WEIGHT));
        assertEquals(30, weights.withPrefix("semantic.").stream().filter(e -> e.role().trainable()).count());
        assertEquals(19, weights.withPrefix("detail.").stream().filter(e -> e.role().trainable()).count());
    }

    @Test
    void registryHoldsTheOriginalKeysInRegistrationOrder() {
        List<String> keys = weights.stateDictKeys();
        assertEquals(137, keys.size());
        assertEquals(117, weights.parameters().size());
        assertEquals("semantic.model.prefix.0.weight", keys.get(0));
        assertEquals("semantic.model.prefix.1.weight", keys.get(1));
        assertEquals("semantic.model.prefix.1.num_batches_tracked", keys.get(5));
        assertEquals("semantic.model.layer1.0.conv1.weight", keys.get(6));
        assertEquals("cls_head.2.bias", keys.get(136));
        assertEquals(60, keys.stream().filter(k -> k.startsWith("semantic.")).count());
        assertEquals(11, keys.stream().filter(k -> k.startsWith("context1.")).count());
        assertEquals(11, keys.stream().filter(k -> k.startsWith("context2.")).count());
        assertEquals(37, keys.stream().filter(k -> k.startsWith("detail.")).count());
        assertEquals(9, keys.stream().filter(k -> k.startsWith("fusion.")).count());
        assertEquals(9, keys.stream().filter(k -> k.startsWith("cls_head.")).count());
        assertEquals(20, keys.stream().filter(weights::isBatchCounter).count());
        assertEquals(List.of("context1.0.weight", "context1.0.bias", "context1.1.weight", "context1.1.bias",
                "context1.2.weight", "context1.2.bias", "context1.3.0.weight", "context1.3.0.bias",
                "context1.3.0.running_mean", "context1.3.0.running_var", "context1.3.0.num_batches_tracked"),
                keys.stream().filter(k -> k.startsWith("context1.")).toList());
    }

    @Test
    void registeredShapesMatchSection31() {
        assertEquals(new Shape(64, 3, 7, 7), shape("semantic.model.prefix.0.weight"));
        assertEquals(new Shape(128, 64, 3, 3), shape("semantic.model.layer2.0.conv1.weight"));
        assertEquals(new Shape(128, 64, 1, 1), shape("semantic.model.layer2.0.downsample.0.weight"));
        assertEquals(new Shape(128), shape("semantic.model.layer2.0.downsample.1.running_var"));
        assertEquals(new Shape(128, 1, 1, 5), shape("context1.0.weight"));
        assertEquals(new Shape(128, 1, 5, 1), shape("context2.1.weight"));
        assertEquals(new Shape(128, 128, 1, 1), shape("context2.2.weight"));
        assertEquals(new Shape(128, 64, 1, 1), shape("detail.channel_adjust.0.weight"));
        assertEquals(new Shape(128, 256, 1, 1), shape("fusion.point_conv.0.weight"));
        assertEquals(new Shape(1, 128, 1, 1), shape("fusion.point_conv.2.weight"));
        assertEquals(new Shape(1), shape("fusion.point_conv.2.bias"));
        assertEquals(new Shape(2, 128, 1, 1), shape("cls_head.2.weight"));
        assertEquals(new Shape(64), shape("detail.model.layer1.1.bn2.running_mean"));
    }

    private static long trainable(String prefix) {
        return weights.withPrefix(prefix).stream().filter(e -> e.parameter().requiresGradient())
                .mapToLong(e -> e.parameter().getArray().size()).sum();
    }

    private static long all(String prefix) {
        return weights.withPrefix(prefix).stream().mapToLong(e -> e.parameter().getArray().size()).sum();
    }

    private static long count(WeightRole role) {
        return weights.parameters().values().stream().filter(e -> e.role() == role).count();
    }

    private static Shape shape(String key) {
        return weights.entry(key).parameter().getArray().getShape();
    }
}
