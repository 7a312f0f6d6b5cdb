package org.anomalyforge.generator.tokenizer;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CLIP's pre-tokeniser regex (seas.md §4.1 step 3), which cuts a normalised word into BPE pieces:
 * <pre>{@code <\|startoftext\|>|<\|endoftext\|>|'s|'t|'re|'ve|'m|'ll|'d|\p{L}+|\p{N}|[^\s\p{L}\p{N}]+}</pre>
 * Letters stay together, every digit is its own piece, runs of other symbols stay together, and the English
 * contractions split off ({@code it's} → {@code it}, {@code 's}). Characters matching none of the
 * alternatives (only whitespace) are dropped, as {@code re.findall} does.
 */
final class ClipPreTokenizer {

    /** Java's {@code \p{L}}/{@code \p{N}} are the Unicode categories, like Python's {@code regex} module. */
    private static final Pattern PIECES = Pattern.compile(
            "<\\|startoftext\\|>|<\\|endoftext\\|>|'s|'t|'re|'ve|'m|'ll|'d|\\p{L}+|\\p{N}|[^\\s\\p{L}\\p{N}]+",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS);

    private ClipPreTokenizer() {
    }

    /** The pieces of {@code text} in order. */
    static List<String> split(String text) {
        List<String> pieces = new ArrayList<>();
        Matcher matcher = PIECES.matcher(text);
        while (matcher.find()) {
            pieces.add(matcher.group());
        }
        return pieces;
    }
}
