package org.anomalyforge.ingest.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;

/**
 * A SHA-256 that identifies a set of training files: over each file's name and content hash, in sorted
 * path order, so the same files give the same fingerprint wherever the dataset is mounted.
 */
public final class DataFingerprint {
    private DataFingerprint() {}

    /**
     * @param base  folder the paths are made relative to (so moving the dataset keeps the fingerprint)
     * @param files the files, in any order
     */
    public static String of(Path base, Collection<Path> files) throws IOException {
        List<Path> sorted = files.stream().map(f -> base.relativize(f.toAbsolutePath().normalize()))
                .sorted().toList();
        MessageDigest md = Sha256.digest();
        for (Path rel : sorted) {
            md.update(rel.toString().replace('\\', '/').getBytes(StandardCharsets.UTF_8));
            md.update((byte) 0);
            md.update(Sha256.of(base.resolve(rel)).getBytes(StandardCharsets.US_ASCII));
            md.update((byte) '\n');
        }
        return HexFormat.of().formatHex(md.digest());
    }
}
