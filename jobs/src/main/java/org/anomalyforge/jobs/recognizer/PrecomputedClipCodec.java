package org.anomalyforge.jobs.recognizer;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.anomalyforge.trokens.encoders.PatchGrid;
import org.anomalyforge.trokens.model.PrecomputedClip;
import org.anomalyforge.trokens.tokens.HodMode;
import org.anomalyforge.trokens.tokens.HodTokens;
import org.anomalyforge.trokens.tokens.MotionTokens;
import org.anomalyforge.trokens.tokens.RelationalTokens;
import org.anomalyforge.trokens.tracks.TrackSet;
import org.anomalyforge.trokens.tracks.Trajectory;
import org.anomalyforge.trokens.tracks.TrajectorySlots;

/**
 * Bytes for a {@link PrecomputedClip}, so Spark tasks can return what they computed (the trokens records are
 * not {@code Serializable}). Layout, big-endian: magic, clip id, the slots' track set {@code (T, W, H, M,
 * then per track x[T], y[T], visible[T])}, padding {@code [M]}, clusters {@code [M]}, normalised x and y
 * {@code [M][T]}, HoD mode and values {@code [M][T][D]}, relational values {@code [M][T][2M]}, and the
 * appearance grid {@code (F, G, A, data[F·G·G·A])}. Decoding rebuilds the records through their own
 * constructors, so their shape checks run again.
 */
public final class PrecomputedClipCodec {

    /** First int of every encoded clip; guards against decoding something else. */
    static final int MAGIC = 0x54524B31; // "TRK1"

    private PrecomputedClipCodec() {}

    /** Encodes {@code clip} losslessly. */
    public static byte[] encode(PrecomputedClip clip) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeUTF(clip.clipId());
            MotionTokens motion = clip.motion();
            TrackSet tracks = motion.slots().tracks();
            out.writeInt(tracks.frames());
            out.writeInt(tracks.width());
            out.writeInt(tracks.height());
            out.writeInt(tracks.tracks().size());
            for (Trajectory t : tracks.tracks()) {
                writeFloats(out, t.x());
                writeFloats(out, t.y());
                writeBooleans(out, t.visible());
            }
            writeBooleans(out, motion.slots().padding());
            writeInts(out, motion.slots().clusters());
            writeMatrix(out, motion.normalisedX());
            writeMatrix(out, motion.normalisedY());
            out.writeUTF(motion.hod().mode().name());
            writeCube(out, motion.hod().values());
            writeCube(out, motion.relational().values());
            PatchGrid grid = clip.appearance();
            out.writeInt(grid.frames());
            out.writeInt(grid.gridSize());
            out.writeInt(grid.featureDim());
            writeFloats(out, grid.data());
        } catch (IOException e) {
            throw new UncheckedIOException("encoding clip " + clip.clipId() + " failed", e);
        }
        return bytes.toByteArray();
    }

    /**
     * Decodes what {@link #encode} wrote.
     *
     * @throws IllegalArgumentException if the bytes are not an encoded clip or are truncated
     */
    public static PrecomputedClip decode(byte[] data) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
            int magic = in.readInt();
            if (magic != MAGIC) {
                throw new IllegalArgumentException("not an encoded precomputed clip: magic must be 0x"
                        + Integer.toHexString(MAGIC) + ", got 0x" + Integer.toHexString(magic));
            }
            String clipId = in.readUTF();
            int frames = in.readInt();
            int width = in.readInt();
            int height = in.readInt();
            int count = in.readInt();
            List<Trajectory> tracks = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                tracks.add(new Trajectory(readFloats(in), readFloats(in), readBooleans(in)));
            }
            TrajectorySlots slots = new TrajectorySlots(new TrackSet(frames, width, height, tracks),
                    readBooleans(in), readInts(in));
            float[][] nx = readMatrix(in);
            float[][] ny = readMatrix(in);
            HodTokens hod = new HodTokens(HodMode.valueOf(in.readUTF()), readCube(in));
            RelationalTokens relational = new RelationalTokens(readCube(in));
            PatchGrid grid = new PatchGrid(in.readInt(), in.readInt(), in.readInt(), readFloats(in));
            return new PrecomputedClip(clipId, new MotionTokens(slots, nx, ny, hod, relational), grid);
        } catch (IOException e) {
            throw new IllegalArgumentException("encoded precomputed clip is truncated or corrupt ("
                    + data.length + " bytes): " + e, e);
        }
    }

    private static void writeFloats(DataOutputStream out, float[] values) throws IOException {
        out.writeInt(values.length);
        for (float v : values) {
            out.writeFloat(v);
        }
    }

    private static void writeInts(DataOutputStream out, int[] values) throws IOException {
        out.writeInt(values.length);
        for (int v : values) {
            out.writeInt(v);
        }
    }

    private static void writeBooleans(DataOutputStream out, boolean[] values) throws IOException {
        out.writeInt(values.length);
        for (boolean v : values) {
            out.writeBoolean(v);
        }
    }

    private static void writeMatrix(DataOutputStream out, float[][] values) throws IOException {
        out.writeInt(values.length);
        for (float[] row : values) {
            writeFloats(out, row);
        }
    }

    private static void writeCube(DataOutputStream out, float[][][] values) throws IOException {
        out.writeInt(values.length);
        for (float[][] plane : values) {
            writeMatrix(out, plane);
        }
    }

    private static int length(DataInputStream in) throws IOException {
        int n = in.readInt();
        // Every element takes at least one byte, so a longer array can only come from corrupt data: refuse it
        // before allocating.
        if (n < 0 || n > in.available()) {
            throw new IOException("array length " + n + " does not fit the " + in.available() + " bytes left");
        }
        return n;
    }

    private static float[] readFloats(DataInputStream in) throws IOException {
        float[] v = new float[length(in)];
        for (int i = 0; i < v.length; i++) {
            v[i] = in.readFloat();
        }
        return v;
    }

    private static int[] readInts(DataInputStream in) throws IOException {
        int[] v = new int[length(in)];
        for (int i = 0; i < v.length; i++) {
            v[i] = in.readInt();
        }
        return v;
    }

    private static boolean[] readBooleans(DataInputStream in) throws IOException {
        boolean[] v = new boolean[length(in)];
        for (int i = 0; i < v.length; i++) {
            v[i] = in.readBoolean();
        }
        return v;
    }

    private static float[][] readMatrix(DataInputStream in) throws IOException {
        float[][] v = new float[length(in)][];
        for (int i = 0; i < v.length; i++) {
            v[i] = readFloats(in);
        }
        return v;
    }

    private static float[][][] readCube(DataInputStream in) throws IOException {
        float[][][] v = new float[length(in)][][];
        for (int i = 0; i < v.length; i++) {
            v[i] = readMatrix(in);
        }
        return v;
    }
}
