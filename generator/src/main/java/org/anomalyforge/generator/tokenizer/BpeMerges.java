package org.anomalyforge.generator.tokenizer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The ranked merge list of a byte-level BPE ({@code merges.txt}) and the merge loop of openai/CLIP's
 * {@code SimpleTokenizer.bpe} (seas.md §4.1 steps 4–5). Immutable.
 *
 * <p>A word is split into its characters with {@code </w>} appended to the last one; then, repeatedly, the
 * adjacent pair with the lowest rank is found and <em>every</em> non-overlapping occurrence of it, left to
 * right, is merged, until no adjacent pair is ranked or one symbol is left.
 */
final class BpeMerges {

    /** The end-of-word marker appended to a word's last symbol. */
    static final String END_OF_WORD = "</w>";

    private final Map<String, Integer> ranks;

    /**
     * @param pairs merge pairs in rank order (rank 0 first), each {first, second}
     * @throws IllegalArgumentException if a pair occurs twice (its rank would be ambiguous)
     */
    BpeMerges(List<String[]> pairs) {
        Map<String, Integer> map = new HashMap<>(pairs.size() * 2);
        for (int rank = 0; rank < pairs.size(); rank++) {
            String[] pair = pairs.get(rank);
            Integer earlier = map.putIfAbsent(key(pair[0], pair[1]), rank);
            if (earlier != null) {
                throw new IllegalArgumentException("merge '" + pair[0] + " " + pair[1] + "' at rank " + rank
                        + " repeats rank " + earlier);
            }
        }
        this.ranks = map;
    }

    /** Number of ranked merges. */
    int size() {
        return ranks.size();
    }

    /** The rank of merging {@code first} with {@code second}, or −1 if they never merge. */
    int rank(String first, String second) {
        Integer rank = ranks.get(key(first, second));
        return rank == null ? -1 : rank;
    }

    /**
     * The BPE symbols of one byte-encoded piece.
     *
     * @param piece a non-empty string of {@link ByteUnicodeTable} characters
     */
    List<String> apply(String piece) {
        List<String> word = new ArrayList<>(piece.length());
        for (int i = 0; i < piece.length() - 1; i++) {
            word.add(String.valueOf(piece.charAt(i)));
        }
        word.add(piece.charAt(piece.length() - 1) + END_OF_WORD);
        while (word.size() > 1) {
            int bestRank = -1;
            int bestIndex = -1;
            for (int i = 0; i + 1 < word.size(); i++) {
                int rank = rank(word.get(i), word.get(i + 1));
                if (rank >= 0 && (bestRank < 0 || rank < bestRank)) {
                    bestRank = rank;
                    bestIndex = i;
                }
            }
            if (bestIndex < 0) {
                break;
            }
            word = mergeAll(word, word.get(bestIndex), word.get(bestIndex + 1));
        }
        return word;
    }

    private static List<String> mergeAll(List<String> word, String first, String second) {
        List<String> merged = new ArrayList<>(word.size());
        int i = 0;
        while (i < word.size()) {
            if (i + 1 < word.size() && word.get(i).equals(first) && word.get(i + 1).equals(second)) {
                merged.add(first + second);
                i += 2;
            } else {
                merged.add(word.get(i));
                i += 1;
            }
        }
        return merged;
    }

    private static String key(String first, String second) {
        // Byte-level symbols never contain a space (byte 0x20 is 'Ġ'), so a space separates the pair safely.
        return first + ' ' + second;
    }
}
