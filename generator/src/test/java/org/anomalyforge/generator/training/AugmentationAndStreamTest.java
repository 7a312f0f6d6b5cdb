package org.anomalyforge.generator.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** §2.6 synchronised dihedral transforms and the §2.7 item stream. */
class AugmentationAndStreamTest {

    @Test
    void rotationIsCounterClockwiseAndFlipsMirror() {
        // 2×2 plane [[a, b], [c, d]] = [1, 2, 3, 4]
        float[] p = {1, 2, 3, 4};
        assertArrayEquals(new float[] {2, 4, 1, 3}, new Dihedral(1, 0).apply(p, 1, 2), 0f);   // CCW 90°
        assertArrayEquals(new float[] {4, 3, 2, 1}, new Dihedral(2, 0).apply(p, 1, 2), 0f);
        assertArrayEquals(new float[] {3, 1, 4, 2}, new Dihedral(3, 0).apply(p, 1, 2), 0f);
        assertArrayEquals(new float[] {2, 1, 4, 3}, new Dihedral(0, 1).apply(p, 1, 2), 0f);   // left–right
        assertArrayEquals(new float[] {3, 4, 1, 2}, new Dihedral(0, 2).apply(p, 1, 2), 0f);   // top–bottom
        assertArrayEquals(new float[] {4, 2, 3, 1}, new Dihedral(1, 1).apply(p, 1, 2), 0f);   // rotate, then flip
    }

    @Test
    void theSamePermutationAppliesToEveryChannelImageAndMask() {
        int side = 5;
        float[] mask = new float[side * side];
        float[] image = new float[3 * side * side];
        for (int i = 0; i < mask.length; i++) {
            mask[i] = i;
            for (int c = 0; c < 3; c++) {
                image[c * mask.length + i] = i + 100 * c;
            }
        }
        for (int r = 0; r < 4; r++) {
            for (int f = 0; f < 3; f++) {
                Dihedral d = new Dihedral(r, f);
                float[] m = d.apply(mask, 1, side);
                float[] im = d.apply(image, 3, side);
                for (int c = 0; c < 3; c++) {
                    for (int i = 0; i < m.length; i++) {
                        assertEquals(m[i] + 100 * c, im[c * m.length + i], 0f);
                    }
                }
            }
        }
    }

    @Test
    void itemStreamPairsAndPermutesPerEpoch() {
        ItemStream s = new ItemStream(3, 3, 5);
        assertEquals(5, s.epochLength());
        Set<Integer> normals = new HashSet<>();
        Set<Integer> anomalies = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            normals.add(s.item(i).normal());
            anomalies.add(s.item(i).anomaly());
        }
        assertEquals(Set.of(0, 1, 2, 3, 4), normals);                 // one epoch visits every normal once
        assertEquals(Set.of(0, 1, 2), anomalies);
        // item i pairs anomaly i mod 3 with normal i mod 5 for the permuted i
        for (int i = 0; i < 15; i++) {
            ItemStream.Item it = s.item(i);
            assertEquals(it.normal() % 3, it.anomaly());
        }
        // the same position always gives the same item (resume), epochs are permuted differently
        assertEquals(s.item(7), new ItemStream(3, 3, 5).item(7));
        StringBuilder e0 = new StringBuilder();
        StringBuilder e1 = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            e0.append(s.item(i).normal());
            e1.append(s.item(5 + i).normal());
        }
        assertNotEquals(e0.toString(), e1.toString());
    }
}
