package org.anomalyforge.jobs.clips;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.anomalyforge.trokens.synthetic.ActionClass;

/** Resolves the {@code --classes} option: action class labels, or {@code all} for the 13 synthetic classes. */
public final class ClassSelection {

    /** The word that selects every class. */
    public static final String ALL = "all";

    private ClassSelection() {}

    /**
     * @param labels labels as typed (trimmed here); null, empty or {@code [all]} means every class in
     *               {@link ActionClass#all()} order
     * @return the classes in the order given
     * @throws IllegalArgumentException naming an unknown label (with the valid ones) or a repeated one
     */
    public static List<ActionClass> parse(List<String> labels) {
        if (labels == null || labels.isEmpty() || (labels.size() == 1 && labels.get(0).strip().equals(ALL))) {
            return ActionClass.all();
        }
        Set<String> seen = new LinkedHashSet<>();
        List<ActionClass> out = new ArrayList<>();
        for (String raw : labels) {
            String label = raw.strip();
            if (label.equals(ALL)) {
                throw new IllegalArgumentException("'all' cannot be combined with other classes, got "
                        + String.join(",", labels));
            }
            if (!seen.add(label)) {
                throw new IllegalArgumentException("class '" + label + "' is listed twice");
            }
            out.add(ActionClass.fromLabel(label));
        }
        return List.copyOf(out);
    }
}
