// What the cross-plan rules need to know about one plan (or a roster), small and serialisable: the people it
// defines, the allocations it states, and the suppression comments that may silence a cross-plan finding. The CLI's
// worker threads send facts to the main thread; the language server keeps facts, not whole analyses, for the plans
// that are not open.

import type { Finding, OffsetRange } from '../core/finding';
import type { Suppression } from '../model/suppressions';
import type { YamlModel } from '../model/yamlModel';
import type { Plan } from './plan';
import { describeRefContext } from './labels';

/** A range with its 0-based line and UTF-16 column, so that no one needs the text to show it. */
export interface Place extends OffsetRange {
  readonly line: number;
  readonly character: number;
  readonly endLine: number;
  readonly endCharacter: number;
}

export interface PersonFact {
  readonly id: string;
  readonly name?: string;
  readonly email?: string;
  /** The id's key under `people`. */
  readonly key: Place;
}

export interface AllocationFact {
  readonly id: string;
  readonly percent: number;
  readonly at: Place;
  /** The role, in words: "IT owner", "technical staff (database administration)". */
  readonly role: string;
}

export interface SuppressionFact {
  readonly kind: Suppression['kind'];
  /** For `next-line`: the 0-based line it silences. */
  readonly line: number;
  readonly ids: readonly string[];
}

export interface PlanFacts {
  /** The people defined in this file, in document order. */
  readonly people: readonly PersonFact[];
  /** Every person reference, in document order (for navigation across files). */
  readonly references: readonly { readonly id: string; readonly at: Place }[];
  /** Stated allocations, in document order, of ids the plan (or its roster) defines. */
  readonly allocations: readonly AllocationFact[];
  readonly suppressions: readonly SuppressionFact[];
  /**
   * The `unused-suppression` finding each suppressed cross-plan rule id would give, in the order of `suppressions`
   * and their ids (`suppressionIndex:idIndex`); the cross-plan pass reports those that silenced nothing.
   */
  readonly pendingUnused: readonly { readonly key: string; readonly finding: Finding; readonly at: Place }[];
}

export function placeOf(model: YamlModel, range: OffsetRange): Place {
  const start = model.linePos(range.start);
  const end = model.linePos(range.end);
  return { start: range.start, end: range.end, line: start.line, character: start.character, endLine: end.line, endCharacter: end.character };
}

/** The facts of an analysed plan (or roster: a roster is read by the same `Plan` reader). */
export function planFacts(plan: Plan, suppressions: readonly Suppression[] = [], pendingUnused: PlanFacts['pendingUnused'] = []): PlanFacts {
  const model = plan.model;
  const people: PersonFact[] = plan.peopleInOrder().map((p) => ({
    id: p.id,
    ...(p.name !== undefined ? { name: p.name } : {}),
    ...(p.email !== undefined ? { email: p.email } : {}),
    key: placeOf(model, p.keyRange),
  }));
  const allocations: AllocationFact[] = [];
  for (const id of plan.knownIds()) {
    for (const a of plan.allocatedAssignmentsOf(id)) {
      allocations.push({ id, percent: a.allocation!.percent, at: placeOf(model, a.allocation!.range), role: describeRefContext(a.ref!.context) });
    }
  }
  allocations.sort((a, b) => a.at.start - b.at.start);
  return {
    people,
    references: plan.references.map((r) => ({ id: r.id, at: placeOf(model, r.range) })),
    allocations,
    suppressions: suppressions.map((s) => ({ kind: s.kind, line: s.line, ids: s.ruleIds.map((r) => r.id) })),
    pendingUnused,
  };
}
