package org.anomalyforge.generator;

/** The two SeaS model profiles (seas.md §3.1): {@code TINY} trains from scratch on a CPU, {@code SD14} starts from SD-1.4. */
public enum SeasProfile { TINY, SD14 }
