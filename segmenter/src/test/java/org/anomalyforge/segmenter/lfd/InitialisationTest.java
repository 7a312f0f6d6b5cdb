package org.anomalyforge.segmenter.lfd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Spec §2.7: seeded PyTorch-default initialisation, bitwise reproducible. */
class InitialisationTest {

    private static NDManager manager;
    private static LfdNet first;
    private static LfdNet second;
    private static LfdNet otherSeed;

    @BeforeAll
    static void setUp() {
        manager = NDManager.newBaseManager();
        first = new LfdNet(LfdConfig.defaults());
        second = new LfdNet(LfdConfig.defaults());
        otherSeed = new LfdNet(LfdConfig.defaults().withSeed(43));
        first.initialize(manager);
        second.initialize(manager);
        otherSeed.initialize(manager);
    }

    @AfterAll
    static void tearDown() {
        manager.close();
    }

    @Test
    void sameSeedGivesBitwiseIdenticalWeights() {
        for (String key : first.weights().parameters().keySet()) {
            assertArrayEquals(values(first, key), values(second, key), 0f, key);
        }
    }

    @Test
    void anotherSeedGivesOtherWeights() {
        assertFalse(Arrays.equals(values(first, "semantic.model.prefix.0.weight"),
                values(otherSeed, "semantic.model.prefix.0.weight")));
        assertFalse(Arrays.equals(values(first, "cls_head.2.bias"), values(otherSeed, "cls_head.2.bias")));
    }

    @Test
    void valuesComeFromThePerParameterStream() {
        int index = first.weights().stateDictKeys().indexOf("fusion.point_conv.2.bias");
        Random random = new Random(SeededInitializer.streamSeed(42, index));
        float expected = (float) ((2 * random.nextDouble() - 1) / Math.sqrt(128));
        assertEquals(expected, values(first, "fusion.point_conv.2.bias")[0], 0f);
    }

    @Test
    void resNetConvsAreHeNormalFanOut() {
        float[] w = values(first, "semantic.model.layer2.0.conv2.weight");     // 128×128×3×3
        double std = Math.sqrt(2.0 / (128 * 9));
        assertEquals(0.0, mean(w), 0.01 * std);
        assertEquals(std, Math.sqrt(variance(w)), 0.01 * std);
        float[] stem = values(first, "detail.model.prefix.0.weight");          // 64×3×7×7, fan-out 3136
        assertEquals(Math.sqrt(2.0 / 3136), Math.sqrt(variance(stem)), 0.03 * Math.sqrt(2.0 / 3136));
    }

    @Test
    void lfdConvsAreUniformOverTheFanIn() {
        assertUniform(values(first, "fusion.point_conv.0.weight"), 1 / Math.sqrt(256));
        assertUniform(values(first, "fusion.point_conv.0.bias"), 1 / Math.sqrt(256));
        assertUniform(values(first, "context1.0.weight"), 1 / Math.sqrt(5));
        assertUniform(values(first, "context2.1.bias"), 1 / Math.sqrt(5));
        assertUniform(values(first, "detail.channel_adjust.0.weight"), 1 / Math.sqrt(64));
        float[] big = values(first, "fusion.point_conv.0.weight");             // 32,768 draws
        assertEquals(1 / (3 * 256.0), variance(big), 0.03 / (3 * 256.0));
    }

    @Test
    void batchNormStartsAsIdentity() {
        for (WeightEntry e : first.weights().parameters().values()) {
            float expected;
            switch (e.role()) {
                case BN_GAMMA, BN_RUNNING_VAR -> expected = 1f;
                case BN_BETA, BN_RUNNING_MEAN -> expected = 0f;
                default -> {
                    continue;
                }
            }
            for (float v : e.parameter().getArray().toFloatArray()) {
                assertEquals(expected, v, 0f, e.key());
            }
        }
    }

    private static void assertUniform(float[] v, double bound) {
        double max = 0;
        for (float x : v) {
            max = Math.max(max, Math.abs(x));
        }
        assertTrue(max <= bound, "max |w| " + max + " exceeds " + bound);
        assertTrue(max >= 0.5 * bound, "max |w| " + max + " far below " + bound);
    }

    private static float[] values(LfdNet net, String key) {
        return net.weights().entry(key).parameter().getArray().toFloatArray();
    }

    private static double mean(float[] v) {
        double s = 0;
        for (float x : v) {
            s += x;
        }
        return s / v.length;
    }

    private static double variance(float[] v) {
        double m = mean(v);
        double s = 0;
        for (float x : v) {
            s += (x - m) * (x - m);
        }
        return s / v.length;
    }
}
