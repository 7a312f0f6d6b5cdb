package org.anomalyforge.generator.losses;

import ai.djl.ndarray.NDArray;

/**
 * L_DA^r of one resolution (seas.md §7.4), all scalars on the autograd graph.
 *
 * @param loss        term 1 + term 2
 * @param anomalyTerm term 1: mean((norm(M_a) − G)²)
 * @param normalTerm  term 2: mean over Ω of (norm(M_n) − (1 − G))², 0 when Ω is empty
 * @param emptyRegion whether Ω was empty (the guard fired)
 */
public record DaLossTerms(NDArray loss, NDArray anomalyTerm, NDArray normalTerm, boolean emptyRegion) {
}
