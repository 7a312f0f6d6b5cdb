package org.anomalyforge.generator.unet;

/** Which cross-attention layers a DA map averages (seas.md §7.4 "Map source"). */
public enum DaMapSource {
    /** The DA down block only (the original as run; default). */
    DOWN,
    /** ½(down-block map + map of the cross-attention up block at the same resolution), the intended variant. */
    DOWN_AND_UP
}
