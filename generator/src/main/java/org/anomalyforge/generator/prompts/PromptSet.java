package org.anomalyforge.generator.prompts;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.anomalyforge.generator.tokenizer.Tokenizer;

/**
 * All prompts of one product (seas.md §2.2, §4.3–4.4), built from its defect types in code-point order: type k
 * owns {@code sks{4k+1} … sks{4k+4}}. Generation resolves a type through this list (the checkpoint
 * manifest's), never through a re-scan of the folder. Immutable.
 *
 * <p>Typical use:
 * <pre>{@code
 * PromptSet prompts = PromptSet.of(manifest.defectTypes());
 * Tokenizer tokenizer = prompts.addTokensTo(baseTokenizer);      // ob1, sks1 … sks4T appended
 * List<AddedTokenRow> rows = prompts.addedTokenRows(tokenizer);     // for the text encoder's new rows
 * TokenPositions where = prompts.positions(k, tokenizer);       // ob1 at 2, sks at 4..7
 * }</pre>
 */
public final class PromptSet {

    /** The prompt of normal images: {@code a ob1} → BOS, a, ob1, EOS, padding. */
    public static final String NORMAL_PROMPT = "a " + PromptTokens.NORMAL_TOKEN;
    /** The unconditional prompt of classifier-free guidance: BOS, EOS, padding. */
    public static final String UNCONDITIONAL_PROMPT = "";
    /** The folder of normal images, which is never a defect type. */
    public static final String NORMAL_FOLDER = "good";

    private final List<String> defectTypes;
    private final List<UnbalancedPrompt> prompts;

    private PromptSet(List<String> defectTypes) {
        this.defectTypes = List.copyOf(defectTypes);
        List<UnbalancedPrompt> list = new ArrayList<>(defectTypes.size());
        for (int k = 0; k < defectTypes.size(); k++) {
            list.add(UnbalancedPrompt.of(k, defectTypes.get(k)));
        }
        this.prompts = List.copyOf(list);
    }

    /**
     * The prompt set of a product.
     *
     * @param defectTypes the defect types, already in code-point order (the manifest's list); non-empty, no
     *                    duplicates, no {@code good}
     */
    public static PromptSet of(List<String> defectTypes) {
        Objects.requireNonNull(defectTypes, "defectTypes");
        if (defectTypes.isEmpty()) {
            throw new IllegalArgumentException("defectTypes must not be empty: a product needs at least one defect "
                    + "type");
        }
        Map<String, Integer> seen = new HashMap<>();
        for (int k = 0; k < defectTypes.size(); k++) {
            String type = defectTypes.get(k);
            if (type == null || type.isEmpty()) {
                throw new IllegalArgumentException("defect type at index " + k + " must be a non-empty name, got '"
                        + type + "'");
            }
            if (type.equals(NORMAL_FOLDER)) {
                throw new IllegalArgumentException("defect type at index " + k + " must not be '" + NORMAL_FOLDER
                        + "', the folder of normal images");
            }
            Integer earlier = seen.putIfAbsent(type, k);
            if (earlier != null) {
                throw new IllegalArgumentException("defect type '" + type + "' appears twice (indices " + earlier
                        + " and " + k + ")");
            }
            if (k > 0 && DefectTypeOrder.CODE_POINT.compare(defectTypes.get(k - 1), type) > 0) {
                throw new IllegalArgumentException("defectTypes must be in code-point order (seas.md §2.2): '"
                        + defectTypes.get(k - 1) + "' at index " + (k - 1) + " sorts after '" + type + "'");
            }
        }
        return new PromptSet(defectTypes);
    }

    /** The defect types in code-point order; index = type k. */
    public List<String> defectTypes() {
        return defectTypes;
    }

    /** T, the number of defect types. */
    public int typeCount() {
        return defectTypes.size();
    }

    /** All UA prompts, index = type k. */
    public List<UnbalancedPrompt> prompts() {
        return prompts;
    }

