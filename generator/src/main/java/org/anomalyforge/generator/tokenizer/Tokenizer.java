package org.anomalyforge.generator.tokenizer;

import java.util.List;

/**
 * Text → token ids for a CLIP-style text encoder (seas.md §4). Implementations are immutable.
 *
 * <p>Sequence layout of {@link #encode}: position 0 is BOS, then at most {@code contextLength − 2} content ids,
 * then EOS, then EOS again as padding up to {@link #contextLength()} (77): exactly what HF's
 * {@code CLIPTokenizer(padding="max_length", truncation=True, max_length=77)} returns.
 */
public interface Tokenizer {

    /** The content ids of {@code text}: normalised, split, looked up; no BOS/EOS, not truncated. */
    int[] tokenize(String text);

    /** BOS + the first {@code contextLength − 2} content ids + EOS, padded with {@link #padId()}; length 77. */
    default int[] encode(String text) {
        return contextWindow().frame(tokenize(text));
    }

    /**
     * Turns ids back into text: special tokens are skipped, words are joined by single spaces. For the BPE
     * tokenizer the result is the normalised (lower-cased) text.
     */
    String decode(int[] ids);

    /** The id of a text that is exactly one token (a vocabulary word or an added token). */
    int tokenId(String token);

    /** Number of embedding rows the text encoder needs: base vocabulary plus added tokens. */
    int vocabSize();

    /** A new tokenizer with {@code tokens} appended as whole-word tokens with ids vocabSize(), vocabSize()+1, …. */
    Tokenizer withAddedTokens(List<String> tokens);

    /** The added tokens in id order (the first has id {@code vocabSize() − addedTokens().size()}). */
    List<String> addedTokens();

    /** BOS, EOS/pad ids and the context length. */
    ContextWindow contextWindow();

    /** The sequence length of {@link #encode} (77). */
    default int contextLength() {
        return contextWindow().contextLength();
    }

    /** The id at position 0 of every sequence. */
    default int bosId() {
        return contextWindow().bosId();
    }

    /** The id after the content. */
    default int eosId() {
        return contextWindow().eosId();
    }

    /** The id filling the rest of the sequence (EOS for CLIP). */
    default int padId() {
        return contextWindow().padId();
    }
}
