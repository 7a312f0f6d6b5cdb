/**
 * Point tracking (spec §8): the {@link org.anomalyforge.trokens.tracking.PointTracker} contract, the
 * pyramidal Lucas–Kanade tracker with forward–backward check, and the
 * {@link org.anomalyforge.trokens.tracking.TrackingPipeline} facade from clip frames to motion tokens.
 */
package org.anomalyforge.trokens.tracking;
