package org.anomalyforge.jobs.segmenter;

import org.anomalyforge.ingest.image.BinaryMask;
import org.anomalyforge.ingest.image.RgbImage;

/** A review image: the frame with predicted defect pixels tinted red and the mask outline drawn solid. */
final class Overlay {
    private Overlay() {}

    static RgbImage of(RgbImage frame, BinaryMask mask) {
        if (frame.width() != mask.width() || frame.height() != mask.height()) {
            throw new IllegalArgumentException("mask " + mask.width() + "×" + mask.height() + " does not match frame "
                    + frame.width() + "×" + frame.height());
        }
        RgbImage out = new RgbImage(frame.width(), frame.height(), frame.pixels().clone());
        for (int y = 0; y < frame.height(); y++) {
            for (int x = 0; x < frame.width(); x++) {
                if (!mask.get(x, y)) {
                    continue;
                }
                if (edge(mask, x, y)) {
                    out.set(x, y, 255, 0, 0);
                } else {   // 50 % blend towards red keeps the texture readable under the tint
                    out.set(x, y, (frame.get(x, y, 0) + 255) / 2, frame.get(x, y, 1) / 2, frame.get(x, y, 2) / 2);
                }
            }
        }
        return out;
    }

    private static boolean edge(BinaryMask m, int x, int y) {
        return x == 0 || y == 0 || x == m.width() - 1 || y == m.height() - 1
                || !m.get(x - 1, y) || !m.get(x + 1, y) || !m.get(x, y - 1) || !m.get(x, y + 1);
    }
}
