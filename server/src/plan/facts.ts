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
  /**
   * Every person reference, in document order (for navigation across files), packed: a workspace index holds and
   * copies between threads the facts of thousands of plans, and a plan has hundreds of references. Read with
   * `referencesTo` and `refersTo`.
   */
  readonly references: PackedReferences;
  /** Stated allocations, in document order, of ids the plan (or its roster) defines. */
  readonly allocations: readonly AllocationFact[];
  readonly suppressions: readonly SuppressionFact[];
  /**
   * The `unused-suppression` finding each suppressed cross-plan rule id would give, in the order of `suppressions`
   * and their ids (`suppressionIndex:idIndex`); the cross-plan pass reports those that silenced nothing.
   */
  readonly pendingUnused: readonly { readonly key: string; readonly finding: Finding; readonly at: Place }[];
}

/** References as one buffer: `places` holds, per reference, the index of its id in `ids`, then its place's six numbers. */
export interface PackedReferences {
  readonly ids: readonly string[];
  readonly places: Int32Array;
}

const PACKED = 7;

function packReferences(refs: readonly { readonly id: string; readonly at: Place }[]): PackedReferences {
  const ids: string[] = [];
  const index = new Map<string, number>();
  const places = new Int32Array(refs.length * PACKED);
  refs.forEach(({ id, at }, i) => {
    let n = index.get(id);
    if (n === undefined) {
      n = ids.push(id) - 1;
      index.set(id, n);
    }
    places.set([n, at.start, at.end, at.line, at.character, at.endLine, at.endCharacter], i * PACKED);
  });
  return { ids, places };
}

/** The places where a plan refers to `id`, in document order. */
export function referencesTo(facts: PlanFacts, id: string): Place[] {
  const n = facts.references.ids.indexOf(id);
  const out: Place[] = [];
  if (n === -1) return out;
  const p = facts.references.places;
  for (let i = 0; i < p.length; i += PACKED) {
    if (p[i] === n) out.push({ start: p[i + 1]!, end: p[i + 2]!, line: p[i + 3]!, character: p[i + 4]!, endLine: p[i + 5]!, endCharacter: p[i + 6]! });
  }
  return out;
}

/** Whether a plan refers to `id` anywhere. */
export function refersTo(facts: PlanFacts, id: string): boolean {
  return facts.references.ids.includes(id);
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
    references: packReferences(plan.references.map((r) => ({ id: r.id, at: placeOf(model, r.range) }))),
    allocations,
    suppressions: suppressions.map((s) => ({ kind: s.kind, line: s.line, ids: s.ruleIds.map((r) => r.id) })),
    pendingUnused,
  };
}
