package org.anomalyforge.trokens.model;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import org.anomalyforge.trokens.model.nn.DottedParameters;
import org.anomalyforge.trokens.model.nn.ParameterFiles;
import org.anomalyforge.trokens.tokens.HodMode;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Spec §16.1 #11 (shapes, all-invisible point) and #12 (parameter counts of the three profiles). */
class TrokensNetTest {

    static final TrokensConfig TINY = new TrokensConfig("tiny", 16, 32, 4, 16, 8, 16, HodMode.PER_FRAME, 5,
            MaskMode.VISIBILITY, true, true, true, true);

    @Test
    void profilesHaveTheSpecParameterCounts() {
        assertEquals(556_992L, TrokensConfig.descriptorCpu(64).parameterCount());
        assertEquals(4_416_832L, TrokensConfig.dinov2S14(64).parameterCount());
        assertEquals(17_287_744L, TrokensConfig.dinov2B14(64).parameterCount());
    }

    @Test
    void builtNetworksCountLikeTheirConfig() {
        for (TrokensConfig c : new TrokensConfig[] {TrokensConfig.descriptorCpu(64), TrokensConfig.dinov2S14(64),
            TINY, TrokensConfig.descriptorCpu(8).withTokens(false, true, false),
            TrokensConfig.descriptorCpu(8).withTokens(true, true, false)}) {
            try (NDManager manager = NDManager.newBaseManager()) {
                TrokensNet net = new TrokensNet(c, 1);
                net.initialize(manager);
                assertEquals(c.parameterCount(), DottedParameters.count(net), c.profile());
            }
        }
    }

    @Test
    void blockAloneHas17dSquaredPlus20d() {
        try (NDManager manager = NDManager.newBaseManager()) {
            SpaceTimeBlock block = SpaceTimeBlockTest.block(manager, MaskMode.VISIBILITY);
            assertEquals(17L * 32 * 32 + 20 * 32, DottedParameters.count(block));
        }
    }

    @Test
    void outputsHaveSpecShapesAndStayFiniteForAnAlwaysInvisiblePoint() {
        try (NDManager manager = NDManager.newBaseManager()) {
            TrokensNet net = new TrokensNet(TINY, 7);
            net.initialize(manager);
            NDList in = inputs(manager, 2, 11);
            float[] visible = in.get(5).toFloatArray();
            for (int i = 0; i < visible.length; i++) {
                if (i % 16 == 3) {
                    visible[i] = 0f;
                }
            }
            in.get(5).set(visible);
            NDList out = net.forward(new ParameterStore(manager, false), in, false);
            assertEquals(new Shape(2, 8, 16, 32), out.get(0).getShape());
            assertEquals(new Shape(2, 32), out.get(1).getShape());
            assertEquals(new Shape(2, 5), out.get(2).getShape());
            for (int k = 0; k < 3; k++) {
                for (float v : out.get(k).toFloatArray()) {
                    assertTrue(Float.isFinite(v));
                }
            }
        }
    }

    @Test
    void sameSeedGivesIdenticalWeightsAndSnapshotRestoreRoundTrips() {
        try (NDManager manager = NDManager.newBaseManager()) {
            TrokensNet a = new TrokensNet(TINY, 3);
            a.initialize(manager);
            TrokensNet b = new TrokensNet(TINY, 3);
            b.initialize(manager);
            TrokensNet c = new TrokensNet(TINY, 4);
            c.initialize(manager);
            Map<String, float[]> sa = ParameterFiles.snapshot(a);
            Map<String, float[]> sb = ParameterFiles.snapshot(b);
            Map<String, float[]> sc = ParameterFiles.snapshot(c);
            assertEquals(sa.keySet(), sb.keySet());
            sa.forEach((k, v) -> assertArrayEquals(v, sb.get(k), k));
            assertTrue(!Arrays.equals(sa.get("cls"), sc.get("cls")));
            ParameterFiles.restore(c, sa);
            NDList in = inputs(manager, 1, 5);
            ParameterStore ps = new ParameterStore(manager, false);
            assertArrayEquals(a.forward(ps, in, false).get(2).toFloatArray(),
                    c.forward(ps, in, false).get(2).toFloatArray(), 0f);
        }
    }

    @Test
    void parameterNamesAreDotted() {
        try (NDManager manager = NDManager.newBaseManager()) {
            TrokensNet net = new TrokensNet(TINY, 1);
            net.initialize(manager);
            Map<String, ?> names = DottedParameters.of(net);
            assertTrue(names.containsKey("block.temporal_attn.qkv.weight"), names.keySet().toString());
            assertTrue(names.containsKey("hod_mlp.norm.weight"));
            assertTrue(names.containsKey("space_embed"));
            assertTrue(names.containsKey("appearance_proj.weight"));
        }
    }

    /** Random inputs for {@link #TINY}: B clips, everything visible and on-frame, no padding. */
    static NDList inputs(NDManager manager, int b, long seed) {
        int t = 8;
        int m = 16;
        long[] patch = new long[b * t * m];
        for (int i = 0; i < patch.length; i++) {
            patch[i] = (i * 37L) % 256;
        }
        float[] ones = new float[b * t * m];
        Arrays.fill(ones, 1f);
        return new NDList(manager.create(SpaceTimeBlockTest.random(b * t * m * 16, seed), new Shape(b, t, m, 16)),
                manager.create(patch, new Shape(b, t, m)), manager.create(ones, new Shape(b, t, m)),
                manager.create(SpaceTimeBlockTest.random(b * t * m * 32, seed + 1), new Shape(b, t, m, 32)),
                manager.create(SpaceTimeBlockTest.random(b * t * m * 32, seed + 2), new Shape(b, t, m, 32)),
                manager.create(ones.clone(), new Shape(b, t, m)), manager.create(new float[b * m], new Shape(b, m)));
    }
}
