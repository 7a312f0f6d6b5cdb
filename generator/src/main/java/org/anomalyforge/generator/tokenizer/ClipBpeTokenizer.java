package org.anomalyforge.generator.tokenizer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * SD-1.4's CLIP tokenizer in pure Java (seas.md §4.1), equal to openai/CLIP's {@code SimpleTokenizer} and HF's
 * {@code CLIPTokenizer} on our prompts:
 * <ol>
 *   <li>{@link TextNormalizer}: collapse whitespace, trim, lower-case;</li>
 *   <li>split into words; a word equal to an added token is that token's id (whole-word match);</li>
 *   <li>{@link ClipPreTokenizer}: the CLIP regex cuts the other words into pieces;</li>
 *   <li>{@link ByteUnicodeTable}: each piece's UTF-8 bytes become printable characters, the last gets
 *       {@code </w>};</li>
 *   <li>{@link BpeMerges}: lowest-rank-first merging;</li>
 *   <li>look-up in {@code vocab.json}; {@code <|startoftext|>}/{@code <|endoftext|>} map straight to their
 *       ids;</li>
 *   <li>{@link ContextWindow}: BOS + first 75 ids + EOS, padded with EOS to 77.</li>
 * </ol>
 * A symbol missing from the vocabulary is an error (HF would silently map it to {@code <|endoftext|>}); with
 * CLIP's complete byte alphabet it cannot happen. Immutable and thread-safe.
 */
public final class ClipBpeTokenizer implements Tokenizer {

    /** CLIP's BOS token (id 49406 in SD-1.4's vocabulary). */
    public static final String START_OF_TEXT = "<|startoftext|>";
    /** CLIP's EOS and pad token (id 49407 in SD-1.4's vocabulary). */
    public static final String END_OF_TEXT = "<|endoftext|>";

    private final Map<String, Integer> vocab;
    private final String[] symbols;
    private final BpeMerges merges;
    private final AddedTokens added;
    private final ContextWindow window;

    private ClipBpeTokenizer(Map<String, Integer> vocab, String[] symbols, BpeMerges merges, AddedTokens added,
            ContextWindow window) {
        this.vocab = vocab;
        this.symbols = symbols;
        this.merges = merges;
        this.added = added;
        this.window = window;
    }

    /**
     * Builds the tokenizer from a vocabulary and ranked merges.
     *
     * @param vocab  symbol → id; ids must be exactly 0 … size−1 and include both special tokens
     * @param pairs  merge pairs in rank order
     * @param source names the files in error messages
     */
    static ClipBpeTokenizer of(Map<String, Integer> vocab, List<String[]> pairs, String source)
            throws TokenizerFileException {
        String[] symbols = new String[vocab.size()];
        for (Map.Entry<String, Integer> entry : vocab.entrySet()) {
            int id = entry.getValue();
            if (id >= symbols.length) {
                throw new TokenizerFileException(source + ": ids must be 0 … " + (symbols.length - 1)
                        + " (one per entry), got " + id + " for '" + entry.getKey() + "'");
            }
            if (symbols[id] != null) {
                throw new TokenizerFileException(source + ": id " + id + " is used by both '" + symbols[id]
                        + "' and '" + entry.getKey() + "'");
            }
            symbols[id] = entry.getKey();
        }
        Integer bos = vocab.get(START_OF_TEXT);
        Integer eos = vocab.get(END_OF_TEXT);
        if (bos == null || eos == null) {
            throw new TokenizerFileException(source + ": vocabulary must contain " + START_OF_TEXT + " and "
                    + END_OF_TEXT);
        }
        BpeMerges ranked;
        try {
            ranked = new BpeMerges(pairs);
        } catch (IllegalArgumentException e) {
            throw new TokenizerFileException(source + ": " + e.getMessage(), e);
        }
        return new ClipBpeTokenizer(Map.copyOf(vocab), symbols, ranked, AddedTokens.none(symbols.length),
                new ContextWindow(ContextWindow.CLIP_CONTEXT_LENGTH, bos, eos, eos));
    }

    /** Reads {@code vocab.json} and {@code merges.txt} from streams; {@code source} names them in errors. */
    public static ClipBpeTokenizer fromStreams(InputStream vocabJson, InputStream mergesTxt, String source)
            throws IOException {
        Objects.requireNonNull(vocabJson, "vocabJson");
        Objects.requireNonNull(mergesTxt, "mergesTxt");
        Map<String, Integer> vocab = TokenizerFiles.readTokenMap(vocabJson, source + " vocab.json");
        List<String[]> pairs = TokenizerFiles.readMerges(mergesTxt, source + " merges.txt");
        return of(vocab, pairs, source);
    }

    /** Reads a {@code vocab.json} and a {@code merges.txt} file. */
    public static ClipBpeTokenizer fromFiles(Path vocabJson, Path mergesTxt) throws IOException {
        Map<String, Integer> vocab = TokenizerFiles.readTokenMap(vocabJson);
        List<String[]> pairs;
        try (InputStream in = Files.newInputStream(mergesTxt)) {
            pairs = TokenizerFiles.readMerges(in, mergesTxt.toString());
        }
        return of(vocab, pairs, vocabJson + " / " + mergesTxt);
    }

