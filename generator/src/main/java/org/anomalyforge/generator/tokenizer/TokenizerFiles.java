package org.anomalyforge.generator.tokenizer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes the Hugging Face tokenizer files: {@code vocab.json} / {@code added_tokens.json} (token → id
 * objects) and {@code merges.txt} (a {@code #version} header, then one "first second" pair per line in rank
 * order).
 */
final class TokenizerFiles {

    /**
     * openai/CLIP and HF read {@code merges[1 : 49152 − 256 − 2 + 1]}: at most 48,894 merges after the header
     * (the vocabulary 49,408 = 256 bytes + 256 bytes with {@code </w>} + 48,894 merges + 2 specials).
     */
    static final int CLIP_MAX_MERGES = 49152 - 256 - 2;

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final TypeReference<LinkedHashMap<String, Integer>> TOKEN_MAP = new TypeReference<>() { };

    private TokenizerFiles() {
    }

    /** A token → id JSON object, in file order; {@code source} names the file in errors. */
    static Map<String, Integer> readTokenMap(InputStream in, String source) throws IOException {
        Map<String, Integer> map;
        try {
            map = MAPPER.readValue(in, TOKEN_MAP);
        } catch (JsonProcessingException e) {
            throw new TokenizerFileException(source + ": must be a JSON object of token → integer id ("
                    + e.getOriginalMessage() + ")", e);
        }
        if (map == null) {
            throw new TokenizerFileException(source + ": must be a JSON object of token → integer id, got null");
        }
        for (Map.Entry<String, Integer> entry : map.entrySet()) {
            if (entry.getValue() == null || entry.getValue() < 0) {
                throw new TokenizerFileException(source + ": id of token '" + entry.getKey()
                        + "' must be a non-negative integer, got " + entry.getValue());
            }
        }
        return map;
    }

    /** Reads {@link #readTokenMap} from a file. */
    static Map<String, Integer> readTokenMap(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return readTokenMap(in, file.toString());
        }
    }

    /** Writes a token → id object (UTF-8, pretty-printed, in map order). */
    static void writeTokenMap(Map<String, Integer> map, Path file) throws IOException {
        try {
            Files.writeString(file, MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(map));
        } catch (JsonProcessingException e) {
            throw new TokenizerFileException(file + ": cannot serialise token map", e);
        }
    }

    /**
     * The merge pairs of a {@code merges.txt} in rank order: the first line must be the {@code #version}
     * header; blank lines at the end are ignored; at most {@link #CLIP_MAX_MERGES} pairs are used, as in CLIP.
     */
    static List<String[]> readMerges(InputStream in, String source) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String header = reader.readLine();
        if (header == null || !header.startsWith("#version")) {
            throw new TokenizerFileException(source + ": line 1 must be the '#version' header, got "
                    + (header == null ? "end of file" : "'" + header + "'"));
        }
        List<String[]> pairs = new ArrayList<>();
        int blankSince = -1;
        String line;
        int lineNumber = 1;
        while ((line = reader.readLine()) != null) {
            lineNumber++;
            if (line.isEmpty()) {
                blankSince = blankSince < 0 ? lineNumber : blankSince;
                continue;
            }
            if (blankSince >= 0) {
                throw new TokenizerFileException(source + ": line " + blankSince + " is blank but merges follow"
                        + " at line " + lineNumber);
            }
            String[] pair = line.split(" ", -1);
            if (pair.length != 2 || pair[0].isEmpty() || pair[1].isEmpty()) {
                throw new TokenizerFileException(source + ": line " + lineNumber + " must be two symbols "
                        + "separated by one space, got '" + line + "'");
            }
            if (pairs.size() < CLIP_MAX_MERGES) {
                pairs.add(pair);
            }
        }
        return pairs;
    }
}
