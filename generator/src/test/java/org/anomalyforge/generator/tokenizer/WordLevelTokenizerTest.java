package org.anomalyforge.generator.tokenizer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** seas.md §4.2: the tiny profile's word-level tokenizer. */
class WordLevelTokenizerTest {

    private static final List<String> T2_TOKENS =
            List.of("ob1", "sks1", "sks2", "sks3", "sks4", "sks5", "sks6", "sks7", "sks8");

    @TempDir
    Path dir;

    @Test
    void baseVocabularyHasTheSpecIds() {
        WordLevelTokenizer base = WordLevelTokenizer.base(77);
        assertEquals(7, base.vocabSize());
        assertEquals(0, base.bosId());
        assertEquals(1, base.eosId());
        assertEquals(1, base.padId());
        assertEquals(3, base.tokenId("a"));
        assertEquals(4, base.tokenId("with"));
        assertEquals(5, base.tokenId("object"));
        assertEquals(6, base.tokenId("defect"));
        assertEquals(2, base.tokenId("<unk>"));
    }

    @Test
    void addedTokensFollowAndVocabularyIsEightPlusFourT() {
        WordLevelTokenizer tokenizer = WordLevelTokenizer.base(77).withAddedTokens(T2_TOKENS);
        assertEquals(8 + 4 * 2, tokenizer.vocabSize());
        assertEquals(7, tokenizer.tokenId("ob1"));
        assertEquals(8, tokenizer.tokenId("sks1"));
        assertEquals(15, tokenizer.tokenId("sks8"));
        int[] ids = tokenizer.encode("A ob1  with sks5 sks6 sks7 sks8");
        assertEquals(77, ids.length);
        assertArrayEquals(new int[] {0, 3, 7, 4, 12, 13, 14, 15, 1, 1}, Arrays.copyOf(ids, 10));
        assertEquals(1, ids[76]);
    }

    @Test
    void roundTripAndUnknownWords() {
        WordLevelTokenizer tokenizer = WordLevelTokenizer.base(77).withAddedTokens(T2_TOKENS);
        String prompt = "a ob1 with sks1 sks2 sks3 sks4";
        assertEquals(prompt, tokenizer.decode(tokenizer.encode(prompt)));
        assertArrayEquals(new int[] {3, 2, 7}, tokenizer.tokenize("a photo ob1"));
        assertEquals("a <unk> ob1", tokenizer.decode(tokenizer.encode("a photo ob1")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> tokenizer.tokenId("photo"));
        assertEquals("'photo' is not in the word-level vocabulary", e.getMessage());
    }

    @Test
    void contextLengthComesFromTheCaller() {
        WordLevelTokenizer short8 = WordLevelTokenizer.base(8);
        assertArrayEquals(new int[] {0, 3, 3, 3, 3, 3, 3, 1}, short8.encode("a a a a a a a a a"));
        assertArrayEquals(new int[] {0, 1, 1, 1, 1, 1, 1, 1}, short8.encode(""));
    }

    @Test
    void saveAndReadVocabJson() throws IOException {
        WordLevelTokenizer tokenizer = WordLevelTokenizer.base(77).withAddedTokens(T2_TOKENS);
        Path file = dir.resolve("vocab.json");
        tokenizer.write(file);
        WordLevelTokenizer reloaded = WordLevelTokenizer.read(file, 77);
        assertEquals(T2_TOKENS, reloaded.addedTokens());
        assertArrayEquals(tokenizer.encode("a ob1 with sks1"), reloaded.encode("a ob1 with sks1"));
        assertEquals(true, Files.readString(file).contains("\"sks8\" : 15"));
    }

    @Test
    void malformedVocabulariesAreRejected() throws IOException {
        Map<String, Integer> swapped = new LinkedHashMap<>();
        for (int id = 0; id < WordLevelTokenizer.BASE_WORDS.size(); id++) {
            swapped.put(WordLevelTokenizer.BASE_WORDS.get(id), id);
        }
        swapped.put("a", 4);
        swapped.put("with", 3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> WordLevelTokenizer.fromVocabulary(swapped, 77));
        assertEquals("word-level vocabulary id 3 must be 'a' (seas.md §4.2), got 'with'", e.getMessage());
        Path file = dir.resolve("gap.json");
        Files.writeString(file, "{\"<|startoftext|>\": 0, \"<|endoftext|>\": 5}");
        TokenizerFileException io = assertThrows(TokenizerFileException.class, () -> WordLevelTokenizer.read(file, 77));
        assertEquals(file + ": word-level vocabulary ids must be 0 … 1, each once; got 5 for '<|endoftext|>'",
                io.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> WordLevelTokenizer.base(77).withAddedTokens(List.of("defect")));
        assertEquals("added token 'defect' is already a single token of the base vocabulary", e.getMessage());
    }
}
