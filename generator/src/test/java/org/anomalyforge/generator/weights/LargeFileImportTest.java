package org.anomalyforge.generator.weights;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.anomalyforge.generator.nn.LinearLayer;
import org.anomalyforge.generator.nn.ModelInitialization;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hand-written (not SafetensorsWriter) sparse file whose parameters sit beyond byte 2³¹, after a 2 GiB tensor
 * that is never read: the importer must address them with 64-bit offsets, one tensor at a time.
 */
class LargeFileImportTest {

    private static final long PAD_ELEMENTS = (1L << 29) + 2;          // F32: 2^31 + 8 bytes

    private static byte[] pad8(byte[] json) {
        int padded = (json.length + 7) / 8 * 8;
        byte[] out = new byte[padded];
        System.arraycopy(json, 0, out, 0, json.length);
        for (int i = json.length; i < padded; i++) {
            out[i] = ' ';
        }
        return out;
    }

    @Test
    void matchingSparseFileImportsValuesAtHighOffsets(@TempDir Path dir) throws IOException {
        long padBytes = PAD_ELEMENTS * 4;
        long weightEnd = padBytes + 6 * 4;
        long biasEnd = weightEnd + 3 * 2;
        String header = "{\"big.pad\":{\"dtype\":\"F32\",\"shape\":[" + PAD_ELEMENTS + "],\"data_offsets\":[0,"
                + padBytes + "]},\"weight\":{\"dtype\":\"F32\",\"shape\":[3,2],\"data_offsets\":[" + padBytes + ","
                + weightEnd + "]},\"bias\":{\"dtype\":\"F16\",\"shape\":[3],\"data_offsets\":[" + weightEnd + ","
                + biasEnd + "]}}";
        byte[] h = pad8(header.getBytes(StandardCharsets.UTF_8));
        Path file = dir.resolve("sparse.safetensors");
        long dataStart = 8 + h.length;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                StandardOpenOption.SPARSE)) {
            ch.write(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(0, h.length), 0);
            ch.write(ByteBuffer.wrap(h), 8);
            ByteBuffer w = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
            for (float v : new float[] {1, 2, 3, 4, 5, 6}) {
                w.putFloat(v);
            }
            ch.write(w.flip(), dataStart + padBytes);
            ByteBuffer b = ByteBuffer.allocate(6).order(ByteOrder.LITTLE_ENDIAN);
            for (short bits : new short[] {0x3c00, (short) 0xc000, 0x3800}) {           // F16 1, −2, 0.5
                b.putShort(bits);
            }
            ch.write(b.flip(), dataStart + weightEnd);
        }
        LinearLayer layer = new LinearLayer(2, 3, true);
        try (NDManager m = NDManager.newBaseManager()) {
            ModelInitialization.zeros(layer, m);
            ImportReport r = WeightImporter.importFile(layer, Component.UNET, file, ImportMode.LENIENT);
            assertEquals(List.of("big.pad"), r.unknownKeys());
            assertEquals(2, r.tensorsLoaded());
            assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6},
                    layer.namedParameters().get("weight").getArray().toFloatArray(), 0f);
            assertArrayEquals(new float[] {1, -2, 0.5f}, layer.namedParameters().get("bias").getArray().toFloatArray(),
                    0f);
        }
    }
}
