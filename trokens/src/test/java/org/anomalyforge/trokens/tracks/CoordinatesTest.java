package org.anomalyforge.trokens.tracks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CoordinatesTest {

    @Test
    void patchLookupFollowsTrueMembership() {
        assertEquals(0, Coordinates.patchIndexOfPixel(13, 224, 16));
        assertEquals(1, Coordinates.patchIndexOfPixel(14, 224, 16));
        assertEquals(15, Coordinates.patchIndexOfPixel(223, 224, 16));
        assertEquals(-1, Coordinates.patchIndexOfPixel(-0.6, 224, 16));
        assertFalse(Coordinates.onFrame(-0.6, 10, 224, 224));
        assertEquals(-1 + 1.0 / 224, Coordinates.normalised(0, 224), 1e-12);
    }

    @Test
    void motionCoordinatesAreIsotropic() {
        // W = 200, H = 100, L = 200: a pixel step is 2/L in both axes
        double du = Coordinates.motion(11, 200, 200, 100) - Coordinates.motion(10, 200, 200, 100);
        double dv = Coordinates.motion(11, 100, 200, 100) - Coordinates.motion(10, 100, 200, 100);
        assertEquals(0.01, du, 1e-12);
        assertEquals(0.01, dv, 1e-12);
        assertEquals(-0.5 + 1.0 / 200, Coordinates.motion(0, 100, 200, 100), 1e-12);
    }

    @Test
    void offFrameIsOutsideHalfOpenInterval() {
        assertTrue(Coordinates.onFrame(-1.0, 0.999));
        assertFalse(Coordinates.onFrame(1.0, 0));
        assertFalse(Coordinates.onFrame(Double.NaN, 0));
        assertTrue(Coordinates.onFrame(223.49, 0, 224, 224));
        assertFalse(Coordinates.onFrame(223.5, 0, 224, 224));
    }

    @Test
    void trackSetRejectsMismatchedTrajectory() {
        Trajectory t3 = new Trajectory(new float[3], new float[3], new boolean[3]);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new TrackSet(4, 10, 10, List.of(t3)));
        assertEquals("trajectory 0 has 3 frames, track set has 4", e.getMessage());
    }

    @Test
    void atFramesAndSelectPickInOrder() {
        Trajectory a = new Trajectory(new float[] {0, 1, 2}, new float[] {5, 6, 7}, new boolean[] {true, false, true});
        Trajectory b = new Trajectory(new float[] {9, 9, 9}, new float[] {8, 8, 8}, new boolean[] {true, true, true});
        TrackSet set = new TrackSet(3, 10, 10, List.of(a, b));
        TrackSet picked = set.select(new int[] {1, 0, 1}).atFrames(new int[] {2, 1});
        assertEquals(3, picked.size());
        assertEquals(new Trajectory(new float[] {2, 1}, new float[] {7, 6}, new boolean[] {true, false}),
                picked.track(1));
        assertEquals(picked.track(0), picked.track(2));
    }
}
