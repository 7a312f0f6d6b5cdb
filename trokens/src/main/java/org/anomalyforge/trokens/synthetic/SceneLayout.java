package org.anomalyforge.trokens.synthetic;

/**
 * Fixed geometry of one clip's scene in view pixels, drawn from the clip's seed.
 *
 * @param width       view width W
 * @param height      view height H
 * @param beltY       belt centre line y
 * @param beltHalf    half the belt band height
 * @param partWidth   product sprite width
 * @param partHeight  product sprite height
 * @param stationX    x of the pusher and trays
 * @param pusherWidth pusher sprite width (along the belt)
 * @param pusherDepth pusher sprite height (across the belt)
 */
record SceneLayout(int width, int height, double beltY, double beltHalf, int partWidth, int partHeight,
                   double stationX, int pusherWidth, int pusherDepth) {

    /** Tray centre y on side {@code sign} (+1 below the belt, −1 above). */
    double trayY(int sign) {
        return beltY + sign * (beltHalf + 0.15 * height);
    }

    /** Pusher rest y when it pushes towards side {@code sign}: just off the belt on the opposite side. */
    double pusherRestY(int sign) {
        return beltY - sign * (beltHalf + pusherDepth / 2.0 + 1);
    }
}
