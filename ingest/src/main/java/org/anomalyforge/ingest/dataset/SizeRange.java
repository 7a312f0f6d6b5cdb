package org.anomalyforge.ingest.dataset;

/**
 * The range of image sizes seen in a group of files.
 *
 * @param count number of sizes folded in; 0 means no image was decoded
 */
public record SizeRange(int count, int minWidth, int maxWidth, int minHeight, int maxHeight) {

    public static final SizeRange NONE = new SizeRange(0, 0, 0, 0, 0);

    public SizeRange with(int width, int height) {
        if (count == 0) {
            return new SizeRange(1, width, width, height, height);
        }
        return new SizeRange(count + 1, Math.min(minWidth, width), Math.max(maxWidth, width),
                Math.min(minHeight, height), Math.max(maxHeight, height));
    }

    public SizeRange merge(SizeRange o) {
        if (o.count == 0) {
            return this;
        }
        if (count == 0) {
            return o;
        }
        return new SizeRange(count + o.count, Math.min(minWidth, o.minWidth), Math.max(maxWidth, o.maxWidth),
                Math.min(minHeight, o.minHeight), Math.max(maxHeight, o.maxHeight));
    }

    /** "256×256", or "98–630 × 100–600" (width range × height range) when sizes vary; "-" if empty. */
    @Override
    public String toString() {
        if (count == 0) {
            return "-";
        }
        if (minWidth == maxWidth && minHeight == maxHeight) {
            return minWidth + "×" + minHeight;
        }
        return range(minWidth, maxWidth) + " × " + range(minHeight, maxHeight);
    }

    private static String range(int lo, int hi) {
        return lo == hi ? Integer.toString(lo) : lo + "–" + hi;
    }
}
