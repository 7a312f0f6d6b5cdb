package org.anomalyforge.generator.tokenizer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** GPT-2's bytes_to_unicode, checked on hand-derived entries. */
class ByteUnicodeTableTest {

    @Test
    void printableBytesMapToThemselvesOthersFromU0100() {
        assertEquals('A', ByteUnicodeTable.charOf('A'));
        assertEquals('¡', ByteUnicodeTable.charOf(0xA1));
        assertEquals('\u0100', ByteUnicodeTable.charOf(0x00));
        // Bytes 0..32 take U+0100..U+0120, so the space (32) is 'Ġ'.
        assertEquals('Ġ', ByteUnicodeTable.charOf(' '));
        // 127..160 follow from U+0121; 0x82 = 130 is the fourth: U+0124.
        assertEquals('\u0124', ByteUnicodeTable.charOf(0x82));
        // The soft hyphen 0xAD is the 68th and last: U+0143.
        assertEquals('\u0143', ByteUnicodeTable.charOf(0xAD));
        Set<Character> distinct = new HashSet<>();
        for (int b = 0; b < 256; b++) {
            distinct.add(ByteUnicodeTable.charOf(b));
            assertEquals(b, ByteUnicodeTable.byteOf(ByteUnicodeTable.charOf(b)));
        }
        assertEquals(256, distinct.size());
    }

    @Test
    void encodeAndDecodeAreInverse() {
        assertEquals("cafÃ©", ByteUnicodeTable.encode("café"));
        assertEquals("café ∑ 🙂", ByteUnicodeTable.decode(ByteUnicodeTable.encode("café ∑ 🙂")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ByteUnicodeTable.byteOf('\u0200'));
        assertEquals("character U+0200 is not in the byte-level table", e.getMessage());
    }
}
