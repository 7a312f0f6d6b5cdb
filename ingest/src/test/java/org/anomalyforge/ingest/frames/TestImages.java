package org.anomalyforge.ingest.frames;

import org.anomalyforge.ingest.image.ImageCodec;
import org.anomalyforge.ingest.image.RgbImage;

/** Tiny real JPEG and PNG payloads for frame tests. */
final class TestImages {

    private TestImages() {}

    static RgbImage gradient(int size) {
        byte[] pixels = new byte[size * size * 3];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) (i * 7);
        }
        return new RgbImage(size, size, pixels);
    }

    static byte[] jpeg() {
        return ImageCodec.withDefaults().encodeJpeg(gradient(8), 90);
    }

    static byte[] png() {
        return ImageCodec.withDefaults().encodePng(gradient(8));
    }
}
