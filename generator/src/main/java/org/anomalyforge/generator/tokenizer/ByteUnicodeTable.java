package org.anomalyforge.generator.tokenizer;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * GPT-2's reversible byte → printable-character table ({@code bytes_to_unicode} in openai/CLIP and HF), used so
 * BPE works on strings without whitespace or control characters: the 188 printable Latin-1 bytes
 * ('!'…'~', '¡'…'¬', '®'…'ÿ') map to themselves, the other 68 bytes in increasing order to U+0100, U+0101, …
 * (so ' ' → 'Ġ' U+0120). Every mapped character is one UTF-16 unit.
 */
final class ByteUnicodeTable {

    private static final char[] BYTE_TO_CHAR = buildTable();
    /** Highest table character is U+0143 (byte 0xAD, the 68th non-printable byte). */
    private static final int[] CHAR_TO_BYTE = invert(BYTE_TO_CHAR);

    private ByteUnicodeTable() {
    }

    /** The character that stands for byte {@code b} (0…255). */
    static char charOf(int b) {
        return BYTE_TO_CHAR[b & 0xFF];
    }

    /** The UTF-8 bytes of {@code text}, each replaced by its table character. */
    static String encode(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder(bytes.length);
        for (byte b : bytes) {
            out.append(BYTE_TO_CHAR[b & 0xFF]);
        }
        return out.toString();
    }

    /**
     * The inverse of {@link #encode}: table characters back to bytes, decoded as UTF-8 (malformed sequences
     * become U+FFFD, as Python's {@code errors="replace"}).
     *
     * @throws IllegalArgumentException if a character is not in the table
     */
    static String decode(String symbols) {
        byte[] bytes = new byte[symbols.length()];
        for (int i = 0; i < symbols.length(); i++) {
            bytes[i] = (byte) byteOf(symbols.charAt(i));
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** The byte that character {@code c} stands for. */
    static int byteOf(char c) {
        if (c < CHAR_TO_BYTE.length && CHAR_TO_BYTE[c] >= 0) {
            return CHAR_TO_BYTE[c];
        }
        throw new IllegalArgumentException("character U+" + String.format("%04X", (int) c)
                + " is not in the byte-level table");
    }

    private static int[] invert(char[] table) {
        int[] inverse = new int[256 + 68];
        Arrays.fill(inverse, -1);
        for (int b = 0; b < 256; b++) {
            inverse[table[b]] = b;
        }
        return inverse;
    }

    private static char[] buildTable() {
        char[] table = new char[256];
        boolean[] printable = new boolean[256];
        for (int b = '!'; b <= '~'; b++) {
            printable[b] = true;
        }
        for (int b = 0xA1; b <= 0xAC; b++) {
            printable[b] = true;
        }
        for (int b = 0xAE; b <= 0xFF; b++) {
            printable[b] = true;
        }
        int next = 256;
        for (int b = 0; b < 256; b++) {
            table[b] = printable[b] ? (char) b : (char) next++;
        }
        return table;
    }
}
