/**
 * The Trokens recogniser network (spec §9–§11): configuration and profiles, per-clip input assembly with
 * token alignment, motion token MLPs, the decoupled space-time transformer and the base-class head.
 */
package org.anomalyforge.trokens.model;
