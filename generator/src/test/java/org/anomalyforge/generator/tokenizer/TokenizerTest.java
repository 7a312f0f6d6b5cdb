package org.anomalyforge.generator.tokenizer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * seas.md §14.1 #9 TokenizerTest for the CLIP BPE: the algorithm against the hand-made fixture
 * {@code tokenizer/mini-clip} ({@code </w>} handling, merge-rank order), byte-level non-ASCII, the regex split,
 * framing to 77, added-token whole-word matching ({@code sks10}) and, only when {@code -Dseas.sd14.dir} points at
 * a real SD-1.4 {@code tokenizer/} folder (not in CI: the files are not shipped), the §4.1 ids. The UA, normal and
 * empty prompt positions for both tokenizers are in {@code prompts.PromptSetTest}; the word-level tokenizer in
 * {@link WordLevelTokenizerTest}.
 *
 * <p>The fixture is built the way CLIP builds
 * its vocabulary: ids 0–255 are the byte characters in {@code bytes_to_unicode} order (printable ASCII c has id
 * c − 33), 256–511 the same with {@code </w>}, 512 + r the result of merge rank r, then 533 BOS and 534 EOS.
 * Merges by rank: 0 "l o", 1 "lo w", 2 "e r</w>", 3 "low er</w>", 4 "e s", 5 "es t</w>", 6 "r s</w>",
 * 7 "e r", 8–10 → "with</w>" (522), 11–15 → "object</w>" (527), 16–20 → "defect</w>" (532).
 */
class TokenizerTest {

    static final int BOS = 533;
    static final int EOS = 534;
    static final int LOWER = 515;
    static final int LOW = 513;
    static final int EST = 517;
    static final int ES = 516;
    static final int A = 'a' - 33 + 256;
    static final int WITH = 522;
    static final int OBJECT = 527;
    static final int DEFECT = 532;

    static ClipBpeTokenizer mini;

    static ClipBpeTokenizer loadMini() throws IOException {
        try (InputStream vocab = TokenizerTest.class.getResourceAsStream("/tokenizer/mini-clip/vocab.json");
                InputStream merges = TokenizerTest.class.getResourceAsStream("/tokenizer/mini-clip/merges.txt")) {
            return ClipBpeTokenizer.fromStreams(vocab, merges, "mini-clip");
        }
    }

    @BeforeAll
    static void load() throws IOException {
        mini = loadMini();
    }

    private static int plain(char c) {
        return c - 33;
    }

    private static int endOfWord(char c) {
        return 256 + c - 33;
    }

    @Test
    void fixtureShape() {
        assertEquals(535, mini.vocabSize());
        assertEquals(21, mini.mergeCount());
        assertEquals(BOS, mini.bosId());
        assertEquals(EOS, mini.eosId());
        assertEquals(EOS, mini.padId());
        assertEquals(77, mini.contextLength());
        assertEquals(320, A, "as in the real CLIP vocabulary, a</w> = 256 + 'a' − 33");
    }

    @Test
    void mergesFollowRankOrderAndEndOfWordMarkers() {
        // lower: l o w e r</w> → lo w e r</w> (0) → low e r</w> (1) → low er</w> (2) → lower</w> (3).
        assertArrayEquals(new int[] {LOWER}, mini.tokenize("lower"));
        // lowest: lo (0), low (1), es (4), est</w> (5); "low est</w>" is not a merge.
        assertArrayEquals(new int[] {LOW, EST}, mini.tokenize("lowest"));
        // esest: both "e s" pairs merge in one pass (4), then "es t</w>" (5).
        assertArrayEquals(new int[] {ES, EST}, mini.tokenize("esest"));
        // ers: "r s</w>" (6) beats "e r" (7) → e + rs</w>.
        assertArrayEquals(new int[] {plain('e'), 518}, mini.tokenize("ers"));
        // A lone letter is one symbol with </w>; "e r</w>" only merges at the end of a word.
        assertArrayEquals(new int[] {endOfWord('e')}, mini.tokenize("e"));
        assertArrayEquals(new int[] {WITH, OBJECT, DEFECT}, mini.tokenize("with object defect"));
    }

