package org.anomalyforge.ingest.image;

/**
 * Format and size read from the first bytes of an encoded image, without decoding it.
 *
 * <p>This is what lets {@link ImageCodec} refuse a decompression bomb (a small file that declares
 * an enormous size) before OpenCV allocates the pixels.
 *
 * @param format "png", "jpeg" or "bmp"
 */
public record ImageHeader(String format, int width, int height) {

    public long pixels() {
        return (long) width * height;
    }

    /**
     * Reads the header of a PNG (IHDR), JPEG (first SOFn marker) or BMP (info header).
     *
     * @throws ImageDecodeException naming {@code source} if the bytes are no such image or are cut short
     */
    public static ImageHeader probe(byte[] b, String source) throws ImageDecodeException {
        if (b == null || b.length == 0) {
            throw new ImageDecodeException(source, "file is empty");
        }
        if (b.length >= 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
            if (b.length < 24 || b[12] != 'I' || b[13] != 'H' || b[14] != 'D' || b[15] != 'R') {
                throw new ImageDecodeException(source, "PNG is truncated before its IHDR header");
            }
            return checked(source, "png", beInt(b, 16), beInt(b, 20));
        }
        if (b.length >= 3 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8) {
            ImageHeader header = jpeg(b, source);
            // libjpeg fills missing rows with grey instead of failing, so a cut-off JPEG (a frame truncated
            // in transit) would decode "successfully": require the end-of-image marker.
            if (!endsWithEoi(b)) {
                throw new ImageDecodeException(source, "JPEG is truncated: no end-of-image marker (FF D9) at the end");
            }
            return header;
        }
        if (b.length >= 2 && b[0] == 'B' && b[1] == 'M') {
            if (b.length < 26) {
                throw new ImageDecodeException(source, "BMP is truncated before its info header");
            }
            int w = leInt(b, 18);
            int h = leInt(b, 22);
            return checked(source, "bmp", w, h == Integer.MIN_VALUE ? h : Math.abs(h));
        }
        throw new ImageDecodeException(source, "not a PNG, JPEG or BMP image (first bytes "
                + hex(b, Math.min(4, b.length)) + ")");
    }

    private static ImageHeader jpeg(byte[] b, String source) throws ImageDecodeException {
        int i = 2;
        while (i + 4 <= b.length) {
            if ((b[i] & 0xff) != 0xFF) {
                throw new ImageDecodeException(source, "JPEG marker expected at byte " + i);
            }
            int marker = b[i + 1] & 0xff;
            if (marker == 0xFF) { // fill byte
                i++;
                continue;
            }
            int len = ((b[i + 2] & 0xff) << 8) | (b[i + 3] & 0xff);
            boolean sof = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
            if (sof) {
                if (i + 9 > b.length) {
                    break;
                }
                int h = ((b[i + 5] & 0xff) << 8) | (b[i + 6] & 0xff);
                int w = ((b[i + 7] & 0xff) << 8) | (b[i + 8] & 0xff);
                return checked(source, "jpeg", w, h);
            }
            if (len < 2) {
                throw new ImageDecodeException(source, "JPEG segment at byte " + i + " has invalid length " + len);
            }
            i += 2 + len;
        }
        throw new ImageDecodeException(source, "JPEG is truncated before its frame header (SOF)");
    }

    /** FF D9 as the last two bytes, allowing trailing zero padding as some cameras write. */
    private static boolean endsWithEoi(byte[] b) {
        int end = b.length;
        while (end > 2 && b[end - 1] == 0) {
            end--;
        }
        return end >= 4 && (b[end - 2] & 0xff) == 0xFF && (b[end - 1] & 0xff) == 0xD9;
    }

    private static ImageHeader checked(String source, String format, int w, int h) throws ImageDecodeException {
        if (w <= 0 || h <= 0) {
            throw new ImageDecodeException(source, format.toUpperCase() + " header declares an invalid size "
                    + Integer.toUnsignedString(w) + "×" + Integer.toUnsignedString(h));
        }
        return new ImageHeader(format, w, h);
    }

    private static int beInt(byte[] b, int o) {
        return ((b[o] & 0xff) << 24) | ((b[o + 1] & 0xff) << 16) | ((b[o + 2] & 0xff) << 8) | (b[o + 3] & 0xff);
    }

    private static int leInt(byte[] b, int o) {
        return (b[o] & 0xff) | ((b[o + 1] & 0xff) << 8) | ((b[o + 2] & 0xff) << 16) | ((b[o + 3] & 0xff) << 24);
    }

    private static String hex(byte[] b, int n) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            s.append(String.format("%02x", b[i] & 0xff));
        }
        return s.toString();
    }
}
