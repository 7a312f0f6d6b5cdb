package org.anomalyforge.ingest.safetensors;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The parsed and validated JSON header of a safetensors file.
 *
 * <p>Validation follows the Rust reference implementation: sorted by offset, the tensors must tile the
 * data buffer exactly, from byte 0 to its last byte, without overlaps, holes or trailing bytes.
 *
 * @param metadata the {@code "__metadata__"} map (empty if absent), in file order, unmodifiable
 * @param tensors  all tensors sorted by data offset, unmodifiable
 */
record SafetensorsHeader(Map<String, String> metadata, List<TensorInfo> tensors) {

    static final String METADATA_KEY = "__metadata__";

    private static final Set<String> TENSOR_FIELDS = Set.of("dtype", "shape", "data_offsets");

    // Duplicate keys inside a tensor entry or the metadata (e.g. two "dtype" fields) are refused by Jackson
    // while building the tree; duplicate top-level keys (tensor names) are detected in readTopLevel with a
    // clearer message. The parser-wide STRICT_DUPLICATE_DETECTION would pre-empt that message, so it stays off.
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);

    /**
     * Parses and validates {@code headerBytes}.
     *
     * @param file       named in every error message
     * @param dataLength bytes in the data buffer (file size − 8 − header length)
     */
    static SafetensorsHeader parse(Path file, byte[] headerBytes, long dataLength) throws SafetensorsFormatException {
        String json = decodeUtf8(file, headerBytes);
        Map<String, JsonNode> entries = readTopLevel(file, json);
        Map<String, String> metadata = Map.of();
        List<TensorInfo> tensors = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : entries.entrySet()) {
            if (e.getKey().equals(METADATA_KEY)) {
                metadata = parseMetadata(file, e.getValue());
            } else {
                tensors.add(parseTensor(file, e.getKey(), e.getValue(), dataLength));
            }
        }
        // Stable sort: zero-byte tensors sharing an offset keep their file order.
        tensors.sort(Comparator.comparingLong(TensorInfo::begin).thenComparingLong(TensorInfo::end));
        checkTiling(file, tensors, dataLength);
        return new SafetensorsHeader(metadata, Collections.unmodifiableList(tensors));
    }

    private static String decodeUtf8(Path file, byte[] bytes) throws SafetensorsFormatException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length); // UTF-8 never yields more chars than bytes
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            throw new SafetensorsFormatException(file, "header is not valid UTF-8: malformed sequence of "
                    + result.length() + " byte(s) at header byte " + in.position());
        }
        return out.flip().toString();
    }

    /** The top-level object as name → value in file order, refusing duplicate names and trailing content. */
    private static Map<String, JsonNode> readTopLevel(Path file, String json) throws SafetensorsFormatException {
        Map<String, JsonNode> entries = new LinkedHashMap<>();
        try (JsonParser p = JSON.createParser(json)) {
            JsonToken first = p.nextToken();
            if (first != JsonToken.START_OBJECT) {
                throw new SafetensorsFormatException(file, "header must be a JSON object, but starts with "
                        + (first == null ? "nothing (blank header)" : first.asString() == null ? first : first.asString()));
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                JsonNode value = JSON.readTree(p);
                if (entries.putIfAbsent(name, value) != null) {
                    throw new SafetensorsFormatException(file, name.equals(METADATA_KEY)
                            ? "header contains \"" + METADATA_KEY + "\" twice"
                            : "duplicate tensor name '" + name + "' in the header");
                }
            }
            JsonToken after = p.nextToken();
            if (after != null) {
                throw new SafetensorsFormatException(file, "header has content after its JSON object: " + after
                        + " at " + describe(p.currentLocation()));
            }
        } catch (SafetensorsFormatException e) {
            throw e;
        } catch (JsonProcessingException e) {
            throw new SafetensorsFormatException(file, "header is not valid JSON at "
                    + describe(e.getLocation()) + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new SafetensorsFormatException(file, "header could not be parsed: " + e.getMessage(), e);
        }
        return entries;
    }

    private static Map<String, String> parseMetadata(Path file, JsonNode node) throws SafetensorsFormatException {
        if (!node.isObject()) {
            throw new SafetensorsFormatException(file, "\"" + METADATA_KEY + "\" must be an object of string values, got "
                    + node.getNodeType() + " " + abbreviate(node));
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> f : node.properties()) {
            if (!f.getValue().isTextual()) {
                throw new SafetensorsFormatException(file, "\"" + METADATA_KEY + "\" value of key '" + f.getKey()
                        + "' must be a string, got " + f.getValue().getNodeType() + " " + abbreviate(f.getValue()));
            }
            metadata.put(f.getKey(), f.getValue().textValue());
        }
        return Collections.unmodifiableMap(metadata);
    }

    private static TensorInfo parseTensor(Path file, String name, JsonNode node, long dataLength)
            throws SafetensorsFormatException {
        String where = "tensor '" + name + "'";
        if (name.isEmpty()) {
            throw new SafetensorsFormatException(file, "a tensor has an empty name");
        }
        if (!node.isObject()) {
            throw new SafetensorsFormatException(file, where + " must be an object with dtype, shape and data_offsets, got "
                    + node.getNodeType() + " " + abbreviate(node));
        }
        for (Map.Entry<String, JsonNode> property : node.properties()) {
            String field = property.getKey();
            if (!TENSOR_FIELDS.contains(field)) {
                throw new SafetensorsFormatException(file, where + " has unknown field '" + field
                        + "' (expected dtype, shape, data_offsets)");
            }
        }
        DType dtype = parseDtype(file, where, node.get("dtype"));
        long[] shape = nonNegativeLongs(file, where, "shape", node.get("shape"));
        long[] offsets = nonNegativeLongs(file, where, "data_offsets", node.get("data_offsets"));
        if (offsets.length != 2) {
            throw new SafetensorsFormatException(file, where + ": data_offsets must hold exactly two integers [begin, end], got "
                    + Arrays.toString(offsets));
        }
        long begin = offsets[0];
        long end = offsets[1];
        if (begin > end) {
            throw new SafetensorsFormatException(file, where + ": data_offsets begin " + begin
                    + " is greater than end " + end);
        }
        if (end > dataLength) {
            throw new SafetensorsFormatException(file, where + ": data_offsets end " + end
                    + " is beyond the end of the data buffer (" + dataLength + " bytes)");
        }
        long expected;
        try {
            expected = TensorInfo.byteLength(name, dtype, shape);
        } catch (ArithmeticException e) {
            throw new SafetensorsFormatException(file, e.getMessage(), e);
        }
        if (end - begin != expected) {
            throw new SafetensorsFormatException(file, where + ": shape " + Arrays.toString(shape) + " of "
                    + dtype.fileName() + " needs " + expected + " bytes, but data_offsets [" + begin + ", " + end
                    + "] span " + (end - begin) + " bytes");
        }
        return new TensorInfo(name, dtype, shape, begin, end);
    }

    private static DType parseDtype(Path file, String where, JsonNode node) throws SafetensorsFormatException {
        if (node == null) {
            throw new SafetensorsFormatException(file, where + " has no dtype field");
        }
        if (!node.isTextual()) {
            throw new SafetensorsFormatException(file, where + ": dtype must be a string, got "
                    + node.getNodeType() + " " + abbreviate(node));
        }
        return DType.fromFileName(node.textValue()).orElseThrow(() -> new SafetensorsFormatException(file,
                where + ": unknown dtype '" + abbreviate(node.textValue()) + "' (supported: " + DType.supportedNames() + ")"));
    }

    private static long[] nonNegativeLongs(Path file, String where, String field, JsonNode node)
            throws SafetensorsFormatException {
        if (node == null) {
            throw new SafetensorsFormatException(file, where + " has no " + field + " field");
        }
        if (!node.isArray()) {
            throw new SafetensorsFormatException(file, where + ": " + field
                    + " must be an array of non-negative integers, got " + node.getNodeType() + " " + abbreviate(node));
        }
        long[] values = new long[node.size()];
        for (int i = 0; i < values.length; i++) {
            JsonNode v = node.get(i);
            if (!v.isIntegralNumber() || !v.canConvertToLong() || v.longValue() < 0) {
                throw new SafetensorsFormatException(file, where + ": " + field + "[" + i
                        + "] must be a non-negative integer, got " + abbreviate(v) + " in " + abbreviate(node));
            }
            values[i] = v.longValue();
        }
        return values;
    }

    /** Sorted tensors must cover [0, dataLength) exactly once. */
    private static void checkTiling(Path file, List<TensorInfo> sorted, long dataLength) throws SafetensorsFormatException {
        long cursor = 0;
        TensorInfo previous = null;
        for (TensorInfo t : sorted) {
            if (t.begin() < cursor) {
                throw new SafetensorsFormatException(file, "tensors '" + previous.name() + "' [" + previous.begin()
                        + ", " + previous.end() + ") and '" + t.name() + "' [" + t.begin() + ", " + t.end() + ") overlap");
            }
            if (t.begin() > cursor) {
                throw new SafetensorsFormatException(file, "data buffer bytes [" + cursor + ", " + t.begin()
                        + ") before tensor '" + t.name() + "' belong to no tensor (the buffer must be fully indexed)");
            }
            if (t.end() > t.begin() || previous == null) {
                previous = t;
            }
            cursor = t.end();
        }
        if (cursor != dataLength) {
            throw new SafetensorsFormatException(file, "data buffer has " + (dataLength - cursor)
                    + " trailing bytes [" + cursor + ", " + dataLength + ") after the last tensor"
                    + (previous == null ? "" : " '" + previous.name() + "'")
                    + " that belong to no tensor (the buffer must be fully indexed)");
        }
    }

    private static String describe(JsonLocation location) {
        return location == null ? "unknown position"
                : "line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    /** At most 80 characters of a value, so a hostile header cannot flood the log. */
    private static String abbreviate(Object value) {
        String s = String.valueOf(value);
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }
}
