package org.anomalyforge.trokens.synthetic;

import java.util.List;

/**
 * A synthetic action class: a scripted kind plus its direction or sense variant; variants make further
 * classes (spec §13.6). The label is {@code [a-z_]+}, valid as a manifest label.
 *
 * @param kind    the script
 * @param sign    +1 or −1: belt direction (right/left) for PASS and JAM; push or tray side (down/up) for REJECT,
 *                PICK_PLACE and ASSEMBLY_STEP (side the second part comes from); rotation sense (cw/ccw) for
 *                ROTATE_INSPECT; ignored for STALL (always +1)
 */
public record ActionClass(ActionKind kind, int sign) {

    public ActionClass {
        if (sign != 1 && sign != -1) {
            throw new IllegalArgumentException("action sign must be +1 or -1, got " + sign);
        }
        if (kind == ActionKind.STALL && sign != 1) {
            throw new IllegalArgumentException("STALL has no variants; sign must be +1, got " + sign);
        }
    }

    /** Manifest label, e.g. {@code pass_right}, {@code reject_up}, {@code rotate_ccw}, {@code stall}. */
    public String label() {
        return switch (kind) {
            case PASS -> sign > 0 ? "pass_right" : "pass_left";
            case JAM -> sign > 0 ? "jam_right" : "jam_left";
            case REJECT -> sign > 0 ? "reject_down" : "reject_up";
            case PICK_PLACE -> sign > 0 ? "pick_place_down" : "pick_place_up";
            case ASSEMBLY_STEP -> sign > 0 ? "assembly_from_below" : "assembly_from_above";
            case ROTATE_INSPECT -> sign > 0 ? "rotate_cw" : "rotate_ccw";
            case STALL -> "stall";
        };
    }

    /** All 13 classes, in a fixed order. */
    public static List<ActionClass> all() {
        return List.of(new ActionClass(ActionKind.PASS, 1), new ActionClass(ActionKind.PASS, -1),
                new ActionClass(ActionKind.REJECT, 1), new ActionClass(ActionKind.REJECT, -1),
                new ActionClass(ActionKind.PICK_PLACE, 1), new ActionClass(ActionKind.PICK_PLACE, -1),
                new ActionClass(ActionKind.ROTATE_INSPECT, 1), new ActionClass(ActionKind.ROTATE_INSPECT, -1),
                new ActionClass(ActionKind.STALL, 1), new ActionClass(ActionKind.JAM, 1),
                new ActionClass(ActionKind.JAM, -1), new ActionClass(ActionKind.ASSEMBLY_STEP, 1),
                new ActionClass(ActionKind.ASSEMBLY_STEP, -1));
    }

    /** The class with this label. */
    public static ActionClass fromLabel(String label) {
        return all().stream().filter(c -> c.label().equals(label)).findFirst().orElseThrow(
                () -> new IllegalArgumentException("unknown action class '" + label + "', expected one of "
                        + all().stream().map(ActionClass::label).toList()));
    }
}
