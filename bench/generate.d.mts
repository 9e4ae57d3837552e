// Types for bench/generate.mjs, which the robustness tests import.

/** A realistic, valid plan of about `lines` lines, the same for the same arguments. */
export function generatePlan(lines: number, seed?: number): string;
