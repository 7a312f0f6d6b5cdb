package org.anomalyforge.ingest.frames;

/** Lower-case hex of the first bytes of an array, for rejection messages. */
final class Hex {

    private Hex() {}

    /** Hex of the first {@code min(limit, bytes.length)} bytes. */
    static String of(byte[] bytes, int limit) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < Math.min(limit, bytes.length); i++) {
            s.append(String.format("%02x", bytes[i] & 0xff));
        }
        return s.toString();
    }
}
