package org.anomalyforge.generator.tokenizer;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Whole-word tokens appended after a base vocabulary (HF's {@code added_tokens}): token i gets id
 * {@code firstId + i}. Immutable.
 */
final class AddedTokens {

    private final int firstId;
    private final List<String> tokens;
    private final Map<String, Integer> ids;

    private AddedTokens(int firstId, List<String> tokens) {
        this.firstId = firstId;
        this.tokens = List.copyOf(tokens);
        Map<String, Integer> map = new LinkedHashMap<>();
        for (int i = 0; i < tokens.size(); i++) {
            map.put(tokens.get(i), firstId + i);
        }
        this.ids = Collections.unmodifiableMap(map);
    }

    /** No added tokens yet; the first one will get {@code firstId} (the base vocabulary size). */
    static AddedTokens none(int firstId) {
        return new AddedTokens(firstId, List.of());
    }

    /**
     * These tokens followed by {@code more}.
     *
     * @param inBase tells whether a token is already one token of the base vocabulary (then adding it is an
     *               error: it would shadow that row)
     */
    AddedTokens append(List<String> more, Predicate<String> inBase) {
        if (more == null || more.isEmpty()) {
            throw new IllegalArgumentException("tokens to add must not be empty");
        }
        List<String> all = new ArrayList<>(tokens);
        for (String token : more) {
            validate(token);
            if (all.contains(token)) {
                throw new IllegalArgumentException("added token '" + token + "' is already an added token (id "
                        + (firstId + all.indexOf(token)) + ")");
            }
            if (inBase.test(token)) {
                throw new IllegalArgumentException("added token '" + token + "' is already a single token of the "
                        + "base vocabulary");
            }
            all.add(token);
        }
        return new AddedTokens(firstId, all);
    }

    /** The id of {@code word} if it is an added token, else −1. */
    int idOf(String word) {
        Integer id = ids.get(word);
        return id == null ? -1 : id;
    }

    /** The token with {@code id}, or null if the id is not an added token's. */
    String tokenOf(int id) {
        int index = id - firstId;
        return index >= 0 && index < tokens.size() ? tokens.get(index) : null;
    }

    int firstId() {
        return firstId;
    }

    int size() {
        return tokens.size();
    }

    List<String> tokens() {
        return tokens;
    }

    private static void validate(String token) {
        if (token == null || token.isEmpty()) {
            throw new IllegalArgumentException("added token must be a non-empty word, got '" + token + "'");
        }
        if (TextNormalizer.containsWhitespace(token)) {
            throw new IllegalArgumentException("added token must not contain whitespace, got '" + token + "'");
        }
        if (!TextNormalizer.normalize(token).equals(token)) {
            throw new IllegalArgumentException("added token must be lower case (prompts are lower-cased before "
                    + "matching), got '" + token + "'");
        }
    }
}