    @Test
    void swappingTwoRanksChangesTheResult() throws IOException {
        Map<String, Integer> vocab;
        try (InputStream in = getClass().getResourceAsStream("/tokenizer/mini-clip/vocab.json")) {
            vocab = TokenizerFiles.readTokenMap(in, "vocab.json");
        }
        List<String[]> merges;
        try (InputStream in = getClass().getResourceAsStream("/tokenizer/mini-clip/merges.txt")) {
            merges = new ArrayList<>(TokenizerFiles.readMerges(in, "merges.txt"));
        }
        String[] rs = merges.get(6);
        merges.set(6, merges.get(7));
        merges.set(7, rs);
        ClipBpeTokenizer swapped = ClipBpeTokenizer.of(vocab, merges, "swapped");
        // Now "e r" (519) wins: er + s</w>.
        assertArrayEquals(new int[] {519, endOfWord('s')}, swapped.tokenize("ers"));
    }

    @Test
    void nonAsciiIsByteLevel() {
        // é = C3 A9 → 'Ã' (byte 195, id 127) and '©' (byte 169, id 102) + </w> = 358.
        assertArrayEquals(new int[] {plain('c'), plain('a'), plain('f'), 127, 358}, mini.tokenize("café"));
        // € = E2 82 AC → 'â' (id 158), byte 0x82 → 'Ĥ' U+0124 (id 224), '¬' (id 105) + </w> = 361.
        assertArrayEquals(new int[] {158, 224, 361}, mini.tokenize("€"));
        assertEquals("café € lower", mini.decode(mini.encode("Café  €\tLOWER")));
    }

    @Test
    void regexSplitsContractionsDigitsAndPunctuation() {
        assertEquals(List.of("it", "'s", "1", "9", "9", "9", "we", "'ll", "don", "'t", "a", "-", "b", "...!!"),
                ClipPreTokenizer.split("it's 1999 we'll don't a-b ...!!"));
        assertEquals(List.of("<|startoftext|>", "x", "<|endoftext|>"),
                ClipPreTokenizer.split("<|startoftext|>x<|endoftext|>"));
        // it's → i t</w> + ' s</w>.
        assertArrayEquals(new int[] {plain('i'), endOfWord('t'), plain('\''), endOfWord('s')},
                mini.tokenize("it's"));
        // 42 → 4</w> 2</w>: every digit is its own piece.
        assertArrayEquals(new int[] {endOfWord('4'), endOfWord('2')}, mini.tokenize("42"));
        assertArrayEquals(new int[] {BOS}, mini.tokenize("<|startoftext|>"));
    }

    @Test
    void normalisationCollapsesWhitespaceAndLowerCases() {
        assertArrayEquals(mini.encode("lower lowest"), mini.encode("  LOWER\t\n\u00a0 Lowest  "));
        assertEquals("a b", TextNormalizer.normalize(" A\u2003\u001c b "));
        assertEquals(List.of(), TextNormalizer.words(" \t "));
    }

    @Test
    void encodeFramesPadsAndTruncatesTo77() {
        int[] ids = mini.encode("lower lowest");
        assertEquals(77, ids.length);
        assertArrayEquals(new int[] {BOS, LOWER, LOW, EST, EOS, EOS}, Arrays.copyOf(ids, 6));
        assertEquals(EOS, ids[76]);
        int[] empty = mini.encode("");
        assertEquals(BOS, empty[0]);
        assertTrue(Arrays.stream(empty, 1, 77).allMatch(id -> id == EOS));

        int[] long100 = mini.encode("lower ".repeat(100));
        assertEquals(77, long100.length);
        assertEquals(BOS, long100[0]);
        assertTrue(Arrays.stream(long100, 1, 76).allMatch(id -> id == LOWER), "75 content ids kept");
        assertEquals(EOS, long100[76]);
        int[] exact74 = mini.encode("lower ".repeat(74));
        assertEquals(LOWER, exact74[74]);
        assertEquals(EOS, exact74[75]);
        assertEquals(EOS, exact74[76]);
    }

