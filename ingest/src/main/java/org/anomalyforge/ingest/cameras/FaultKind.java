package org.anomalyforge.ingest.cameras;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The faults the camera simulator can inject, each named as on the command line. */
public enum FaultKind {

    /** The payload's first bytes are scrambled and its second half cut off. */
    CORRUPT("corrupt"),

    /** One required header, picked at random, is left out. */
    MISSING_HEADER("missing-header"),

    /** The payload is padded with zero bytes up to the plan's oversize length. */
    OVERSIZED("oversized"),

    /** The frame is held back and sent after the camera's next frame, so indices arrive not increasing. */
    OUT_OF_ORDER("out-of-order");

    private final String cliName;

    FaultKind(String cliName) {
        this.cliName = cliName;
    }

    /** The command-line name, e.g. {@code missing-header}. */
    public String cliName() {
        return cliName;
    }

    /** The kind whose {@link #cliName()} is {@code name} (trimmed, exact). */
    public static FaultKind parse(String name) {
        String trimmed = name == null ? null : name.trim();
        return Arrays.stream(values()).filter(k -> k.cliName.equals(trimmed)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("fault must be one of " + Arrays.stream(values())
                        .map(FaultKind::cliName).collect(Collectors.joining(", ")) + ", got '" + name + "'"));
    }
}
