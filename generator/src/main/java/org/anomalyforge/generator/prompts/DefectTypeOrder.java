package org.anomalyforge.generator.prompts;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * The order of a product's defect types (seas.md §2.2): by Unicode code point, which decides type k and so its
 * tokens {@code sks{4k+1} … sks{4k+4}}. {@link String#compareTo} compares UTF-16 units instead and differs for
 * characters above U+FFFF versus U+E000–U+FFFF, so it is not used.
 */
public final class DefectTypeOrder {

    /** Compares two names code point by code point; a proper prefix sorts first. */
    public static final Comparator<String> CODE_POINT = DefectTypeOrder::compare;

    private DefectTypeOrder() {
    }

    /** The names sorted by {@link #CODE_POINT}. */
    public static List<String> sorted(Collection<String> names) {
        return names.stream().sorted(CODE_POINT).toList();
    }

    private static int compare(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
