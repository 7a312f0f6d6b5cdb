package org.anomalyforge.generator.tokenizer;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * seas.md §4.1 step 1–2: collapse every run of whitespace to one space, trim, lower-case, split into words.
 *
 * <p>CLIP also runs ftfy and HTML unescaping first; both leave our prompts (ASCII words and digits) unchanged,
 * so they are omitted. Whitespace is Python's {@code str.isspace} set, i.e. Unicode White_Space plus the
 * separators U+001C–U+001F that {@code re}'s {@code \s} also matches; lower-casing uses the locale-independent
 * Unicode mapping, like Python's {@code str.lower}.
 */
public final class TextNormalizer {

    private static final Pattern WHITESPACE = Pattern.compile("[\\s\\x1c-\\x1f]+", Pattern.UNICODE_CHARACTER_CLASS);

    private TextNormalizer() {
    }

    /** The normalised text: single spaces between words, none at the ends, lower case. */
    public static String normalize(String text) {
        if (text == null) {
            throw new IllegalArgumentException("text must not be null");
        }
        // After the collapse the only whitespace left is single ' ' characters, which strip() removes.
        return WHITESPACE.matcher(text).replaceAll(" ").strip().toLowerCase(Locale.ROOT);
    }

    /** The words of the normalised text; empty for blank text. */
    public static List<String> words(String text) {
        String normalized = normalize(text);
        return normalized.isEmpty() ? List.of() : List.of(normalized.split(" "));
    }

    /** Whether {@code token} contains any character {@link #normalize} treats as whitespace. */
    static boolean containsWhitespace(String token) {
        return WHITESPACE.matcher(token).find();
    }
}
