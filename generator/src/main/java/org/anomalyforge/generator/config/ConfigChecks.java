package org.anomalyforge.generator.config;

import java.util.List;

/** Shared validation helpers; every message names the record, the field, the rule and the value. */
final class ConfigChecks {

    private ConfigChecks() {
    }

    static void positive(String record, String field, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException(record + "." + field + " must be > 0, got " + value);
        }
    }

    static void positive(String record, String field, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(record + "." + field + " must be finite and > 0, got " + value);
        }
    }

    static <T> List<T> nonEmptyCopy(String record, String field, List<T> values) {
        if (values == null || values.isEmpty()) {
            throw new IllegalArgumentException(record + "." + field + " must be a non-empty list, got " + values);
        }
        for (T v : values) {
            if (v == null) {
                throw new IllegalArgumentException(record + "." + field + " must not contain null, got " + values);
            }
        }
        return List.copyOf(values);
    }

    static void divisible(String record, String field, int value, String byField, int by) {
        if (by <= 0 || value % by != 0) {
            throw new IllegalArgumentException(record + "." + field + " must be divisible by " + byField + " = " + by
                    + ", got " + value);
        }
    }
}
