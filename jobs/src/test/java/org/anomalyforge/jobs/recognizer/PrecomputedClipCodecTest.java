package org.anomalyforge.jobs.recognizer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import org.anomalyforge.jobs.clips.ClipSetSynthesis;
import org.anomalyforge.trokens.model.PrecomputedClip;
import org.anomalyforge.trokens.sampling.SamplingMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrecomputedClipCodecTest {

    @TempDir
    Path tmp;

    @Test
    void roundTripKeepsEveryArrayAndRefusesForeignOrTruncatedBytes() throws Exception {
        ClipSetSynthesis.Result set = RecognizerClips.write(tmp.resolve("clips"), "train", 1);
        ClipPrecomputer precomputer = new ClipPrecomputer(new TrackingChoice(SamplingMode.BIPARTITE, 16));
        PrecomputedClip clip = precomputer.precompute(set.manifest(), set.manifest().entries().get(0)).clip();

        byte[] bytes = PrecomputedClipCodec.encode(clip);
        PrecomputedClip back = PrecomputedClipCodec.decode(bytes);
        assertEquals("pass_right-000", back.clipId());
        assertEquals(16, back.motion().points());
        assertEquals(8, back.motion().frames());
        assertEquals(clip.motion().slots(), back.motion().slots());       // TrajectorySlots compares its arrays
        assertArrayEquals(clip.appearance().data(), back.appearance().data());
        assertEquals(8 * 16 * 16 * 16, back.appearance().data().length); // [T, G, G, A]
        for (int m = 0; m < 16; m++) {
            assertArrayEquals(clip.motion().normalisedX()[m], back.motion().normalisedX()[m]);
            assertTrue(Arrays.deepEquals(clip.motion().hod().values()[m], back.motion().hod().values()[m]));
            assertTrue(Arrays.deepEquals(clip.motion().relational().values()[m],
                    back.motion().relational().values()[m]));
        }
        assertArrayEquals(bytes, PrecomputedClipCodec.encode(back));

        byte[] foreign = bytes.clone();
        ByteBuffer.wrap(foreign).putInt(0, 0xCAFE);
        IllegalArgumentException wrongMagic = assertThrows(IllegalArgumentException.class,
                () -> PrecomputedClipCodec.decode(foreign));
        assertEquals("not an encoded precomputed clip: magic must be 0x54524b31, got 0xcafe", wrongMagic.getMessage());

        byte[] truncated = Arrays.copyOf(bytes, bytes.length / 2);
        IllegalArgumentException cut = assertThrows(IllegalArgumentException.class,
                () -> PrecomputedClipCodec.decode(truncated));
        assertTrue(cut.getMessage().startsWith("encoded precomputed clip is truncated or corrupt ("
                + truncated.length + " bytes)"), cut.getMessage());
    }
}
