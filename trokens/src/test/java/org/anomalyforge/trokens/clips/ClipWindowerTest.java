package org.anomalyforge.trokens.clips;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.anomalyforge.trokens.sampling.SplitMix64;
import org.junit.jupiter.api.Test;

class ClipWindowerTest {

    /** Frame i of a 25 fps stream at i·40 ms ± 5 ms; its bytes carry i so the choice can be checked. */
    private static long time(int i, SplitMix64 rng) {
        return i * 40_000L + Math.round((rng.nextDouble() * 2 - 1) * 5_000);
    }

    private static int index(byte[] bytes) {
        return ((bytes[0] & 0xff) << 8) | (bytes[1] & 0xff);
    }

    private static byte[] bytes(int i) {
        return new byte[] {(byte) (i >> 8), (byte) i};
    }

    @Test
    void jitteredTwentyFiveFpsGivesWindowsEverySecondWith32NearestFrames() {
        ClipWindower windower = new ClipWindower("cam-1", WindowConfig.DEFAULT);
        SplitMix64 rng = new SplitMix64(5);
        List<StreamWindow> closed = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            closed.addAll(windower.add(time(i, rng), bytes(i)));
        }
        // watermark ≈ 7.96 s closes windows with s + 3.2 + 1 < 7.96: s = 0, 1, 2, 3
        assertEquals(List.of(0L, 1_000_000L, 2_000_000L, 3_000_000L), closed.stream().map(StreamWindow::startMicros).toList());
        for (StreamWindow w : closed) {
            assertTrue(w.usable());
            assertNull(w.skip());
            assertEquals(32, w.frames().size());
            assertEquals(1.0, w.coverage());
            for (int k = 0; k < 32; k++) {
                // target s + k·100 ms is frame (s + 100k ms)/40 ms = 25s + 2.5k: nearest is 2.5k rounded ±1
                double ideal = w.startMicros() / 40_000.0 + 2.5 * k;
                assertTrue(Math.abs(index(w.frames().get(k)) - ideal) <= 1, "window " + w.startMicros() + " k " + k);
            }
        }
        assertEquals("cam-1@2000000", closed.get(2).clipId());
        List<StreamWindow> rest = windower.flush();
        assertEquals(4_000_000L, rest.get(0).startMicros());
        assertEquals(0, windower.droppedLate());
    }

    @Test
    void oneSecondGapSkipsTheWindowsAroundItWithItsReason() {
        ClipWindower windower = new ClipWindower("cam-2", WindowConfig.DEFAULT);
        SplitMix64 rng = new SplitMix64(6);
        List<StreamWindow> closed = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            if (i >= 100 && i < 125) {
                continue; // no frames from 4.0 s to 5.0 s
            }
            closed.addAll(windower.add(time(i, rng), bytes(i)));
        }
        closed.addAll(windower.flush());
        // windows starting at 2, 3 and 4 s contain the whole gap; the one at 1 s ([1, 4.2) s) only its first
        // 0.2 s, so it is usable: only the target at 4.1 s misses (frame 99 at 3.96 s is within 50 ms of 4.0 s). The stream ends at 10 s: flushing leaves the
        // windows at 8 and 9 s with trailing gaps of 1.24 and 2.24 s, skipped too
        List<Long> skipped = List.of(2_000_000L, 3_000_000L, 4_000_000L, 8_000_000L, 9_000_000L);
        for (StreamWindow w : closed) {
            boolean inGap = skipped.contains(w.startMicros());
            assertEquals(inGap, !w.usable(), "window " + w.startMicros());
            if (inGap) {
                assertEquals(StreamWindow.SkipReason.GAP, w.skip());
            }
            if (inGap && w.startMicros() < 8_000_000L) {
                assertTrue(w.maxGapSeconds() > 0.95 && w.maxGapSeconds() < 1.1, "gap " + w.maxGapSeconds());
                assertTrue(w.frames().isEmpty());
            }
        }
        assertEquals(10, closed.size());
        StreamWindow w1 = closed.stream().filter(w -> w.startMicros() == 1_000_000L).findFirst().orElseThrow();
        assertEquals(31 / 32.0, w1.coverage(), 1e-12);
        assertEquals(32, w1.frames().size());
        assertEquals(99, index(w1.frames().get(30)));
        assertEquals(99, index(w1.frames().get(31)), "missing targets repeat the previous frame");
    }

    @Test
    void lateFrameWithinLatenessIsUsedLaterOneIsDropped() {
        ClipWindower windower = new ClipWindower("cam-3", WindowConfig.DEFAULT);
        List<StreamWindow> closed = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            if (i == 100 || i == 40) {
                continue;
            }
            closed.addAll(windower.add(i * 40_000L, bytes(i)));
        }
        // frame 100 (4.0 s) arrives when the watermark is 5.96 s: 1.96 s late, beyond the 1 s lateness
        closed.addAll(windower.add(100 * 40_000L, bytes(100)));
        assertEquals(1, windower.droppedLate());
        // frame 40 (1.6 s) would be 4.36 s late: dropped too; a frame 0.9 s late is used
        closed.addAll(windower.add(40 * 40_000L, bytes(40)));
        assertEquals(2, windower.droppedLate());
        closed.addAll(windower.add(5_100_000L, bytes(999)));
        assertEquals(2, windower.droppedLate());
        closed.addAll(windower.flush());
        StreamWindow w3 = closed.stream().filter(w -> w.startMicros() == 3_000_000L).findFirst().orElseThrow();
        // target 3.0 s + 21·100 ms = 5.1 s takes the late frame
        assertEquals(999, index(w3.frames().get(21)));
    }
}
