package org.anomalyforge.ingest.safetensors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every malformed file is refused at open with a message that starts with the path and names the fault. */
class SafetensorsHostileFileTest {

    private static final String F32_PAIR = "\"dtype\":\"F32\",\"shape\":[2]";

    @TempDir
    Path dir;

    @Test
    void fileShorterThanTheLengthPrefix() throws IOException {
        assertRefused(Files.write(dir.resolve("short"), new byte[5]),
                "file is 5 bytes, shorter than the 8-byte header length prefix");
        assertRefused(Files.write(dir.resolve("empty"), new byte[0]),
                "file is 0 bytes, shorter than the 8-byte header length prefix");
    }

    @Test
    void headerLengthZero() throws IOException {
        assertRefused(raw(0, new byte[8]), "header length is 0");
    }

    @Test
    void headerLengthBiggerThanTheFile() throws IOException {
        assertRefused(raw(1000, "{}".getBytes(StandardCharsets.US_ASCII)),
                "header length 1000 bytes is larger than the file, which has only 2 bytes after the 8-byte length prefix");
    }

    @Test
    void headerLengthOverTheCap() throws IOException {
        Path valid = dir.resolve("valid.safetensors");
        new SafetensorsWriter().addFloats("w", new long[] {2}, new float[] {1f, 2f}).write(valid);
        SafetensorsFormatException e = assertThrows(SafetensorsFormatException.class,
                () -> SafetensorsFile.open(valid, new SafetensorsLimits(16)));
        assertEquals(valid + ": header length 56 bytes exceeds the limit of 16 bytes", e.getMessage());
        assertEquals(valid, e.file());
        // An unsigned u64 with the top bit set must not wrap to a negative, "small" length.
        assertRefused(raw(-1L, new byte[16]),
                "header length 18446744073709551615 bytes exceeds the limit of 100000000 bytes");
    }

    @Test
    void truncatedHeaderJson() throws IOException {
        assertRefused(fileWithHeader(dir, "{\"w\":{\"dtype\":\"F32\"", new byte[0]), "header is not valid JSON at line 1");
        assertRefused(fileWithHeader(dir, "{\"w\":{\"dtype\":\"F32\"", new byte[0]), "Unexpected end-of-input");
    }

    @Test
    void invalidJson() throws IOException {
        assertRefused(fileWithHeader(dir, "{w: 1}", new byte[0]), "header is not valid JSON at line 1, column 2: Unexpected character ('w' (code 119))");
    }

    @Test
    void headerThatIsNotAnObject() throws IOException {
        assertRefused(fileWithHeader(dir, "[1, 2]", new byte[0]), "header must be a JSON object, but starts with [");
        assertRefused(fileWithHeader(dir, "        ", new byte[0]),
                "header must be a JSON object, but starts with nothing (blank header)");
        assertRefused(fileWithHeader(dir, "{} {}", new byte[0]), "header has content after its JSON object: START_OBJECT");
    }

    @Test
    void headerThatIsNotUtf8() throws IOException {
        ByteArrayOutputStream header = new ByteArrayOutputStream();
        header.writeBytes("{\"".getBytes(StandardCharsets.US_ASCII));
        header.write(0xFF);
        header.writeBytes("\":1}".getBytes(StandardCharsets.US_ASCII));
        assertRefused(raw(header.size(), header.toByteArray()), "header is not valid UTF-8: malformed sequence of 1 byte(s) at header byte 2");
    }

    @Test
    void offsetsPastTheEndOfTheDataBuffer() throws IOException {
        assertRefused(fileWithHeader(dir, "{\"w\":{" + F32_PAIR + ",\"data_offsets\":[8,16]}}", new byte[8]),
                "tensor 'w': data_offsets end 16 is beyond the end of the data buffer (8 bytes)");
    }

    @Test
    void sizeThatDoesNotMatchTheShape() throws IOException {
        assertRefused(fileWithHeader(dir, "{\"w\":{\"dtype\":\"F32\",\"shape\":[3],\"data_offsets\":[0,8]}}", new byte[8]),
                "tensor 'w': shape [3] of F32 needs 12 bytes, but data_offsets [0, 8] span 8 bytes");
    }

    @Test
    void overlappingTensors() throws IOException {
        String json = "{\"a\":{" + F32_PAIR + ",\"data_offsets\":[0,8]},\"b\":{" + F32_PAIR + ",\"data_offsets\":[4,12]}}";
        assertRefused(fileWithHeader(dir, json, new byte[12]), "tensors 'a' [0, 8) and 'b' [4, 12) overlap");
    }

    @Test
    void holeBetweenTensors() throws IOException {
        String json = "{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]},"
                + "\"b\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[8,12]}}";
        assertRefused(fileWithHeader(dir, json, new byte[12]),
                "data buffer bytes [4, 8) before tensor 'b' belong to no tensor (the buffer must be fully indexed)");
    }

