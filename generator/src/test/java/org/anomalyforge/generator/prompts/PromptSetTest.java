package org.anomalyforge.generator.prompts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import org.anomalyforge.generator.tokenizer.ClipBpeTokenizer;
import org.anomalyforge.generator.tokenizer.Tokenizer;
import org.anomalyforge.generator.tokenizer.WordLevelTokenizer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * seas.md §4.3–4.4 on MVTec bottle's three types, hand-checked for both tokenizers. The BPE side uses the
 * {@code tokenizer/mini-clip} fixture (base vocabulary 535: BOS 533, EOS 534, a</w> 320, with</w> 522,
 * object</w> 527, defect</w> 532), so added ids are 535 + j, as 49408 + j for SD-1.4.
 */
class PromptSetTest {

    static final List<String> BOTTLE = List.of("broken_large", "broken_small", "contamination");

    static ClipBpeTokenizer mini;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream vocab = PromptSetTest.class.getResourceAsStream("/tokenizer/mini-clip/vocab.json");
                InputStream merges = PromptSetTest.class.getResourceAsStream("/tokenizer/mini-clip/merges.txt")) {
            mini = ClipBpeTokenizer.fromStreams(vocab, merges, "mini-clip");
        }
    }

    @Test
    void promptStringsPerTypeInSortedOrder() {
        PromptSet set = PromptSet.of(BOTTLE);
        assertEquals(3, set.typeCount());
        assertEquals("a ob1 with sks1 sks2 sks3 sks4", set.prompt(0).text());
        assertEquals("a ob1 with sks5 sks6 sks7 sks8", set.prompt(1).text());
        assertEquals("a ob1 with sks9 sks10 sks11 sks12", set.prompt("contamination").text());
        assertEquals(2, set.prompt("contamination").typeIndex());
        assertEquals(List.of("sks5", "sks6", "sks7", "sks8"), set.prompt("broken_small").anomalyTokens());
        assertEquals("a ob1", PromptSet.NORMAL_PROMPT);
        assertEquals("", PromptSet.UNCONDITIONAL_PROMPT);
        assertEquals(List.of("ob1", "sks1", "sks2", "sks3", "sks4", "sks5", "sks6", "sks7", "sks8", "sks9", "sks10",
                "sks11", "sks12"), set.newTokens());
    }

    @Test
    void clipPositionsAndIds() {
        PromptSet set = PromptSet.of(BOTTLE);
        Tokenizer clip = set.addTokensTo(mini);
        assertEquals(535 + 1 + 12, clip.vocabSize());
        // Type 2: BOS, a, ob1, with, sks9..sks12 (535 + 9 … 535 + 12), EOS, pad.
        assertArrayEquals(new int[] {533, 320, 535, 522, 544, 545, 546, 547, 534, 534},
                Arrays.copyOf(clip.encode(set.prompt(2).text()), 10));
        for (int k = 0; k < 3; k++) {
            TokenPositions positions = set.positions(k, clip);
            assertEquals(2, positions.normalPosition());
            assertEquals(List.of(4, 5, 6, 7), positions.anomalyPositions());
        }
        TokenPositions normal = set.normalPositions(clip);
        assertEquals(new TokenPositions(2, List.of()), normal);
        assertArrayEquals(new int[] {533, 320, 535, 534, 534}, Arrays.copyOf(clip.encode(PromptSet.NORMAL_PROMPT), 5));
        assertArrayEquals(new int[] {533, 534, 534}, Arrays.copyOf(clip.encode(PromptSet.UNCONDITIONAL_PROMPT), 3));
    }

    @Test
    void wordLevelPositionsAndIds() {
        PromptSet set = PromptSet.of(BOTTLE);
        Tokenizer words = set.addTokensTo(WordLevelTokenizer.base(77));
        assertEquals(8 + 4 * 3, words.vocabSize());
        // Type 1: BOS 0, a 3, ob1 7, with 4, sks5..sks8 = 12..15, EOS 1, pad 1.
        assertArrayEquals(new int[] {0, 3, 7, 4, 12, 13, 14, 15, 1, 1},
                Arrays.copyOf(words.encode(set.prompt(1).text()), 10));
        assertEquals(List.of(4, 5, 6, 7), set.positions(1, words).anomalyPositions());
        assertEquals(2, set.normalPositions(words).normalPosition());
        assertArrayEquals(new int[] {0, 3, 7, 1}, Arrays.copyOf(words.encode(PromptSet.NORMAL_PROMPT), 4));
        assertArrayEquals(new int[] {0, 1, 1}, Arrays.copyOf(words.encode(PromptSet.UNCONDITIONAL_PROMPT), 3));
    }

    @Test
    void addedTokenRowsNameTheirSourceRows() {
        PromptSet set = PromptSet.of(BOTTLE);
        List<AddedTokenRow> clipRows = set.addedTokenRows(set.addTokensTo(mini));
        assertEquals(13, clipRows.size());
        assertEquals(new AddedTokenRow("ob1", 535, "object", 527), clipRows.get(0));
        assertEquals(new AddedTokenRow("sks1", 536, "defect", 532), clipRows.get(1));
        assertEquals(new AddedTokenRow("sks12", 547, "defect", 532), clipRows.get(12));
        List<AddedTokenRow> tinyRows = set.addedTokenRows(set.addTokensTo(WordLevelTokenizer.base(77)));
        assertEquals(new AddedTokenRow("ob1", 7, "object", 5), tinyRows.get(0));
        assertEquals(new AddedTokenRow("sks12", 19, "defect", 6), tinyRows.get(12));
    }

    @Test
    void tokenizerWithoutTheNewTokensIsRejected() {
        PromptSet set = PromptSet.of(BOTTLE);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> set.positions(0, mini));
        assertEquals("tokenizer's added tokens must be exactly [ob1, sks1, sks2, sks3, sks4, sks5, sks6, sks7, sks8, "
                + "sks9, sks10, sks11, sks12] in this order (seas.md §4.3), got []", e.getMessage());
        Tokenizer twoTypes = PromptSet.of(List.of("a", "b")).addTokensTo(mini);
        assertThrows(IllegalArgumentException.class, () -> set.addedTokenRows(twoTypes));
    }

    @Test
    void invalidDefectTypeListsAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PromptSet.of(List.of()));
        assertEquals("defectTypes must not be empty: a product needs at least one defect type", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> PromptSet.of(List.of("crack", "crack", "hole")));
        assertEquals("defect type 'crack' appears twice (indices 0 and 1)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> PromptSet.of(List.of("scratch", "crack")));
        assertEquals("defectTypes must be in code-point order (seas.md §2.2): 'scratch' at index 0 sorts after "
                + "'crack'", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> PromptSet.of(List.of("crack", "good")));
        assertEquals("defect type at index 1 must not be 'good', the folder of normal images", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> PromptSet.of(List.of("")));
        assertEquals("defect type at index 0 must be a non-empty name, got ''", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> PromptSet.of(BOTTLE).prompt("crack"));
        assertEquals("unknown defect type 'crack'; known: [broken_large, broken_small, contamination]",
                e.getMessage());
    }

    @Test
    void codePointOrderIsNotUtf16Order() {
        // U+FF21 (fullwidth A) is a BMP char above the surrogates; U+1F600 is encoded with surrogates D83D DE00.
        String fullwidth = "\uFF21";
        String emoji = new String(Character.toChars(0x1F600));
        assertEquals(true, fullwidth.compareTo(emoji) > 0, "UTF-16 order puts the emoji first");
        assertEquals(List.of(fullwidth, emoji), DefectTypeOrder.sorted(List.of(emoji, fullwidth)));
        assertEquals(List.of("Crack", "crack", "crack_big"), DefectTypeOrder.sorted(List.of("crack_big", "crack",
                "Crack")));
        PromptSet.of(List.of(fullwidth, emoji));
    }
}
