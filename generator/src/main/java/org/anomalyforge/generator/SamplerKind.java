package org.anomalyforge.generator;

/** Generation solvers on the shared schedule (seas.md §5.3): DPM-Solver++ 2M (default) and DDIM (η = 0). */
public enum SamplerKind { DPM_SOLVER_PP_2M, DDIM }