    @Test
    void trailingBytesAfterTheLastTensor() throws IOException {
        assertRefused(fileWithHeader(dir, "{\"a\":{" + F32_PAIR + ",\"data_offsets\":[0,8]}}", new byte[12]),
                "data buffer has 4 trailing bytes [8, 12) after the last tensor 'a' that belong to no tensor");
        assertRefused(fileWithHeader(dir, "{}", new byte[3]),
                "data buffer has 3 trailing bytes [0, 3) after the last tensor that belong to no tensor");
    }

    @Test
    void unknownOrMissingDtype() throws IOException {
        assertRefused(fileWithHeader(dir, "{\"w\":{\"dtype\":\"F8_E4M3\",\"shape\":[1],\"data_offsets\":[0,1]}}", new byte[1]),
                "tensor 'w': unknown dtype 'F8_E4M3' (supported: F64, F32, F16, BF16, I64, I32, I16, I8, U8, BOOL)");
        assertRefused(fileWithHeader(dir, "{\"w\":{\"dtype\":\"f32\",\"shape\":[1],\"data_offsets\":[0,4]}}", new byte[4]),
                "tensor 'w': unknown dtype 'f32'");
        assertRefused(fileWithHeader(dir, "{\"w\":{\"shape\":[1],\"data_offsets\":[0,4]}}", new byte[4]),
                "tensor 'w' has no dtype field");
        assertRefused(fileWithHeader(dir, "{\"w\":{\"dtype\":4,\"shape\":[1],\"data_offsets\":[0,4]}}", new byte[4]),
                "tensor 'w': dtype must be a string, got NUMBER 4");
    }

    @Test
    void shapeThatIsNotNonNegativeIntegers() throws IOException {
        assertRefused(fileWithHeader(dir, "{\"w\":{\"dtype\":\"F32\",\"shape\":[1,-2],\"data_offsets\":[0,0]}}", new byte[0]),
                "tensor 'w': shape[1] must be a non-negative integer, got -2 in [1,-2]");
        assertRefused(fileWithHeader(dir, "{\"w\":{\"dtype\":\"F32\",\"shape\":[2.0],\"data_offsets\":[0,8]}}", new byte[8]),
                "tensor 'w': shape[0] must be a non-negative integer, got 2.0 in [2.0]");
        assertRefused(fileWithHeader(dir, "{\"w\":{\"dtype\":\"F32\",\"shape\":\"2\",\"data_offsets\":[0,8]}}", new byte[8]),
                "tensor 'w': shape must be an array of non-negative integers, got STRING \"2\"");
        assertRefused(fileWithHeader(dir, "{\"w\":{\"dtype\":\"F32\",\"data_offsets\":[0,8]}}", new byte[8]),
                "tensor 'w' has no shape field");
    }

    @Test
    void shapeWhoseSizeOverflows() throws IOException {
        assertRefused(fileWithHeader(dir,
                "{\"w\":{\"dtype\":\"U8\",\"shape\":[4294967296,4294967296],\"data_offsets\":[0,0]}}", new byte[0]),
                "tensor 'w': element count of shape [4294967296, 4294967296] overflows a 64-bit long");
        assertRefused(fileWithHeader(dir,
                "{\"w\":{\"dtype\":\"F32\",\"shape\":[4611686018427387904],\"data_offsets\":[0,0]}}", new byte[0]),
                "tensor 'w': byte size of shape [4611686018427387904] × 4 bytes overflows a 64-bit long");
    }

    @Test
    void dataOffsetsThatAreNotTwoOrderedNonNegativeIntegers() throws IOException {
        assertRefused(fileWithHeader(dir, "{\"w\":{" + F32_PAIR + ",\"data_offsets\":[0,4,8]}}", new byte[8]),
                "tensor 'w': data_offsets must hold exactly two integers [begin, end], got [0, 4, 8]");
        assertRefused(fileWithHeader(dir, "{\"w\":{" + F32_PAIR + ",\"data_offsets\":[8,0]}}", new byte[8]),
                "tensor 'w': data_offsets begin 8 is greater than end 0");
        assertRefused(fileWithHeader(dir, "{\"w\":{" + F32_PAIR + ",\"data_offsets\":[-8,0]}}", new byte[8]),
                "tensor 'w': data_offsets[0] must be a non-negative integer, got -8");
        assertRefused(fileWithHeader(dir, "{\"w\":{" + F32_PAIR + ",\"data_offsets\":[0,99999999999999999999]}}", new byte[8]),
                "tensor 'w': data_offsets[1] must be a non-negative integer, got 99999999999999999999");
    }