    @Test
    void addedTokensGetTheNextIdsAndAreNeverSplit() {
        List<String> added = new ArrayList<>();
        added.add("ob1");
        for (int j = 1; j <= 12; j++) {
            added.add("sks" + j);
        }
        ClipBpeTokenizer withAdded = mini.withAddedTokens(added);
        assertEquals(548, withAdded.vocabSize());
        assertEquals(535, withAdded.tokenId("ob1"));
        assertEquals(535 + 10, withAdded.tokenId("sks10"));
        assertEquals(added, withAdded.addedTokens());
        assertEquals(535, mini.vocabSize(), "the original tokenizer is unchanged");
        int[] ids = withAdded.encode("a ob1 with sks9 sks10 sks11 sks12");
        assertArrayEquals(new int[] {BOS, A, 535, WITH, 544, 545, 546, 547, EOS, EOS}, Arrays.copyOf(ids, 10));
        // Whole-word only: "sks10x" is not an added token, so it goes through BPE and contains neither sks1 nor sks10.
        int[] split = withAdded.tokenize("sks10x");
        assertTrue(split.length > 1);
        assertFalse(Arrays.stream(split).anyMatch(id -> id >= 535));
        assertEquals("a ob1 with sks9 lower", withAdded.decode(withAdded.encode("a ob1 with sks9 lower")));
    }

    @Test
    void addingInvalidTokensFails() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> mini.withAddedTokens(List.of("object")));
        assertEquals("added token 'object' is already a single token of the base vocabulary", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> mini.withAddedTokens(List.of("ob1", "ob1")));
        assertEquals("added token 'ob1' is already an added token (id 535)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> mini.withAddedTokens(List.of("Ob1")));
        assertEquals("added token must be lower case (prompts are lower-cased before matching), got 'Ob1'",
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> mini.withAddedTokens(List.of("o b")));
        assertEquals("added token must not contain whitespace, got 'o b'", e.getMessage());
    }

    @Test
    void tokenIdNeedsExactlyOneToken() {
        assertEquals(OBJECT, mini.tokenId("object"));
        assertEquals(A, mini.tokenId("a"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> mini.tokenId("lowest"));
        assertEquals("'lowest' is 2 tokens, not one", e.getMessage());
    }

    @Test
    @EnabledIfSystemProperty(named = "seas.sd14.dir", matches = ".+")
    void realSd14VocabularyGivesTheSpecIds() throws IOException {
        ClipBpeTokenizer clip = ClipBpeTokenizer.fromDirectory(Path.of(System.getProperty("seas.sd14.dir")));
        assertEquals(49408, clip.vocabSize());
        assertEquals(48894, clip.mergeCount());
        assertEquals(49406, clip.bosId());
        assertEquals(49407, clip.eosId());
        assertEquals(320, clip.tokenId("a"));
        assertEquals(593, clip.tokenId("with"));
        // Single tokens (ids read, not hard-coded): tokenId throws if either word splits.
        clip.tokenId("object");
        clip.tokenId("defect");
        // Ids recalled from memory by the spec; this test is what confirms them.
        assertArrayEquals(new int[] {49406, 320, 1125, 539, 320, 2368, 49407},
                Arrays.copyOf(clip.encode("a photo of a cat"), 7));
        ClipBpeTokenizer withAdded = clip.withAddedTokens(List.of("ob1", "sks1", "sks2", "sks3", "sks4"));
        assertEquals(49408, withAdded.tokenId("ob1"));
        assertEquals(49408 + 4, withAdded.tokenId("sks4"));
    }
}
