package org.anomalyforge.trokens.tokens;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.anomalyforge.trokens.tracks.TrackSet;
import org.anomalyforge.trokens.tracks.Trajectory;
import org.anomalyforge.trokens.tracks.TrajectorySlots;
import org.junit.jupiter.api.Test;

class HodDescriptorTest {

    private static void assertBins(Map<Integer, Double> expected, double[] row) {
        for (int k = 0; k < 32; k++) {
            assertEquals(expected.getOrDefault(k, 0.0), row[k], 1e-6, "bin " + k);
        }
    }

    @Test
    void exactHistogramsOfSpecTrajectory() {
        double[] u = {0, 0.1, 0.1, -0.1, -0.1, 0, -0.2};
        double[] v = {0, 0, 0.1, 0.1, 0.1, 0.3, 0.32};
        double[][] rows = HodDescriptor.perFrame(u, v);
        assertEquals(7, rows.length);
        assertBins(Map.of(), rows[0]);
        assertBins(Map.of(16, 0.1), rows[1]);
        assertBins(Map.of(24, 0.1), rows[2]);
        assertBins(Map.of(0, 0.2), rows[3]);
        assertBins(Map.of(), rows[4]);
        assertBins(Map.of(21, 0.080798, 22, 0.142809), rows[5]);
        assertBins(Map.of(31, 0.102028, 0, 0.098970), rows[6]);
    }

    @Test
    void linearInterpolationNotSwapped() {
        double a = Math.PI / 64;
        assertBins(Map.of(16, 0.3, 17, 0.1), HodDescriptor.histogram(0.4 * Math.cos(a), 0.4 * Math.sin(a)));
        assertBins(Map.of(8, 1.0), HodDescriptor.histogram(0, -1));
    }

    @Test
    void pyramidEqualsHandSums() {
        double[][] rows = new double[8][32];
        for (int t = 0; t < 8; t++) {
            for (int k = 0; k < 32; k++) {
                rows[t][k] = (t + 1) * 100 + k;
            }
        }
        double[] p = HodDescriptor.pyramid(rows);
        assertEquals(224, p.length);
        int[][] chunks = {{0, 8}, {0, 4}, {4, 8}, {0, 2}, {2, 4}, {4, 6}, {6, 8}};
        for (int c = 0; c < 7; c++) {
            for (int k = 0; k < 32; k++) {
                double sum = 0;
                for (int t = chunks[c][0]; t < chunks[c][1]; t++) {
                    sum += rows[t][k];
                }
                assertEquals(sum, p[c * 32 + k], 1e-9, "chunk " + c + " bin " + k);
            }
        }
        float[][] both = HodDescriptor.tokens(new double[8], new double[8], HodMode.PER_FRAME_PLUS_PYRAMID);
        assertEquals(256, both[3].length);
    }

    @Test
    void pixelSpace45DegreesOnA2To1FrameLandsInBin20() {
        Trajectory t = new Trajectory(new float[] {10, 20}, new float[] {10, 20}, new boolean[] {true, true});
        TrajectorySlots slots = new TrajectorySlots(new TrackSet(2, 200, 100, List.of(t)), new boolean[1], new int[1]);
        MotionTokens tokens = new MotionTokenizer(HodMode.PER_FRAME).tokenize(slots, new int[] {0, 1});
        float[] row = tokens.hod().values()[0][1];
        // displacement (10, 10) px → motion (0.1, 0.1): magnitude 0.141421 entirely in bin 20
        assertEquals(Math.sqrt(0.02), row[20], 1e-6);
        assertEquals(0f, row[21], 1e-6);
        assertEquals(0f, row[19], 1e-6);
    }
}
