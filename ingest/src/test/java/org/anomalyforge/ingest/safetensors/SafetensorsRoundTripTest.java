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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafetensorsRoundTripTest {

    @TempDir
    Path dir;

    @Test
    void floatDtypesRoundTripWithExactValues() throws IOException {
        Path file = dir.resolve("floats.safetensors");
        float[] f32 = {1.0f, -0.0f, Float.MIN_VALUE, Float.MAX_VALUE, Float.NaN, Float.NEGATIVE_INFINITY};
        new SafetensorsWriter()
                .add("f64", DType.F64, new long[] {3}, le(b -> b.putDouble(0.5).putDouble(-3.0).putDouble(1.0 / 3)))
                .addFloats("f32", new long[] {2, 3}, f32)
                .add("f16", DType.F16, new long[] {11}, shorts(0x3C00, 0xC000, 0x7BFF, 0x0001, 0x03FF, 0x0400,
                        0x3555, 0x8000, 0x7C00, 0xFC00, 0x7E00))
                .add("bf16", DType.BF16, new long[] {5}, shorts(0x3F80, 0xC000, 0x7F7F, 0x0001, 0xFF80))
                .write(file);

        try (SafetensorsFile st = SafetensorsFile.open(file)) {
            assertArrayEquals(new float[] {0.5f, -3.0f, 0.33333334f}, st.readFloats("f64"));
            assertArrayEquals(f32, st.readFloats("f32"));
            assertArrayEquals(new long[] {2, 3}, st.get("f32").shape());
            assertArrayEquals(new float[] {1.0f, -2.0f, 65504f, 5.9604645e-8f, 6.097555e-5f, 6.1035156e-5f,
                    0.33325195f, -0.0f, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NaN},
                    st.readFloats("f16"));
            assertArrayEquals(new float[] {1.0f, -2.0f, 3.3895314e38f, 9.18355e-41f, Float.NEGATIVE_INFINITY},
                    st.readFloats("bf16"));
        }
    }

    @Test
    void integerDtypesRoundTripWidenedToLong() throws IOException {
        Path file = dir.resolve("ints.safetensors");
        long[] i64 = {Long.MIN_VALUE, -1, 0, Long.MAX_VALUE};
        new SafetensorsWriter()
                .addLongs("i64", new long[] {4}, i64)
                .add("i32", DType.I32, new long[] {3}, le(b -> b.putInt(-2).putInt(Integer.MAX_VALUE).putInt(Integer.MIN_VALUE)))
                .add("i16", DType.I16, new long[] {2}, shorts(0x8000, 0x7FFF))
                .add("i8", DType.I8, new long[] {3}, new byte[] {(byte) 0x80, 0x7F, -1})
                .addBytes("u8", new long[] {3}, new byte[] {0, (byte) 200, (byte) 255})
                .add("bool", DType.BOOL, new long[] {3}, new byte[] {0, 1, 1})
                .write(file);

        try (SafetensorsFile st = SafetensorsFile.open(file)) {
            assertArrayEquals(i64, st.readLongs("i64"));
            assertArrayEquals(new long[] {-2, Integer.MAX_VALUE, Integer.MIN_VALUE}, st.readLongs("i32"));
            assertArrayEquals(new long[] {-32768, 32767}, st.readLongs("i16"));
            assertArrayEquals(new long[] {-128, 127, -1}, st.readLongs("i8"));
            assertArrayEquals(new long[] {0, 200, 255}, st.readLongs("u8"));
            assertArrayEquals(new long[] {0, 1, 1}, st.readLongs("bool"));
            assertEquals(DType.U8, st.get("u8").dtype());
            assertEquals(DType.I64, st.get("i64").dtype());
        }
    }

    @Test
    void readBytesReturnsTheRawLittleEndianData() throws IOException {
        Path file = dir.resolve("raw.safetensors");
        byte[] raw = shorts(0x1234, 0xABCD);
        new SafetensorsWriter().add("h", DType.F16, new long[] {2}, raw).write(file);
        try (SafetensorsFile st = SafetensorsFile.open(file)) {
            assertArrayEquals(new byte[] {0x34, 0x12, (byte) 0xCD, (byte) 0xAB}, st.readBytes("h"));
        }
    }

    @Test
    void f16AndBf16WritersRoundToNearestEven() throws IOException {
        Path file = dir.resolve("rounding.safetensors");
        float[] values = {1.0f, 65504f, 65519f, 65520f, 5.9604645e-8f, 0x1p-25f, 0x1.8p-25f, 1 + 0x1p-11f,
                1 + 0x3p-11f, 0.1f, -0.1f, 1e5f};
        float[] bf = {1.0f, 1 + 0x1p-8f, 1 + 0x3p-8f, 1 + 0x1p-7f, -2.0f, Float.NaN};
        new SafetensorsWriter()
                .addF16("h", new long[] {values.length}, values)
                .addBf16("b", new long[] {bf.length}, bf)
                .write(file);
        try (SafetensorsFile st = SafetensorsFile.open(file)) {
            // Expected patterns cross-checked with numpy's float32 → float16 cast.
            assertArrayEquals(shorts(0x3C00, 0x7BFF, 0x7BFF, 0x7C00, 0x0001, 0x0000, 0x0001, 0x3C00, 0x3C02,
                    0x2E66, 0xAE66, 0x7C00), st.readBytes("h"));
            assertArrayEquals(shorts(0x3F80, 0x3F80, 0x3F82, 0x3F81, 0xC000, 0x7FC0), st.readBytes("b"));
        }
    }

    @Test
    void metadataRoundTripsInOrderWithSpecialCharacters() throws IOException {
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("format", "pt");
        meta.put("note", "quote \" backslash \\ newline \n tab \t");
        meta.put("größe", "日本語 ✓");
        meta.put("", "");
        Path file = dir.resolve("meta.safetensors");
        new SafetensorsWriter().metadata(meta).addFloats("x", new long[] {1}, new float[] {7f}).write(file);
        try (SafetensorsFile st = SafetensorsFile.open(file)) {
            assertEquals(meta, st.metadata());
            assertEquals(List.copyOf(meta.keySet()), List.copyOf(st.metadata().keySet()));
            assertThrows(UnsupportedOperationException.class, () -> st.metadata().put("a", "b"));
        }
    }

    @Test
    void fileWithoutMetadataHasEmptyMapAndNoMetadataKey() throws IOException {
        Path file = dir.resolve("plain.safetensors");
        new SafetensorsWriter().addFloats("x", new long[] {1}, new float[] {7f}).write(file);
        assertFalse(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).contains("__metadata__"));
        try (SafetensorsFile st = SafetensorsFile.open(file)) {
            assertEquals(Map.of(), st.metadata());
        }
    }

    /** One F32 tensor [1.0, -2.0], every byte written out by hand. */
    @Test
    void writerProducesHandAssembledBytesAndReaderParsesThem() throws IOException {
        String json = "{\"w\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}}"; // 54 bytes
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        expected.writeBytes(new byte[] {56, 0, 0, 0, 0, 0, 0, 0}); // 54 padded to 56
        expected.writeBytes(json.getBytes(StandardCharsets.US_ASCII));
        expected.writeBytes(new byte[] {' ', ' '});
        expected.writeBytes(new byte[] {0, 0, (byte) 0x80, 0x3F}); // 1.0f = 0x3F800000
        expected.writeBytes(new byte[] {0, 0, 0, (byte) 0xC0});    // -2.0f = 0xC0000000
        byte[] handMade = expected.toByteArray();
        assertEquals(72, handMade.length);

        Path written = dir.resolve("written.safetensors");
        new SafetensorsWriter().addFloats("w", new long[] {2}, new float[] {1.0f, -2.0f}).write(written);
        assertArrayEquals(handMade, Files.readAllBytes(written));

        Path byHand = Files.write(dir.resolve("hand.safetensors"), handMade);
        try (SafetensorsFile st = SafetensorsFile.open(byHand)) {
            assertEquals(List.of(new TensorInfo("w", DType.F32, new long[] {2}, 0, 8)), st.tensors());
            assertArrayEquals(new float[] {1.0f, -2.0f}, st.readFloats("w"));
        }
    }

    @Test
    void headerIsPaddedSoDataStartsEightByteAligned() throws IOException {
        for (String name : List.of("a", "ab", "abc", "abcd", "abcde", "abcdef", "abcdefg", "abcdefgh")) {
            Path file = dir.resolve(name + ".safetensors");
            new SafetensorsWriter().addBytes(name, new long[] {1}, new byte[] {9}).write(file);
            byte[] bytes = Files.readAllBytes(file);
            long headerLength = ByteBuffer.wrap(bytes, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
            assertEquals(0, headerLength % 8, name);
            assertEquals(8 + headerLength + 1, bytes.length, name);
            String header = new String(bytes, 8, (int) headerLength, StandardCharsets.US_ASCII);
            String json = header.stripTrailing();
            assertTrue(json.endsWith("}"), header);
            assertTrue(header.length() - json.length() < 8, "padding of " + name);
            assertEquals(" ".repeat(header.length() - json.length()), header.substring(json.length()));
        }
    }

    @Test
    void unpaddedHeaderFromAnotherWriterIsAccepted() throws IOException {
        Path file = SafetensorsHostileFileTest.fileWithHeader(dir, "{\"x\":{\"dtype\":\"U8\",\"shape\":[],\"data_offsets\":[0,1]}}",
                new byte[] {42});
        try (SafetensorsFile st = SafetensorsFile.open(file)) {
            assertEquals(1, st.get("x").numel());
            assertArrayEquals(new long[] {42}, st.readLongs("x"));
        }
    }

    @Test
    void tensorsAreListedInOffsetOrderNotJsonOrder() throws IOException {
        String json = "{\"late\":{\"dtype\":\"U8\",\"shape\":[2],\"data_offsets\":[1,3]},"
                + "\"empty\":{\"dtype\":\"F32\",\"shape\":[0,3],\"data_offsets\":[3,3]},"
                + "\"early\":{\"dtype\":\"U8\",\"shape\":[1],\"data_offsets\":[0,1]}}";
        Path file = SafetensorsHostileFileTest.fileWithHeader(dir, json, new byte[] {1, 2, 3});
        try (SafetensorsFile st = SafetensorsFile.open(file)) {
            assertEquals(List.of("early", "late", "empty"), st.tensors().stream().map(TensorInfo::name).toList());
            assertArrayEquals(new long[] {2, 3}, st.readLongs("late"));
            assertEquals(0, st.get("empty").numel());
            assertArrayEquals(new float[0], st.readFloats("empty"));
        }
    }

    @Test
    void scalarAndEmptyTensorsRoundTrip() throws IOException {
        Path file = dir.resolve("shapes.safetensors");
        new SafetensorsWriter()
                .addFloats("scalar", new long[0], new float[] {2.5f})
                .addLongs("none", new long[] {4, 0}, new long[0])
                .addFloats("after", new long[] {1}, new float[] {-1f})
                .write(file);
        try (SafetensorsFile st = SafetensorsFile.open(file)) {
            TensorInfo scalar = st.get("scalar");
            assertEquals(0, scalar.shape().length);
            assertEquals(1, scalar.numel());
            assertEquals(4, scalar.byteLength());
            assertEquals(new TensorInfo("none", DType.I64, new long[] {4, 0}, 4, 4), st.get("none"));
            assertEquals(new TensorInfo("after", DType.F32, new long[] {1}, 4, 8), st.get("after"));
            assertArrayEquals(new float[] {2.5f}, st.readFloats("scalar"));
            assertArrayEquals(new long[0], st.readLongs("none"));
            assertArrayEquals(new float[] {-1f}, st.readFloats("after"));
        }
    }

    @Test
    void tensorLargerThanOneReadChunkIsReadCompletely() throws IOException {
        int n = 700_000; // 2.8 MB of F32, three 1 MiB chunks
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
            values[i] = i * 0.5f - 1000f;
        }
        Path file = dir.resolve("big.safetensors");
        new SafetensorsWriter().addBytes("lead", new long[] {3}, new byte[] {1, 2, 3})
                .addFloats("big", new long[] {700, 1000}, values).write(file);
        try (SafetensorsFile st = SafetensorsFile.open(file)) {
            assertArrayEquals(values, st.readFloats("big"));
        }
    }

    /** A sparse 2.2 GB file: data beyond the 2 GB mark is reached, an over-long array is refused clearly. */
    @Test
    void offsetsBeyondTwoGigabytesAreReadWithPositionalReads() throws IOException {
        long big = 2_200_000_000L;
        String json = "{\"big\":{\"dtype\":\"U8\",\"shape\":[" + big + "],\"data_offsets\":[0," + big + "]},"
                + "\"tail\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[" + big + "," + (big + 8) + "]}}";
        Path file = SafetensorsHostileFileTest.fileWithHeader(dir, json, new byte[0]);
        long dataStart = Files.size(file);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.wrap(le(b -> b.putFloat(3.5f).putFloat(-7f))), dataStart + big);
        }
        try (SafetensorsFile st = SafetensorsFile.open(file)) {
            assertArrayEquals(new float[] {3.5f, -7f}, st.readFloats("tail"));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> st.readBytes("big"));
            assertEquals(file + ": tensor 'big' has 2200000000 bytes, more than a Java array can hold (2147483639)",
                    e.getMessage());
        } finally {
            Files.delete(file);
        }
    }

    @Test
    void getNamesTheMissingTensorAndSomeThatExist() throws IOException {
        Path file = dir.resolve("names.safetensors");
        SafetensorsWriter w = new SafetensorsWriter();
        for (int i = 0; i < 7; i++) {
            w.addBytes("t" + i, new long[] {1}, new byte[] {(byte) i});
        }
        w.write(file);
        try (SafetensorsFile st = SafetensorsFile.open(file)) {
            NoSuchElementException e = assertThrows(NoSuchElementException.class, () -> st.get("unet.conv"));
            assertEquals(file + ": no tensor named 'unet.conv'; the file has 7 tensor(s), e.g. t0, t1, t2, t3, t4, ...",
                    e.getMessage());
            assertTrue(st.find("unet.conv").isEmpty());
            assertEquals("t6", st.find("t6").orElseThrow().name());
        }
    }

    @Test
    void readersRefuseTheWrongDtypeFamily() throws IOException {
        Path file = dir.resolve("family.safetensors");
        new SafetensorsWriter().addLongs("ids", new long[] {1}, new long[] {5})
                .addFloats("w", new long[] {1}, new float[] {5f}).write(file);
        try (SafetensorsFile st = SafetensorsFile.open(file)) {
            IllegalArgumentException floats = assertThrows(IllegalArgumentException.class, () -> st.readFloats("ids"));
            assertEquals(file + ": tensor 'ids' has dtype I64; readFloats accepts F64, F32, F16 and BF16"
                    + " (use readLongs for integer and BOOL tensors)", floats.getMessage());
            IllegalArgumentException longs = assertThrows(IllegalArgumentException.class, () -> st.readLongs("w"));
            assertTrue(longs.getMessage().contains("tensor 'w' has dtype F32; readLongs accepts I64, I32, I16, I8, U8 and BOOL"),
                    longs.getMessage());
        }
    }

    @Test
    void closedFileRefusesReads() throws IOException {
        Path file = dir.resolve("closed.safetensors");
        new SafetensorsWriter().addFloats("w", new long[] {1}, new float[] {5f}).write(file);
        SafetensorsFile st = SafetensorsFile.open(file);
        st.close();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> st.readFloats("w"));
        assertEquals(file + ": SafetensorsFile is closed", e.getMessage());
    }

    @Test
    void writeReplacesAtomicallyAndLeavesNoTemporaryFile() throws IOException {
        Path file = dir.resolve("sub/model.safetensors");
        new SafetensorsWriter().addFloats("w", new long[] {1}, new float[] {1f}).write(file);
        new SafetensorsWriter().addFloats("w", new long[] {2}, new float[] {2f, 3f}).write(file);
        try (Stream<Path> files = Files.list(file.getParent())) {
            assertEquals(List.of(file), files.toList());
        }
        try (SafetensorsFile st = SafetensorsFile.open(file)) {
            assertArrayEquals(new float[] {2f, 3f}, st.readFloats("w"));
        }
    }

    @Test
    void writerValidatesNamesAndSizes() {
        SafetensorsWriter w = new SafetensorsWriter().addFloats("w", new long[] {1}, new float[] {1f});
        assertEquals("tensor 'w' was already added",
                assertThrows(IllegalArgumentException.class,
                        () -> w.addFloats("w", new long[] {1}, new float[] {1f})).getMessage());
        assertEquals("tensor name must not be empty",
                assertThrows(IllegalArgumentException.class,
                        () -> w.addBytes("", new long[] {1}, new byte[1])).getMessage());
        assertEquals("tensor name '__metadata__' is reserved for the metadata map",
                assertThrows(IllegalArgumentException.class,
                        () -> w.addBytes("__metadata__", new long[] {1}, new byte[1])).getMessage());
        assertEquals("tensor 'x': shape [2, 3] of F32 needs 24 bytes, got 20",
                assertThrows(IllegalArgumentException.class,
                        () -> w.add("x", DType.F32, new long[] {2, 3}, new byte[20])).getMessage());
        assertEquals("tensor 'x': shape [2, 3] has 6 elements, got 5 values",
                assertThrows(IllegalArgumentException.class,
                        () -> w.addBf16("x", new long[] {2, 3}, new float[5])).getMessage());
        assertEquals("tensor 'x': shape[1] must be >= 0, got -3 in [2, -3]",
                assertThrows(IllegalArgumentException.class,
                        () -> w.addLongs("x", new long[] {2, -3}, new long[0])).getMessage());
    }

    @Test
    void tensorInfoCopiesItsShape() {
        long[] shape = {2, 3};
        TensorInfo t = new TensorInfo("w", DType.BF16, shape, 0, 12);
        shape[0] = 99;
        t.shape()[1] = 99;
        assertArrayEquals(new long[] {2, 3}, t.shape());
        assertEquals(6, t.numel());
        assertEquals(12, t.byteLength());
    }

    interface Filler {
        void fill(ByteBuffer b);
    }

    /** Little-endian bytes written by {@code filler} into a buffer of generous size, trimmed. */
    static byte[] le(Filler filler) {
        ByteBuffer b = ByteBuffer.allocate(1024).order(ByteOrder.LITTLE_ENDIAN);
        filler.fill(b);
        byte[] out = new byte[b.position()];
        b.flip().get(out);
        return out;
    }

    /** 16-bit patterns as little-endian bytes. */
    static byte[] shorts(int... patterns) {
        ByteBuffer b = ByteBuffer.allocate(patterns.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int p : patterns) {
            b.putShort((short) p);
        }
        return b.array();
    }
}
