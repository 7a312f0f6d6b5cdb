package org.anomalyforge.ingest.safetensors;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** Element types supported in a safetensors file, with their size and the name written in the header. */
public enum DType {
    F64("F64", 8),
    F32("F32", 4),
    F16("F16", 2),
    BF16("BF16", 2),
    I64("I64", 8),
    I32("I32", 4),
    I16("I16", 2),
    I8("I8", 1),
    U8("U8", 1),
    /** One byte per element, 0 or 1. */
    BOOL("BOOL", 1);

    private final String fileName;
    private final int byteSize;

    DType(String fileName, int byteSize) {
        this.fileName = fileName;
        this.byteSize = byteSize;
    }

    /** The dtype string of the safetensors header, e.g. {@code "BF16"}. */
    public String fileName() {
        return fileName;
    }

    /** Bytes per element. */
    public int byteSize() {
        return byteSize;
    }

    /** True for F64, F32, F16 and BF16. */
    public boolean isFloatingPoint() {
        return this == F64 || this == F32 || this == F16 || this == BF16;
    }

    /** The dtype whose header string is exactly {@code name} (case-sensitive, as in the format). */
    public static Optional<DType> fromFileName(String name) {
        for (DType d : values()) {
            if (d.fileName.equals(name)) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }

    /** "F64, F32, …", for error messages. */
    static String supportedNames() {
        return Arrays.stream(values()).map(DType::fileName).collect(Collectors.joining(", "));
    }
}
