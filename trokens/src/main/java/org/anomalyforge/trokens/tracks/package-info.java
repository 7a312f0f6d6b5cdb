/**
 * Track data shared between the non-neural half (sampling, tracking) and the recogniser: query points,
 * trajectories, track sets, canonical slots and the coordinate conventions of spec §8.4.
 */
package org.anomalyforge.trokens.tracks;
