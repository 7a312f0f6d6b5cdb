package org.anomalyforge.ingest.frames;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * How a frame's image bytes are encoded, with the value of the {@code encoding} header and the magic bytes
 * every payload of that encoding starts with.
 */
public enum FrameEncoding {

    /** JPEG: starts with SOI (FF D8) followed by a marker (FF). */
    JPEG("jpeg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}),

    /** PNG: the 8-byte PNG signature. */
    PNG("png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});

    private final String headerValue;
    private final byte[] magic;

    FrameEncoding(String headerValue, byte[] magic) {
        this.headerValue = headerValue;
        this.magic = magic;
    }

    /** The value of the {@code encoding} header: {@code jpeg} or {@code png}. */
    public String headerValue() {
        return headerValue;
    }

    /** True if {@code payload} starts with this encoding's magic bytes. */
    public boolean matchesMagic(byte[] payload) {
        if (payload == null || payload.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (payload[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }

    /** The magic bytes as lower-case hex, for messages. */
    public String magicHex() {
        return Hex.of(magic, magic.length);
    }

    /** The encoding whose header value is {@code value} (exact, lower case), if any. */
    public static Optional<FrameEncoding> fromHeaderValue(String value) {
        return Arrays.stream(values()).filter(e -> e.headerValue.equals(value)).findFirst();
    }

    /** The encoding named {@code name} in any case ({@code jpeg}, {@code PNG}); for command lines. */
    public static FrameEncoding parse(String name) {
        return fromHeaderValue(name == null ? null : name.trim().toLowerCase(Locale.ROOT))
                .orElseThrow(() -> new IllegalArgumentException("encoding must be one of " + allHeaderValues()
                        + ", got '" + name + "'"));
    }

    /** "jpeg, png": the accepted header values, for messages. */
    public static String allHeaderValues() {
        return Arrays.stream(values()).map(FrameEncoding::headerValue).collect(Collectors.joining(", "));
    }
}
