package org.anomalyforge.ingest.frames;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class FrameEnvelopeTest {

    private static final byte[] IMAGE = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 1};

    private static void assertInvalid(String message, Executable construct) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, construct).getMessage());
    }

    @Test
    void fieldsAreValidated() {
        assertInvalid("camera must not be blank, got ''",
                () -> FrameEnvelope.of("", "p", 0, 0, FrameEncoding.JPEG, IMAGE));
        assertInvalid("product must not contain control characters (U+000A at position 1), got 'a\nb'",
                () -> FrameEnvelope.of("c", "a\nb", 0, 0, FrameEncoding.JPEG, IMAGE));
        assertInvalid("frameIndex must be >= 0, got -1",
                () -> FrameEnvelope.of("c", "p", -1, 0, FrameEncoding.JPEG, IMAGE));
        assertInvalid("capturedAtMicros must be >= 0, got -5",
                () -> FrameEnvelope.of("c", "p", 0, -5, FrameEncoding.JPEG, IMAGE));
        assertInvalid("schemaVersion must be 1, got 2",
                () -> new FrameEnvelope("c", "p", 0, 0, FrameEncoding.JPEG, 2, IMAGE));
        assertInvalid("image must not be empty, got 0 bytes",
                () -> FrameEnvelope.of("c", "p", 0, 0, FrameEncoding.JPEG, new byte[0]));
    }

    @Test
    void imageBytesAreCopiedInAndOut() {
        byte[] image = IMAGE.clone();
        FrameEnvelope frame = FrameEnvelope.of("c", "p", 3, 4, FrameEncoding.JPEG, image);
        image[3] = 9;
        frame.image()[3] = 9;
        assertEquals(1, frame.image()[3]);
        assertEquals(4, frame.imageSize());
        assertEquals(FrameEnvelope.of("c", "p", 3, 4, FrameEncoding.JPEG, IMAGE), frame);
    }

    @Test
    void encodingsKnowTheirHeaderValueAndMagic() {
        assertEquals("jpeg", FrameEncoding.JPEG.headerValue());
        assertEquals("png", FrameEncoding.PNG.headerValue());
        assertTrue(FrameEncoding.JPEG.matchesMagic(IMAGE));
        assertFalse(FrameEncoding.PNG.matchesMagic(IMAGE));
        assertEquals(FrameEncoding.PNG, FrameEncoding.parse(" PNG "));
        assertInvalid("encoding must be one of jpeg, png, got 'gif'", () -> FrameEncoding.parse("gif"));
    }
}
