package org.anomalyforge.jobs.clips;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A frame size given on the command line as {@code WxH} (also {@code W×H}).
 *
 * @param width  pixels, &gt; 0
 * @param height pixels, &gt; 0
 */
public record FrameSize(int width, int height) {

    private static final Pattern WXH = Pattern.compile("([0-9]{1,5})[xX×]([0-9]{1,5})");

    public FrameSize {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("frame size must be positive, got " + width + "×" + height);
        }
    }

    /** Parses {@code WxH}; the message names the expected form and the offending text. */
    public static FrameSize parse(String text) {
        Matcher m = WXH.matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("size must be WxH like 128x96, got '" + text + "'");
        }
        return new FrameSize(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    @Override
    public String toString() {
        return width + "×" + height;
    }
}