    /**
     * Reads a tokenizer folder: {@code vocab.json}, {@code merges.txt} and, if present, {@code added_tokens.json}
     * (our checkpoint layout, seas.md §10.1), whose ids must continue the vocabulary without gaps.
     */
    public static ClipBpeTokenizer fromDirectory(Path dir) throws IOException {
        ClipBpeTokenizer base = fromFiles(dir.resolve("vocab.json"), dir.resolve("merges.txt"));
        Path addedFile = dir.resolve("added_tokens.json");
        if (!Files.exists(addedFile)) {
            return base;
        }
        Map<String, Integer> addedMap = TokenizerFiles.readTokenMap(addedFile);
        if (addedMap.isEmpty()) {
            return base;
        }
        String[] ordered = new String[addedMap.size()];
        for (Map.Entry<String, Integer> entry : addedMap.entrySet()) {
            int index = entry.getValue() - base.vocabSize();
            if (index < 0 || index >= ordered.length || ordered[index] != null) {
                throw new TokenizerFileException(addedFile + ": ids must be " + base.vocabSize() + " … "
                        + (base.vocabSize() + ordered.length - 1) + ", each once; got " + entry.getValue()
                        + " for '" + entry.getKey() + "'");
            }
            ordered[index] = entry.getKey();
        }
        try {
            return base.withAddedTokens(List.of(ordered));
        } catch (IllegalArgumentException e) {
            throw new TokenizerFileException(addedFile + ": " + e.getMessage(), e);
        }
    }

    /** Writes the added tokens as HF's {@code added_tokens.json} (token → id, in id order). */
    public void writeAddedTokens(Path file) throws IOException {
        Map<String, Integer> map = new LinkedHashMap<>();
        for (String token : added.tokens()) {
            map.put(token, added.idOf(token));
        }
        TokenizerFiles.writeTokenMap(map, file);
    }

    /** Number of ranked merges in use (48,894 for SD-1.4). */
    public int mergeCount() {
        return merges.size();
    }

    @Override
    public int[] tokenize(String text) {
        List<Integer> ids = new ArrayList<>();
        for (String word : TextNormalizer.words(text)) {
            int addedId = added.idOf(word);
            if (addedId >= 0) {
                ids.add(addedId);
            } else {
                ids.addAll(baseIds(word));
            }
        }
        return ids.stream().mapToInt(Integer::intValue).toArray();
    }

    @Override
    public String decode(int[] ids) {
        StringBuilder text = new StringBuilder();
        StringBuilder pending = new StringBuilder();
        for (int id : ids) {
            if (window.isSpecial(id)) {
                continue;
            }
            String token = added.tokenOf(id);
            if (token != null) {
                flush(pending, text);
                text.append(token).append(' ');
            } else if (id >= 0 && id < symbols.length) {
                pending.append(symbols[id]);
            } else {
                throw new IllegalArgumentException("token id must be in [0, " + vocabSize() + "), got " + id);
            }
        }
        flush(pending, text);
        return TextNormalizer.normalize(text.toString());
    }

    @Override
    public int tokenId(String token) {
        int[] ids = tokenize(token);
        if (ids.length != 1) {
            throw new IllegalArgumentException("'" + token + "' is " + ids.length + " tokens, not one");
        }
        return ids[0];
    }

    @Override
    public int vocabSize() {
        return symbols.length + added.size();
    }

    @Override
    public ClipBpeTokenizer withAddedTokens(List<String> tokens) {
        AddedTokens more = added.append(tokens, word -> baseIds(word).size() == 1);
        return new ClipBpeTokenizer(vocab, symbols, merges, more, window);
    }

    @Override
    public List<String> addedTokens() {
        return added.tokens();
    }

    @Override
    public ContextWindow contextWindow() {
        return window;
    }

    /** The vocabulary ids of one normalised word, ignoring added tokens. */
    private List<Integer> baseIds(String word) {
        List<Integer> ids = new ArrayList<>();
        for (String piece : ClipPreTokenizer.split(word)) {
            if (piece.equals(START_OF_TEXT) || piece.equals(END_OF_TEXT)) {
                ids.add(vocab.get(piece));
                continue;
            }
            for (String symbol : merges.apply(ByteUnicodeTable.encode(piece))) {
                Integer id = vocab.get(symbol);
                if (id == null) {
                    throw new IllegalArgumentException("BPE symbol '" + symbol + "' of word '" + word
                            + "' is not in vocab.json");
                }
                ids.add(id);
            }
        }
        return ids;
    }

    private static void flush(StringBuilder pending, StringBuilder text) {
        if (pending.length() > 0) {
            text.append(ByteUnicodeTable.decode(pending.toString()).replace(BpeMerges.END_OF_WORD, " "));
            pending.setLength(0);
        }
    }
}
