package org.anomalyforge.trokens.tokens;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RelationalDescriptorTest {

    @Test
    void specExampleWithInvisiblePoint() {
        double[][] u = {{0}, {0.5}, {0}};
        double[][] v = {{0}, {0}, {-0.5}};
        boolean[][] vis = {{true}, {true}, {false}};
        float[][][] r = RelationalDescriptor.compute(u, v, vis);
        assertArrayEquals(new float[] {0, 0, -0.5f, 0, 0, 0}, r[0][0], 1e-6f);
        assertArrayEquals(new float[] {0.5f, 0, 0, 0, 0, 0}, r[1][0], 1e-6f);
        assertArrayEquals(new float[6], r[2][0], 1e-6f);
    }

    @Test
    void nonFinitePositionCountsAsInvisibleAndLayoutIsFrameMajor() {
        double[][] u = {{0, 1}, {Double.NaN, 3}};
        double[][] v = {{0, 0}, {0, 1}};
        boolean[][] vis = {{true, true}, {true, true}};
        RelationalTokens tokens = new RelationalTokens(RelationalDescriptor.compute(u, v, vis));
        assertArrayEquals(new float[4], tokens.values()[0][0], 0f);
        assertArrayEquals(new float[] {0, 0, -2, -1}, tokens.values()[0][1], 1e-6f);
        float[] flat = tokens.toFrameMajor();
        assertEquals(2 * 2 * 4, flat.length);
        // [T][M][2M]: frame 1, point 1 starts at (1·2 + 1)·4 = 12 and holds (2, 1, 0, 0)
        assertArrayEquals(new float[] {2, 1, 0, 0}, java.util.Arrays.copyOfRange(flat, 12, 16), 1e-6f);
    }
}
