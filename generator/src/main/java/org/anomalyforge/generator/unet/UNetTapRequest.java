package org.anomalyforge.generator.unet;

import java.util.Arrays;
import java.util.List;

/**
 * Which optional taps one U-Net call computes. ε̂ and the up-block outputs are always returned.
 *
 * @param daResolutions resolutions r whose DA maps A_r to compute (empty: none, e.g. at inference); r names a down
 *                      block by its resolution at the configured sample size; the map's side follows the actual
 *                      input (r for a full-size latent)
 * @param daTokens      token positions l of the maps (e.g. 2, 4, 5, 6, 7), non-empty when maps are requested
 * @param source        which layers are averaged
 */
public record UNetTapRequest(List<Integer> daResolutions, int[] daTokens, DaMapSource source) {

    public UNetTapRequest {
        daResolutions = List.copyOf(daResolutions);
        daTokens = daTokens.clone();
        if (source == null) {
            throw new IllegalArgumentException("UNetTapRequest.source must be set, got null");
        }
        if (!daResolutions.isEmpty() && daTokens.length == 0) {
            throw new IllegalArgumentException("UNetTapRequest.daTokens must be non-empty when DA maps are requested"
                    + " for resolutions " + daResolutions);
        }
        for (int t : daTokens) {
            if (t < 0) {
                throw new IllegalArgumentException("UNetTapRequest.daTokens must be >= 0, got "
                        + Arrays.toString(daTokens));
            }
        }
    }

    /** No DA maps (inference). */
    public static UNetTapRequest none() {
        return new UNetTapRequest(List.of(), new int[0], DaMapSource.DOWN);
    }

    /** DA maps at {@code resolutions} for {@code tokens}, from the down blocks. */
    public static UNetTapRequest daMaps(List<Integer> resolutions, int... tokens) {
        return new UNetTapRequest(resolutions, tokens, DaMapSource.DOWN);
    }

    @Override
    public int[] daTokens() {
        return daTokens.clone();
    }

    /** Whether any DA map is requested. */
    public boolean wantsDaMaps() {
        return !daResolutions.isEmpty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UNetTapRequest r && r.daResolutions.equals(daResolutions)
                && Arrays.equals(r.daTokens, daTokens) && r.source == source;
    }

    @Override
    public int hashCode() {
        return 31 * (31 * daResolutions.hashCode() + Arrays.hashCode(daTokens)) + source.hashCode();
    }

    @Override
    public String toString() {
        return "UNetTapRequest[daResolutions=" + daResolutions + ", daTokens=" + Arrays.toString(daTokens)
                + ", source=" + source + "]";
    }
}
