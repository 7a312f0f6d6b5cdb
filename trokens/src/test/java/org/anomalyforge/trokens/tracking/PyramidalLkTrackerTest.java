package org.anomalyforge.trokens.tracking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.anomalyforge.trokens.clips.TrackingFrames;
import org.anomalyforge.trokens.tracks.QueryPoint;
import org.anomalyforge.trokens.tracks.TrackSet;
import org.anomalyforge.trokens.tracks.Trajectory;
import org.junit.jupiter.api.Test;

class PyramidalLkTrackerTest {

    private static final double DX = 1.3;
    private static final double DY = -0.7;
    private final PyramidalLkTracker tracker = PyramidalLkTracker.withDefaults();

    private static List<QueryPoint> gridQueries(int frame) {
        List<QueryPoint> q = new ArrayList<>();
        for (int y = 40; y <= 80; y += 20) {
            for (int x = 40; x <= 120; x += 20) {
                q.add(new QueryPoint(frame, x, y));
            }
        }
        return q;
    }

    @Test
    void followsTranslatingTextureWithinHalfAPixelBothWays() {
        TrackingFrames clip = TranslatingTexture.clip(160, 120, 10, DX, DY, 11);
        for (int queryFrame : new int[] {0, 5}) {
            List<QueryPoint> queries = gridQueries(queryFrame);
            TrackSet set = tracker.track(clip, queries);
            assertEquals(10, set.frames());
            assertEquals(queries.size(), set.size());
            for (int i = 0; i < queries.size(); i++) {
                QueryPoint q = queries.get(i);
                Trajectory tr = set.track(i);
                assertEquals(q.x(), tr.x()[queryFrame], 0f, "query position kept exactly");
                for (int t = 0; t < 10; t++) {
                    double ex = q.x() + DX * (t - queryFrame);
                    double ey = q.y() + DY * (t - queryFrame);
                    assertTrue(tr.visible()[t], "point " + i + " visible at frame " + t);
                    double err = Math.hypot(tr.x()[t] - ex, tr.y()[t] - ey);
                    assertTrue(err < 0.5, "point " + i + " frame " + t + " error " + err);
                }
            }
        }
    }

    @Test
    void occludedPointsBecomeInvisibleAndHoldLastPosition() {
        TrackingFrames clip = TranslatingTexture.occlude(TranslatingTexture.clip(160, 120, 10, DX, DY, 12), 5, 50, 30, 56);
        // a point that is at (78, 58) at frame 5 sits in the middle of the 56×56 flat occluder
        QueryPoint hidden = new QueryPoint(0, (float) (78 - 5 * DX), (float) (58 - 5 * DY));
        QueryPoint free = new QueryPoint(0, 130, 95);
        TrackSet set = tracker.track(clip, List.of(hidden, free));
        Trajectory h = set.track(0);
        for (int t = 0; t < 5; t++) {
            assertTrue(h.visible()[t], "visible before the occluder at frame " + t);
        }
        for (int t = 5; t < 10; t++) {
            assertFalse(h.visible()[t], "invisible under the occluder at frame " + t);
            assertEquals(h.x()[4], h.x()[t], 0f);
            assertEquals(h.y()[4], h.y()[t], 0f);
        }
        for (int t = 0; t < 10; t++) {
            assertTrue(set.track(1).visible()[t]);
        }
    }

    @Test
    void pointsPushedOutOfTheFrameBecomeInvisible() {
        TrackingFrames clip = TranslatingTexture.clip(160, 120, 10, DX, DY, 13);
        // y = 3 moves up by 0.7 px per frame and crosses the top edge (y = −0.5) after frame 5
        TrackSet set = tracker.track(clip, List.of(new QueryPoint(0, 80, 3)));
        Trajectory tr = set.track(0);
        assertTrue(tr.visible()[0]);
        assertFalse(tr.visible()[9]);
        int firstLost = -1;
        for (int t = 0; t < 10; t++) {
            if (!tr.visible()[t]) {
                firstLost = t;
                break;
            }
        }
        assertTrue(firstLost > 0 && firstLost <= 6, "lost at frame " + firstLost);
        for (int t = firstLost; t < 10; t++) {
            assertFalse(tr.visible()[t]);
            assertEquals(tr.y()[firstLost - 1], tr.y()[t], 0f);
            assertTrue(tr.y()[t] >= -0.5f);
        }
    }

    @Test
    void forwardOnlyLeavesEarlierFramesInvisibleAtQueryPosition() {
        TrackingFrames clip = TranslatingTexture.clip(160, 120, 10, DX, DY, 14);
        TrackSet set = tracker.track(clip, List.of(new QueryPoint(4, 80, 60)), TrackDirection.FORWARD);
        Trajectory tr = set.track(0);
        for (int t = 0; t < 4; t++) {
            assertFalse(tr.visible()[t]);
            assertEquals(80f, tr.x()[t], 0f);
        }
        assertTrue(tr.visible()[9]);
        assertEquals(80 + 5 * DX, tr.x()[9], 0.5);
    }

    @Test
    void refusesSingleFrameClipsAndQueriesPastTheEnd() {
        TrackingFrames clip = TranslatingTexture.clip(64, 48, 3, DX, DY, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> tracker.track(clip, List.of(new QueryPoint(3, 1, 1))));
        assertEquals("clip texture: query 0 is at frame 3, clip has 3 frames", e.getMessage());
        TrackingFrames one = new TrackingFrames("one", List.of(clip.frame(0)), 10);
        assertThrows(IllegalArgumentException.class, () -> tracker.track(one, List.of()));
    }
}