    @Test
    void duplicateNames() throws IOException {
        String entry = "{" + F32_PAIR + ",\"data_offsets\":[0,8]}";
        assertRefused(fileWithHeader(dir, "{\"w\":" + entry + ",\"w\":" + entry + "}", new byte[8]),
                "duplicate tensor name 'w' in the header");
        assertRefused(fileWithHeader(dir, "{\"__metadata__\":{},\"__metadata__\":{}}", new byte[0]),
                "header contains \"__metadata__\" twice");
        // Inside an entry Jackson's FAIL_ON_READING_DUP_TREE_KEY answers.
        assertRefused(fileWithHeader(dir, "{\"w\":{\"dtype\":\"F32\",\"dtype\":\"U8\",\"shape\":[8],\"data_offsets\":[0,8]}}",
                new byte[8]), "Duplicate field 'dtype'");
    }

    @Test
    void metadataThatIsNotAMapOfStrings() throws IOException {
        assertRefused(fileWithHeader(dir, "{\"__metadata__\":{\"format\":\"pt\",\"epoch\":3}}", new byte[0]),
                "\"__metadata__\" value of key 'epoch' must be a string, got NUMBER 3");
        assertRefused(fileWithHeader(dir, "{\"__metadata__\":[\"pt\"]}", new byte[0]),
                "\"__metadata__\" must be an object of string values, got ARRAY [\"pt\"]");
        assertRefused(fileWithHeader(dir, "{\"__metadata__\":null}", new byte[0]),
                "\"__metadata__\" must be an object of string values, got NULL null");
    }

    @Test
    void tensorEntryWithUnknownFieldOrWrongType() throws IOException {
        assertRefused(fileWithHeader(dir, "{\"w\":{" + F32_PAIR + ",\"offsets\":[0,8]}}", new byte[8]),
                "tensor 'w' has unknown field 'offsets' (expected dtype, shape, data_offsets)");
        assertRefused(fileWithHeader(dir, "{\"w\":[1]}", new byte[0]),
                "tensor 'w' must be an object with dtype, shape and data_offsets, got ARRAY [1]");
        assertRefused(fileWithHeader(dir, "{\"\":{" + F32_PAIR + ",\"data_offsets\":[0,8]}}", new byte[8]),
                "a tensor has an empty name");
    }

    @Test
    void boolElementOtherThanZeroOrOneIsRefusedOnRead() throws IOException {
        Path file = fileWithHeader(dir, "{\"m\":{\"dtype\":\"BOOL\",\"shape\":[3],\"data_offsets\":[0,3]}}",
                new byte[] {1, 2, 0});
        try (SafetensorsFile st = SafetensorsFile.open(file)) {
            assertArrayEquals(new byte[] {1, 2, 0}, st.readBytes("m"));
            SafetensorsFormatException e = assertThrows(SafetensorsFormatException.class, () -> st.readLongs("m"));
            assertEquals(file + ": tensor 'm' (BOOL) element 1 must be 0 or 1, got 2", e.getMessage());
        }
    }

    @Test
    void fileTruncatedAfterOpenIsReportedOnRead() throws IOException {
        Path file = dir.resolve("shrinking.safetensors");
        new SafetensorsWriter().addFloats("w", new long[] {4}, new float[] {1f, 2f, 3f, 4f}).write(file);
        long size = Files.size(file);
        try (SafetensorsFile st = SafetensorsFile.open(file)) {
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
                ch.truncate(size - 6);
            }
            SafetensorsFormatException e = assertThrows(SafetensorsFormatException.class, () -> st.readFloats("w"));
            assertEquals(file + ": file ends at byte " + (size - 6) + " while reading tensor 'w' (16 bytes from byte "
                    + (size - 16) + ")", e.getMessage());
        }
    }

    /** Asserts that opening {@code file} fails with a message "{@code <file>: …fragment…}". */
    private static void assertRefused(Path file, String fragment) {
        SafetensorsFormatException e = assertThrows(SafetensorsFormatException.class, () -> SafetensorsFile.open(file));
        assertTrue(e.getMessage().startsWith(file + ": "), e.getMessage());
        assertFalse(e.getMessage().substring(file.toString().length()).contains(file.toString()),
                "path named twice: " + e.getMessage());
        assertTrue(e.getMessage().contains(fragment), "expected '" + fragment + "' in: " + e.getMessage());
    }

    /** A file with the exact length prefix {@code declaredLength} followed by {@code rest}. */
    private Path raw(long declaredLength, byte[] rest) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(8 + rest.length).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(declaredLength).put(rest);
        return Files.write(Files.createTempFile(dir, "raw", ".safetensors"), b.array());
    }

    /** A file with {@code json} as its (unpadded) header and {@code data} as its data buffer. */
    static Path fileWithHeader(Path dir, String json, byte[] data) throws IOException {
        byte[] header = json.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(8 + header.length + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(header.length).put(header).put(data);
        return Files.write(Files.createTempFile(dir, "hostile", ".safetensors"), b.array());
    }
}