    /** The UA prompt of type k. */
    public UnbalancedPrompt prompt(int typeIndex) {
        if (typeIndex < 0 || typeIndex >= prompts.size()) {
            throw new IllegalArgumentException("typeIndex must be in [0, " + prompts.size() + "), got " + typeIndex);
        }
        return prompts.get(typeIndex);
    }

    /** The UA prompt of the type named {@code defectType}. */
    public UnbalancedPrompt prompt(String defectType) {
        int k = defectTypes.indexOf(defectType);
        if (k < 0) {
            throw new IllegalArgumentException("unknown defect type '" + defectType + "'; known: " + defectTypes);
        }
        return prompts.get(k);
    }

    /** The tokens to append to the base tokenizer, in id order: {@code ob1, sks1, …, sks{4T}}. */
    public List<String> newTokens() {
        List<String> tokens = new ArrayList<>(1 + PromptTokens.ANOMALY_TOKENS_PER_TYPE * typeCount());
        tokens.add(PromptTokens.NORMAL_TOKEN);
        for (UnbalancedPrompt prompt : prompts) {
            tokens.addAll(prompt.anomalyTokens());
        }
        return List.copyOf(tokens);
    }

    /** {@code base} with {@link #newTokens()} appended (sd14: ob1 = 49408, sks{j} = 49408 + j; tiny: 7, 7 + j). */
    public Tokenizer addTokensTo(Tokenizer base) {
        return base.withAddedTokens(newTokens());
    }

    /**
     * One row per new token, in id order, with the word it is initialised from (seas.md §4.4).
     *
     * @param tokenizer a tokenizer whose added tokens are exactly {@link #newTokens()}
     */
    public List<AddedTokenRow> addedTokenRows(Tokenizer tokenizer) {
        requireTokensAdded(tokenizer);
        int objectId = tokenizer.tokenId(PromptTokens.NORMAL_INIT_WORD);
        int defectId = tokenizer.tokenId(PromptTokens.ANOMALY_INIT_WORD);
        List<AddedTokenRow> rows = new ArrayList<>();
        for (String token : newTokens()) {
            boolean normal = token.equals(PromptTokens.NORMAL_TOKEN);
            rows.add(new AddedTokenRow(token, tokenizer.tokenId(token),
                    normal ? PromptTokens.NORMAL_INIT_WORD : PromptTokens.ANOMALY_INIT_WORD,
                    normal ? objectId : defectId));
        }
        return List.copyOf(rows);
    }

    /** The positions of {@code ob1} and type k's anomaly tokens in its encoded UA prompt, checked (2; 4..7). */
    public TokenPositions positions(int typeIndex, Tokenizer tokenizer) {
        requireTokensAdded(tokenizer);
        UnbalancedPrompt prompt = prompt(typeIndex);
        int[] anomalyIds = prompt.anomalyTokens().stream().mapToInt(tokenizer::tokenId).toArray();
        return TokenPositions.derive(tokenizer.encode(prompt.text()), tokenizer.tokenId(PromptTokens.NORMAL_TOKEN),
                anomalyIds).requireUnbalancedLayout();
    }

    /** The position of {@code ob1} in the encoded normal prompt {@code a ob1}, checked (2). */
    public TokenPositions normalPositions(Tokenizer tokenizer) {
        requireTokensAdded(tokenizer);
        return TokenPositions.derive(tokenizer.encode(NORMAL_PROMPT), tokenizer.tokenId(PromptTokens.NORMAL_TOKEN),
                new int[0]).requireUnbalancedLayout();
    }

    /** Fails unless the tokenizer's added tokens are exactly {@link #newTokens()}, in order. */
    public void requireTokensAdded(Tokenizer tokenizer) {
        Objects.requireNonNull(tokenizer, "tokenizer");
        if (!tokenizer.addedTokens().equals(newTokens())) {
            throw new IllegalArgumentException("tokenizer's added tokens must be exactly " + newTokens()
                    + " in this order (seas.md §4.3), got " + tokenizer.addedTokens());
        }
    }
}
