package org.anomalyforge.ingest.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads and writes {@link Manifest} as JSON, with errors that name the field. */
final class ManifestJson {
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ManifestJson() {}

    static byte[] write(Manifest m) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", m.format());
        root.put("product", m.product());
        root.put("kind", m.kind());
        root.put("run_id", m.runId());
        root.put("created_at", m.createdAt().toString());
        root.put("code_version", m.codeVersion());
        root.put("data_fingerprint", m.dataFingerprint());
        ObjectNode files = root.putObject("files");
        new java.util.TreeMap<>(m.files()).forEach(files::put);
        ObjectNode metrics = root.putObject("metrics");
        new java.util.TreeMap<>(m.metrics()).forEach(metrics::put);
        try {
            return JSON.writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a manifest", e);
        }
    }

    static Manifest read(Path file, byte[] bytes) throws ModelStoreException {
        JsonNode root;
        try {
            root = JSON.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw new ModelStoreException(file, "not valid JSON: " + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            throw new ModelStoreException(file, "cannot read: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new ModelStoreException(file, "must hold a JSON object");
        }
        int format = root.path("format").asInt(-1);
        if (format != Manifest.FORMAT) {
            throw new ModelStoreException(file, "unsupported manifest format " + root.path("format")
                    + " (this AnomalyForge reads format " + Manifest.FORMAT + ")");
        }
        Instant created;
        try {
            created = Instant.parse(text(file, root, "created_at"));
        } catch (DateTimeParseException e) {
            throw new ModelStoreException(file, "created_at is not an ISO-8601 instant: " + root.get("created_at"));
        }
        Map<String, String> files = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = object(file, root, "files").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isTextual() || !e.getValue().asText().matches("[0-9a-f]{64}")) {
                throw new ModelStoreException(file, "files." + e.getKey() + " must be a SHA-256 hex string, got "
                        + e.getValue());
            }
            files.put(e.getKey(), e.getValue().asText());
        }
        Map<String, Double> metrics = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = object(file, root, "metrics").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isNumber()) {
                throw new ModelStoreException(file, "metrics." + e.getKey() + " must be a number, got " + e.getValue());
            }
            metrics.put(e.getKey(), e.getValue().asDouble());
        }
        return new Manifest(format, text(file, root, "product"), text(file, root, "kind"), text(file, root, "run_id"),
                created, text(file, root, "code_version"), text(file, root, "data_fingerprint"), files, metrics);
    }

    private static String text(Path file, JsonNode root, String field) throws ModelStoreException {
        JsonNode n = root.get(field);
        if (n == null || !n.isTextual()) {
            throw new ModelStoreException(file, "field " + field + " must be a string, got " + n);
        }
        return n.asText();
    }

    private static JsonNode object(Path file, JsonNode root, String field) throws ModelStoreException {
        JsonNode n = root.get(field);
        if (n == null || !n.isObject()) {
            throw new ModelStoreException(file, "field " + field + " must be an object, got " + n);
        }
        return n;
    }
}
