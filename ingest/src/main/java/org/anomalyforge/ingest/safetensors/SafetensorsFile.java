package org.anomalyforge.ingest.safetensors;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * An open safetensors file: the validated header in memory, tensor data read on demand.
 *
 * <p>Data is read with positional {@link FileChannel} reads, in chunks of at most 1 MiB, so files larger than
 * 2 GB (a Stable Diffusion checkpoint is about 4 GB) work and only the requested tensor is ever held in
 * memory. Positional reads do not move a shared file position, so one instance may serve several threads.
 * The header is validated completely by {@link #open}; a file that opens is internally consistent.
 */
public final class SafetensorsFile implements AutoCloseable {

    /** Bytes of the little-endian u64 header length that starts every file. */
    static final int LENGTH_PREFIX_BYTES = 8;

    /** Multiple of 8, so every chunk holds whole elements of every dtype. */
    private static final int CHUNK_BYTES = 1 << 20;

    private final Path path;
    private final FileChannel channel;
    private final long dataStart;
    private final SafetensorsHeader header;
    private final Map<String, TensorInfo> byName;

    private SafetensorsFile(Path path, FileChannel channel, long dataStart, SafetensorsHeader header) {
        this.path = path;
        this.channel = channel;
        this.dataStart = dataStart;
        this.header = header;
        Map<String, TensorInfo> index = new LinkedHashMap<>();
        for (TensorInfo t : header.tensors()) {
            index.put(t.name(), t);
        }
        this.byName = index;
    }

    /** Opens and validates {@code path} with {@link SafetensorsLimits#defaults()}. */
    public static SafetensorsFile open(Path path) throws IOException {
        return open(path, SafetensorsLimits.defaults());
    }

    /**
     * Opens {@code path} and validates its whole header.
     *
     * @throws SafetensorsFormatException if the file is not a well-formed safetensors file within {@code limits}
     */
    public static SafetensorsFile open(Path path, SafetensorsLimits limits) throws IOException {
        FileChannel channel = FileChannel.open(path, StandardOpenOption.READ);
        try {
            long size = channel.size();
            if (size < LENGTH_PREFIX_BYTES) {
                throw new SafetensorsFormatException(path, "file is " + size
                        + " bytes, shorter than the 8-byte header length prefix");
            }
            ByteBuffer prefix = ByteBuffer.allocate(LENGTH_PREFIX_BYTES).order(ByteOrder.LITTLE_ENDIAN);
            readFully(path, channel, prefix, 0, "the header length");
            long headerLength = prefix.getLong(0); // unsigned u64 in the file
            if (headerLength == 0) {
                throw new SafetensorsFormatException(path, "header length is 0; a header is at least \"{}\"");
            }
            if (Long.compareUnsigned(headerLength, limits.maxHeaderBytes()) > 0) {
                throw new SafetensorsFormatException(path, "header length " + Long.toUnsignedString(headerLength)
                        + " bytes exceeds the limit of " + limits.maxHeaderBytes() + " bytes");
            }
            long afterPrefix = size - LENGTH_PREFIX_BYTES;
            if (headerLength > afterPrefix) {
                throw new SafetensorsFormatException(path, "header length " + headerLength
                        + " bytes is larger than the file, which has only " + afterPrefix
                        + " bytes after the 8-byte length prefix");
            }
            byte[] headerBytes = new byte[(int) headerLength];
            readFully(path, channel, ByteBuffer.wrap(headerBytes), LENGTH_PREFIX_BYTES, "the header");
            long dataStart = LENGTH_PREFIX_BYTES + headerLength;
            SafetensorsHeader header = SafetensorsHeader.parse(path, headerBytes, size - dataStart);
            return new SafetensorsFile(path, channel, dataStart, header);
        } catch (IOException | RuntimeException | Error e) {
            try {
                channel.close();
            } catch (IOException closeFailure) {
                e.addSuppressed(closeFailure);
            }
            throw e;
        }
    }

    /** The file this was opened from. */
    public Path path() {
        return path;
    }

    /** The {@code "__metadata__"} map in file order; empty if the file has none. Unmodifiable. */
    public Map<String, String> metadata() {
        return header.metadata();
    }

    /** All tensors, sorted by data offset (the order of their bytes in the file). Unmodifiable. */
    public List<TensorInfo> tensors() {
        return header.tensors();
    }

    /** The tensor called {@code name}, or empty. */
    public Optional<TensorInfo> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** The tensor called {@code name}; NoSuchElementException naming it and a few tensors that do exist. */
    public TensorInfo get(String name) {
        TensorInfo t = byName.get(name);
        if (t == null) {
            String examples = byName.keySet().stream().limit(5).collect(Collectors.joining(", "));
            throw new NoSuchElementException(path + ": no tensor named '" + name + "'; the file has "
                    + byName.size() + " tensor(s)" + (byName.isEmpty() ? "" : ", e.g. " + examples
                    + (byName.size() > 5 ? ", ..." : "")));
        }
        return t;
    }

    /** The raw little-endian bytes of tensor {@code name}, {@code numel × dtype size} of them. */
    public byte[] readBytes(String name) throws IOException {
        TensorInfo t = get(name);
        checkArrayLength(t, t.byteLength(), "bytes");
        byte[] out = new byte[(int) t.byteLength()];
        readFully(path, openChannel(), ByteBuffer.wrap(out), dataStart + t.begin(), "tensor '" + name + "'");
        return out;
    }

    /**
     * The values of a floating-point tensor as floats, row-major: F32 as stored, F16 and BF16 widened exactly,
     * F64 rounded to the nearest float.
     *
     * @throws IllegalArgumentException if the tensor has an integer or BOOL dtype
     */
    public float[] readFloats(String name) throws IOException {
        TensorInfo t = get(name);
        DType dtype = t.dtype();
        if (!dtype.isFloatingPoint()) {
            throw new IllegalArgumentException(path + ": tensor '" + name + "' has dtype " + dtype.fileName()
                    + "; readFloats accepts F64, F32, F16 and BF16 (use readLongs for integer and BOOL tensors)");
        }
        checkArrayLength(t, t.numel(), "elements");
        float[] out = new float[(int) t.numel()];
        forEachChunk(t, (chunk, first) -> {
            int i = first;
            while (chunk.hasRemaining()) {
                out[i++] = switch (dtype) {
                    case F32 -> chunk.getFloat();
                    case F64 -> (float) chunk.getDouble();
                    case F16 -> HalfFloats.f16ToFloat(chunk.getShort());
                    case BF16 -> HalfFloats.bf16ToFloat(chunk.getShort());
                    default -> throw new IllegalStateException("not a float dtype: " + dtype);
                };
            }
        });
        return out;
    }

    /**
     * The values of an integer or BOOL tensor widened to long, row-major: I64…I8 sign-extended, U8 unsigned,
     * BOOL as 0 or 1.
     *
     * @throws IllegalArgumentException   if the tensor has a floating-point dtype
     * @throws SafetensorsFormatException if a BOOL element is neither 0 nor 1
     */
    public long[] readLongs(String name) throws IOException {
        TensorInfo t = get(name);
        DType dtype = t.dtype();
        if (dtype.isFloatingPoint()) {
            throw new IllegalArgumentException(path + ": tensor '" + name + "' has dtype " + dtype.fileName()
                    + "; readLongs accepts I64, I32, I16, I8, U8 and BOOL (use readFloats for floating-point tensors)");
        }
        checkArrayLength(t, t.numel(), "elements");
        long[] out = new long[(int) t.numel()];
        forEachChunk(t, (chunk, first) -> {
            int i = first;
            while (chunk.hasRemaining()) {
                out[i] = switch (dtype) {
                    case I64 -> chunk.getLong();
                    case I32 -> chunk.getInt();
                    case I16 -> chunk.getShort();
                    case I8 -> chunk.get();
                    case U8 -> chunk.get() & 0xff;
                    case BOOL -> boolValue(t, i, chunk.get());
                    default -> throw new IllegalStateException("not an integer dtype: " + dtype);
                };
                i++;
            }
        });
        return out;
    }

    /** Closes the file; later reads fail with IllegalStateException. */
    @Override
    public void close() throws IOException {
        channel.close();
    }

    @Override
    public String toString() {
        return "SafetensorsFile[" + path + ", " + byName.size() + " tensors]";
    }

    private long boolValue(TensorInfo t, int index, byte value) throws SafetensorsFormatException {
        if (value != 0 && value != 1) {
            throw new SafetensorsFormatException(path, "tensor '" + t.name() + "' (BOOL) element " + index
                    + " must be 0 or 1, got " + (value & 0xff));
        }
        return value;
    }

    /** Feeds the tensor's bytes to {@code decoder} in little-endian chunks of whole elements. */
    private void forEachChunk(TensorInfo t, ChunkDecoder decoder) throws IOException {
        FileChannel ch = openChannel();
        int elementBytes = t.dtype().byteSize();
        ByteBuffer chunk = ByteBuffer.allocate((int) Math.min(CHUNK_BYTES, t.byteLength()))
                .order(ByteOrder.LITTLE_ENDIAN);
        long done = 0;
        while (done < t.byteLength()) {
            chunk.clear();
            chunk.limit((int) Math.min(chunk.capacity(), t.byteLength() - done));
            readFully(path, ch, chunk, dataStart + t.begin() + done, "tensor '" + t.name() + "'");
            chunk.flip();
            int firstElement = (int) (done / elementBytes);
            done += chunk.remaining();
            decoder.decode(chunk, firstElement);
        }
    }

    private FileChannel openChannel() {
        if (!channel.isOpen()) {
            throw new IllegalStateException(path + ": SafetensorsFile is closed");
        }
        return channel;
    }

    private void checkArrayLength(TensorInfo t, long length, String unit) {
        if (length > SafetensorsLimits.MAX_ARRAY_BYTES) {
            throw new IllegalArgumentException(path + ": tensor '" + t.name() + "' has " + length + " " + unit
                    + ", more than a Java array can hold (" + SafetensorsLimits.MAX_ARRAY_BYTES + ")");
        }
    }

    /**
     * Fills {@code buffer} (position 0 to its limit) from file byte {@code position}; a file that is shorter
     * than its header promised (truncated after open) is a format error.
     */
    private static void readFully(Path path, FileChannel ch, ByteBuffer buffer, long position, String what)
            throws IOException {
        while (buffer.hasRemaining()) {
            int n = ch.read(buffer, position + buffer.position());
            if (n < 0) {
                throw new SafetensorsFormatException(path, "file ends at byte " + (position + buffer.position())
                        + " while reading " + what + " (" + buffer.limit() + " bytes from byte " + position + ")");
            }
        }
    }

    /** Decodes one chunk of little-endian bytes; {@code firstElement} is the index of its first element. */
    @FunctionalInterface
    private interface ChunkDecoder {
        void decode(ByteBuffer chunk, int firstElement) throws IOException;
    }
}
