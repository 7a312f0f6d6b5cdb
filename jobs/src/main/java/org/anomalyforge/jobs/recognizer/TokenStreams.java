package org.anomalyforge.jobs.recognizer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.anomalyforge.trokens.model.TrokensConfig;

/**
 * Which token streams the recogniser fuses (spec §10: appearance, HoD, relational; all on by default), as the
 * {@code --tokens} option of {@code forge recognizer train} names them. The choice is stored in the model's
 * {@code config.json}, so evaluation and classification need no option.
 *
 * @param appearance patch features at the points plus space and time embeddings
 * @param hod        histogram of each point's displacements (intra-trajectory motion)
 * @param relational offsets to every other point in slot order (inter-trajectory motion)
 */
public record TokenStreams(boolean appearance, boolean hod, boolean relational) {

    /** Stream names accepted by {@code --tokens}, in the order {@link #describe()} lists them. */
    public static final List<String> NAMES = List.of("appearance", "hod", "relational");

    /** Every stream, as the spec fuses them. */
    public static final TokenStreams ALL = new TokenStreams(true, true, true);

    public TokenStreams {
        if (!appearance && !hod && !relational) {
            throw new IllegalArgumentException("--tokens needs at least one of " + NAMES);
        }
    }

    /**
     * @param names stream names as typed (trimmed, case-insensitive); null or empty means {@link #ALL}
     * @throws IllegalArgumentException naming an unknown or repeated stream
     */
    public static TokenStreams parse(List<String> names) {
        if (names == null || names.isEmpty()) {
            return ALL;
        }
        boolean[] on = new boolean[NAMES.size()];
        for (String raw : names) {
            String name = raw.strip().toLowerCase(Locale.ROOT);
            int i = NAMES.indexOf(name);
            if (i < 0) {
                throw new IllegalArgumentException("--tokens must list streams from " + NAMES + ", got '" + raw + "'");
            }
            if (on[i]) {
                throw new IllegalArgumentException("--tokens lists '" + name + "' twice");
            }
            on[i] = true;
        }
        return new TokenStreams(on[0], on[1], on[2]);
    }

    /** The streams a trained model's config fuses. */
    public static TokenStreams of(TrokensConfig config) {
        return new TokenStreams(config.appearance(), config.hod(), config.relational());
    }

    /** {@code config} with these streams. */
    public TrokensConfig applyTo(TrokensConfig config) {
        return config.withTokens(appearance, hod, relational);
    }

    /** Comma-separated names of the streams that are on, e.g. {@code hod} or {@code appearance,hod,relational}. */
    public String describe() {
        List<String> out = new ArrayList<>();
        boolean[] on = {appearance, hod, relational};
        for (int i = 0; i < on.length; i++) {
            if (on[i]) {
                out.add(NAMES.get(i));
            }
        }
        return String.join(",", out);
    }
}
