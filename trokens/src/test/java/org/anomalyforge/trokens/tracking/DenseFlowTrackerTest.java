package org.anomalyforge.trokens.tracking;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.anomalyforge.trokens.clips.TrackingFrames;
import org.anomalyforge.trokens.tracks.QueryPoint;
import org.anomalyforge.trokens.tracks.TrackSet;
import org.junit.jupiter.api.Test;

class DenseFlowTrackerTest {

    @Test
    void followsTranslatingTextureWithinOnePixel() {
        TrackingFrames clip = TranslatingTexture.clip(160, 120, 10, 1.3, -0.7, 11);
        List<QueryPoint> queries = new ArrayList<>();
        for (int y = 40; y <= 80; y += 20) {
            for (int x = 40; x <= 120; x += 20) {
                queries.add(new QueryPoint(y == 60 ? 5 : 0, x, y));
            }
        }
        for (FlowMethod method : FlowMethod.values()) {
            TrackSet set = new DenseFlowTracker(method).track(clip, queries);
            for (int i = 0; i < queries.size(); i++) {
                QueryPoint q = queries.get(i);
                for (int t = 0; t < 10; t++) {
                    assertTrue(set.track(i).visible()[t], method + " point " + i + " visible at " + t);
                    double ex = q.x() + 1.3 * (t - q.frame());
                    double ey = q.y() - 0.7 * (t - q.frame());
                    double err = Math.hypot(set.track(i).x()[t] - ex, set.track(i).y()[t] - ey);
                    assertTrue(err < 1.0, method + " point " + i + " frame " + t + " error " + err);
                }
            }
        }
    }

    @Test
    void bilinearLookupInterpolatesAndClamps() {
        // 2×2 flow: dx = 0, 1 / 2, 3 (row-major), dy = 10·dx
        float[] flow = {0, 0, 1, 10, 2, 20, 3, 30};
        assertArrayEquals(new double[] {1.5, 15}, DenseFlowTracker.bilinear(flow, 2, 2, 0.5, 0.5), 1e-12);
        assertArrayEquals(new double[] {3, 30}, DenseFlowTracker.bilinear(flow, 2, 2, 7, 9), 1e-12);
        assertEquals("dis", new DenseFlowTracker(FlowMethod.DIS_MEDIUM).id());
    }
}
