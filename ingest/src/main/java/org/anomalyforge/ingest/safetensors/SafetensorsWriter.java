package org.anomalyforge.ingest.safetensors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Collects tensors and writes them as one safetensors file.
 *
 * <p>Tensors are laid out contiguously in insertion order; the header is compact JSON
 * ({@code "__metadata__"} first, only if non-empty) padded with spaces to a multiple of 8 bytes, so the data
 * buffer starts 8-byte aligned. Every {@code add…} copies its input, so later changes to the caller's arrays
 * do not reach the file. A builder: not thread-safe, reusable after {@link #write}.
 */
public final class SafetensorsWriter {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Pending> tensors = new LinkedHashMap<>();
    private Map<String, String> metadata = Map.of();

    /** A tensor waiting to be written: data holds shape × dtype size little-endian bytes. */
    private record Pending(DType dtype, long[] shape, byte[] data) {}

    /**
     * Adds a tensor given as raw little-endian bytes.
     *
     * @param shape dimensions, each ≥ 0 ({@code []} for a scalar)
     * @throws IllegalArgumentException if the name is empty, reserved or taken, or the data length is not
     *                                  numel(shape) × dtype size
     */
    public SafetensorsWriter add(String name, DType dtype, long[] shape, byte[] littleEndianData) {
        Objects.requireNonNull(dtype, "dtype");
        Objects.requireNonNull(littleEndianData, "littleEndianData");
        long[] dims = checkedShape(name, shape);
        long expected = byteLength(name, dtype, dims);
        if (littleEndianData.length != expected) {
            throw new IllegalArgumentException("tensor '" + name + "': shape " + Arrays.toString(dims) + " of "
                    + dtype.fileName() + " needs " + expected + " bytes, got " + littleEndianData.length);
        }
        tensors.put(name, new Pending(dtype, dims, littleEndianData.clone()));
        return this;
    }

    /** Adds an F32 tensor. */
    public SafetensorsWriter addFloats(String name, long[] shape, float[] values) {
        ByteBuffer b = buffer(name, shape, values.length, DType.F32);
        b.asFloatBuffer().put(values);
        return store(name, DType.F32, shape, b);
    }

    /** Adds an F16 tensor; each value is rounded to the nearest binary16, ties to even (overflow → ±infinity). */
    public SafetensorsWriter addF16(String name, long[] shape, float[] values) {
        ByteBuffer b = buffer(name, shape, values.length, DType.F16);
        for (float v : values) {
            b.putShort(HalfFloats.floatToF16(v));
        }
        return store(name, DType.F16, shape, b);
    }

    /** Adds a BF16 tensor; each value is rounded to the nearest bfloat16, ties to even. */
    public SafetensorsWriter addBf16(String name, long[] shape, float[] values) {
        ByteBuffer b = buffer(name, shape, values.length, DType.BF16);
        for (float v : values) {
            b.putShort(HalfFloats.floatToBf16(v));
        }
        return store(name, DType.BF16, shape, b);
    }

    /** Adds an I64 tensor. */
    public SafetensorsWriter addLongs(String name, long[] shape, long[] values) {
        ByteBuffer b = buffer(name, shape, values.length, DType.I64);
        b.asLongBuffer().put(values);
        return store(name, DType.I64, shape, b);
    }

    /** Adds a U8 tensor (bytes read as unsigned 0–255). */
    public SafetensorsWriter addBytes(String name, long[] shape, byte[] values) {
        ByteBuffer b = buffer(name, shape, values.length, DType.U8);
        b.put(values);
        return store(name, DType.U8, shape, b);
    }

    /** Replaces the {@code "__metadata__"} map (order kept); keys and values must be non-null. */
    public SafetensorsWriter metadata(Map<String, String> entries) {
        Objects.requireNonNull(entries, "metadata");
        Map<String, String> copy = new LinkedHashMap<>();
        entries.forEach((k, v) -> {
            if (k == null || v == null) {
                throw new IllegalArgumentException("metadata keys and values must be non-null, got " + k + " = " + v);
            }
            copy.put(k, v);
        });
        this.metadata = Collections.unmodifiableMap(copy);
        return this;
    }

    /**
     * Writes the file atomically: a temporary file in the target folder (created if missing) is filled,
     * forced to disk and renamed over {@code file}, so readers never see a half-written file.
     */
    public void write(Path file) throws IOException {
        byte[] header = headerBytes();
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path tmp = Files.createTempFile(parent, "." + file.getFileName(), ".tmp");
        try {
            try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer prefix = ByteBuffer.allocate(SafetensorsFile.LENGTH_PREFIX_BYTES).order(ByteOrder.LITTLE_ENDIAN);
                prefix.putLong(header.length).flip();
                writeFully(out, prefix);
                writeFully(out, ByteBuffer.wrap(header));
                for (Pending p : tensors.values()) {
                    writeFully(out, ByteBuffer.wrap(p.data()));
                }
                out.force(true);
            }
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** The JSON header padded with spaces to a multiple of 8 bytes. */
    private byte[] headerBytes() throws JsonProcessingException {
        ObjectNode root = JSON.createObjectNode();
        if (!metadata.isEmpty()) {
            ObjectNode meta = root.putObject(SafetensorsHeader.METADATA_KEY);
            metadata.forEach(meta::put);
        }
        long offset = 0;
        for (Map.Entry<String, Pending> e : tensors.entrySet()) {
            Pending p = e.getValue();
            ObjectNode t = root.putObject(e.getKey());
            t.put("dtype", p.dtype().fileName());
            ArrayNode shape = t.putArray("shape");
            for (long d : p.shape()) {
                shape.add(d);
            }
            long end = Math.addExact(offset, p.data().length);
            t.putArray("data_offsets").add(offset).add(end);
            offset = end;
        }
        byte[] json = JSON.writeValueAsBytes(root);
        int padded = Math.addExact(json.length, (8 - json.length % 8) % 8);
        byte[] header = Arrays.copyOf(json, padded);
        Arrays.fill(header, json.length, padded, (byte) ' ');
        return header;
    }

    private long[] checkedShape(String name, long[] shape) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(shape, "shape of tensor '" + name + "'");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("tensor name must not be empty");
        }
        if (name.equals(SafetensorsHeader.METADATA_KEY)) {
            throw new IllegalArgumentException("tensor name '" + name + "' is reserved for the metadata map");
        }
        if (tensors.containsKey(name)) {
            throw new IllegalArgumentException("tensor '" + name + "' was already added");
        }
        for (int i = 0; i < shape.length; i++) {
            if (shape[i] < 0) {
                throw new IllegalArgumentException("tensor '" + name + "': shape[" + i + "] must be >= 0, got "
                        + shape[i] + " in " + Arrays.toString(shape));
            }
        }
        return shape.clone();
    }

    private static long byteLength(String name, DType dtype, long[] shape) {
        try {
            return TensorInfo.byteLength(name, dtype, shape);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** A little-endian buffer for {@code count} values, after checking that count matches the shape. */
    private ByteBuffer buffer(String name, long[] shape, int count, DType dtype) {
        long[] dims = checkedShape(name, shape);
        long numel = TensorInfo.numel(name, dims);
        if (numel != count) {
            throw new IllegalArgumentException("tensor '" + name + "': shape " + Arrays.toString(dims) + " has "
                    + numel + " elements, got " + count + " values");
        }
        return ByteBuffer.allocate(Math.multiplyExact(count, dtype.byteSize())).order(ByteOrder.LITTLE_ENDIAN);
    }

    private SafetensorsWriter store(String name, DType dtype, long[] shape, ByteBuffer filled) {
        tensors.put(name, new Pending(dtype, shape.clone(), filled.array()));
        return this;
    }

    private static void writeFully(FileChannel out, ByteBuffer b) throws IOException {
        while (b.hasRemaining()) {
            out.write(b);
        }
    }
}
