package org.anomalyforge.generator.tokenizer;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tiny profile's word-level tokenizer (seas.md §4.2): a fixed base vocabulary
 * 0 {@code <|startoftext|>}, 1 {@code <|endoftext|>} (also pad), 2 {@code <unk>}, 3 {@code a}, 4 {@code with},
 * 5 {@code object}, 6 {@code defect}; added tokens follow (7 {@code ob1}, then {@code sks1 … sks4T}), so
 * V = 8 + 4T. Text is normalised and split on whitespace as in §4.1; every word is looked up whole, and an
 * unknown word becomes {@code <unk>} with a warning. Saved as {@code tokenizer/vocab.json} (word → id).
 * Immutable and thread-safe.
 */
public final class WordLevelTokenizer implements Tokenizer {

    /** The base vocabulary in id order. */
    public static final List<String> BASE_WORDS =
            List.of("<|startoftext|>", "<|endoftext|>", "<unk>", "a", "with", "object", "defect");
    /** Id of {@code <unk>}. */
    public static final int UNK_ID = 2;

    private static final System.Logger LOG = System.getLogger(WordLevelTokenizer.class.getName());

    private final AddedTokens added;
    private final List<String> words;
    private final Map<String, Integer> ids;
    private final ContextWindow window;

    private WordLevelTokenizer(AddedTokens added, int contextLength) {
        this.added = added;
        List<String> all = new ArrayList<>(BASE_WORDS);
        all.addAll(added.tokens());
        this.words = List.copyOf(all);
        Map<String, Integer> map = new HashMap<>();
        for (int id = 0; id < words.size(); id++) {
            map.put(words.get(id), id);
        }
        this.ids = Map.copyOf(map);
        this.window = new ContextWindow(contextLength, 0, 1, 1);
    }

    /** The 7-word base vocabulary. */
    public static WordLevelTokenizer base(int contextLength) {
        return new WordLevelTokenizer(AddedTokens.none(BASE_WORDS.size()), contextLength);
    }

    /**
     * A tokenizer from a saved vocabulary: ids must be 0 … V−1, the first 7 must be {@link #BASE_WORDS}, and
     * the rest are the added tokens.
     */
    public static WordLevelTokenizer fromVocabulary(Map<String, Integer> vocab, int contextLength) {
        String[] byId = new String[vocab.size()];
        for (Map.Entry<String, Integer> entry : vocab.entrySet()) {
            Integer id = entry.getValue();
            if (id == null || id < 0 || id >= byId.length || byId[id] != null) {
                throw new IllegalArgumentException("word-level vocabulary ids must be 0 … " + (byId.length - 1)
                        + ", each once; got " + id + " for '" + entry.getKey() + "'");
            }
            byId[id] = entry.getKey();
        }
        for (int id = 0; id < BASE_WORDS.size(); id++) {
            String found = id < byId.length ? byId[id] : null;
            if (!BASE_WORDS.get(id).equals(found)) {
                throw new IllegalArgumentException("word-level vocabulary id " + id + " must be '"
                        + BASE_WORDS.get(id) + "' (seas.md §4.2), got " + (found == null ? "nothing" : "'" + found
                        + "'"));
            }
        }
        WordLevelTokenizer base = base(contextLength);
        List<String> added = List.of(byId).subList(BASE_WORDS.size(), byId.length);
        return added.isEmpty() ? base : base.withAddedTokens(added);
    }

    /** Reads {@code tokenizer/vocab.json}. */
    public static WordLevelTokenizer read(Path vocabJson, int contextLength) throws IOException {
        Map<String, Integer> vocab = TokenizerFiles.readTokenMap(vocabJson);
        try {
            return fromVocabulary(vocab, contextLength);
        } catch (IllegalArgumentException e) {
            throw new TokenizerFileException(vocabJson + ": " + e.getMessage(), e);
        }
    }

    /** Writes {@code tokenizer/vocab.json} (word → id, in id order). */
    public void write(Path vocabJson) throws IOException {
        Map<String, Integer> map = new LinkedHashMap<>();
        for (int id = 0; id < words.size(); id++) {
            map.put(words.get(id), id);
        }
        TokenizerFiles.writeTokenMap(map, vocabJson);
    }

    @Override
    public int[] tokenize(String text) {
        List<String> split = TextNormalizer.words(text);
        int[] result = new int[split.size()];
        for (int i = 0; i < result.length; i++) {
            String word = split.get(i);
            Integer id = ids.get(word);
            if (id == null) {
                LOG.log(Level.WARNING, () -> "unknown word '" + word + "' maps to <unk> (id " + UNK_ID + ")");
                result[i] = UNK_ID;
            } else {
                result[i] = id;
            }
        }
        return result;
    }

    @Override
    public String decode(int[] tokenIds) {
        List<String> out = new ArrayList<>();
        for (int id : tokenIds) {
            if (id < 0 || id >= words.size()) {
                throw new IllegalArgumentException("token id must be in [0, " + words.size() + "), got " + id);
            }
            if (!window.isSpecial(id)) {
                out.add(words.get(id));
            }
        }
        return String.join(" ", out);
    }

    @Override
    public int tokenId(String token) {
        Integer id = ids.get(TextNormalizer.normalize(token));
        if (id == null) {
            throw new IllegalArgumentException("'" + token + "' is not in the word-level vocabulary");
        }
        return id;
    }

    @Override
    public int vocabSize() {
        return words.size();
    }

    @Override
    public WordLevelTokenizer withAddedTokens(List<String> tokens) {
        return new WordLevelTokenizer(added.append(tokens, BASE_WORDS::contains), window.contextLength());
    }

    @Override
    public List<String> addedTokens() {
        return added.tokens();
    }

    @Override
    public ContextWindow contextWindow() {
        return window;
    }
}
