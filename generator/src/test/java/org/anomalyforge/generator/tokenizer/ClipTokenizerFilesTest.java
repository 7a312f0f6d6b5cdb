package org.anomalyforge.generator.tokenizer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tokenizer folder (vocab.json, merges.txt, added_tokens.json) and its error messages. */
class ClipTokenizerFilesTest {

    @TempDir
    Path dir;

    private void copyFixture() throws IOException {
        for (String name : List.of("vocab.json", "merges.txt")) {
            try (InputStream in = getClass().getResourceAsStream("/tokenizer/mini-clip/" + name)) {
                Files.copy(in, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    @Test
    void addedTokensRoundTripThroughTheFolder() throws IOException {
        copyFixture();
        ClipBpeTokenizer withAdded = ClipBpeTokenizer.fromDirectory(dir)
                .withAddedTokens(List.of("ob1", "sks1", "sks2", "sks3", "sks4"));
        withAdded.writeAddedTokens(dir.resolve("added_tokens.json"));
        ClipBpeTokenizer reloaded = ClipBpeTokenizer.fromDirectory(dir);
        assertEquals(withAdded.addedTokens(), reloaded.addedTokens());
        assertEquals(540, reloaded.vocabSize());
        assertArrayEquals(withAdded.encode("a ob1 with sks1 sks2 sks3 sks4"),
                reloaded.encode("a ob1 with sks1 sks2 sks3 sks4"));
    }

    @Test
    void addedTokensWithAGapAreRejected() throws IOException {
        copyFixture();
        Files.writeString(dir.resolve("added_tokens.json"), "{\"ob1\": 535, \"sks1\": 537}");
        TokenizerFileException e =
                assertThrows(TokenizerFileException.class, () -> ClipBpeTokenizer.fromDirectory(dir));
        assertEquals(dir.resolve("added_tokens.json") + ": ids must be 535 … 536, each once; got 537 for 'sks1'",
                e.getMessage());
    }

    @Test
    void mergesFileErrorsNameTheLine() {
        TokenizerFileException e = assertThrows(TokenizerFileException.class,
                () -> TokenizerFiles.readMerges(stream("l o\n"), "m.txt"));
        assertEquals("m.txt: line 1 must be the '#version' header, got 'l o'", e.getMessage());
        e = assertThrows(TokenizerFileException.class,
                () -> TokenizerFiles.readMerges(stream("#version: 0.2\nl o\nlow\n"), "m.txt"));
        assertEquals("m.txt: line 3 must be two symbols separated by one space, got 'low'", e.getMessage());
        e = assertThrows(TokenizerFileException.class,
                () -> ClipBpeTokenizer.fromStreams(stream("{\"a\": 0, \"<|startoftext|>\": 1, \"<|endoftext|>\": 2}"),
                        stream("#version: 0.2\na b\na b\n"), "dup"));
        assertEquals("dup: merge 'a b' at rank 1 repeats rank 0", e.getMessage());
    }

    @Test
    void vocabularyErrorsNameTheEntry() {
        TokenizerFileException e = assertThrows(TokenizerFileException.class,
                () -> ClipBpeTokenizer.fromStreams(stream("{\"a\": 0, \"b\": 0}"), stream("#version: 0.2\n"), "v"));
        assertEquals("v: id 0 is used by both 'a' and 'b'", e.getMessage());
        e = assertThrows(TokenizerFileException.class,
                () -> ClipBpeTokenizer.fromStreams(stream("{\"a\": 0, \"b\": 1}"), stream("#version: 0.2\n"), "v"));
        assertEquals("v: vocabulary must contain <|startoftext|> and <|endoftext|>", e.getMessage());
        e = assertThrows(TokenizerFileException.class,
                () -> ClipBpeTokenizer.fromStreams(stream("[1, 2]"), stream("#version: 0.2\n"), "v"));
        assertEquals(true, e.getMessage().startsWith("v vocab.json: must be a JSON object of token → integer id"),
                e.getMessage());
    }

    @Test
    void symbolMissingFromTheVocabularyIsAnError() throws IOException {
        ClipBpeTokenizer tiny = ClipBpeTokenizer.fromStreams(
                stream("{\"a</w>\": 0, \"<|startoftext|>\": 1, \"<|endoftext|>\": 2}"), stream("#version: 0.2\n"), "t");
        assertArrayEquals(new int[] {0}, tiny.tokenize("a"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> tiny.tokenize("b"));
        assertEquals("BPE symbol 'b</w>' of word 'b' is not in vocab.json", e.getMessage());
    }

    private static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
