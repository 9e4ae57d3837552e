// What changed in a team plan between two versions, as governance rather than YAML: people added, removed and
// renamed, roles gained and lost, activity ownership and membership, activities that newly lack an owner or a side,
// and findings introduced and resolved (matched by rule id and a stable anchor, not by line). Pure: no I/O.

import type { Analysis } from '../engine/analyze';
import type { Finding, Severity } from '../core/finding';
import { ACTIVITY_LABELS, ROLE_LABELS, TECH_FUNCTION_LABELS } from '../plan/labels';
import type { Assignment, Plan } from '../plan/plan';
import { placeOf } from './model';
import { ACTIVITIES, ROLE_KEYS, TECH_FUNCTIONS, type ActivityName } from '../format/vocabulary';

/** The version of the diff's JSON shape (README, "crmteam diff"). */
export const DIFF_FORMAT = 1;

export interface PersonInfo {
  readonly id: string;
  readonly name?: string;
}

export interface RoleHolderChange {
  readonly person: PersonInfo;
  readonly allocation?: number;
}

export interface RoleChange {
  /** `itOwner`, `businessOwners`, `technicalStaff.databaseAdministration`, … */
  readonly role: string;
  readonly label: string;
  readonly gained: readonly RoleHolderChange[];
  readonly lost: readonly RoleHolderChange[];
  readonly allocationChanged: readonly { readonly person: PersonInfo; readonly from?: number; readonly to?: number }[];
}

export type Lack = 'owner' | 'it' | 'business';

export interface ActivityChange {
  readonly activity: ActivityName;
  readonly label: string;
  readonly status: 'added' | 'removed' | 'changed';
  /** Set when the owner changed (either side absent when there was or is none). */
  readonly owner?: { readonly from?: PersonInfo; readonly to?: PersonInfo };
  readonly participantsAdded: readonly PersonInfo[];
  readonly participantsRemoved: readonly PersonInfo[];
  readonly loadTesting?: { readonly from?: PersonInfo; readonly to?: PersonInfo };
  /** What the activity lacks now and did not before. */
  readonly newlyLacks: readonly Lack[];
}

export interface FindingChange {
  readonly ruleId: string;
  readonly severity: Severity;
  readonly message: string;
  /** 1-based line in the version the finding belongs to (head for introduced, base for resolved). */
  readonly line: number;
  readonly href?: string;
}

export interface PlanDiff {
  readonly format: typeof DIFF_FORMAT;
  readonly file: string;
  /** The base's file when it differs (a plan compared with another file). */
  readonly baseFile?: string;
  readonly status: 'added' | 'removed' | 'changed' | 'unchanged';
  readonly name?: string;
  readonly people: {
    readonly added: readonly PersonInfo[];
    readonly removed: readonly PersonInfo[];
    /** The same person (same name) under a new id. */
    readonly renamed: readonly { readonly from: string; readonly to: string; readonly name?: string }[];
    /** Name, department or affiliation changed under the same id. */
    readonly changed: readonly { readonly person: PersonInfo; readonly field: 'name' | 'department' | 'affiliation'; readonly from?: string; readonly to?: string }[];
  };
  readonly roles: readonly RoleChange[];
  readonly activities: readonly ActivityChange[];
  readonly findings: {
    readonly introduced: readonly FindingChange[];
    readonly resolved: readonly FindingChange[];
  };
}

export interface DiffOptions {
  readonly file: string;
  readonly baseFile?: string;
  readonly docsHref?: (ruleId: string) => string | undefined;
}

/** Compares two versions of one plan; `undefined` stands for a plan that does not exist in that version. */
export function diffPlans(base: Analysis | undefined, head: Analysis | undefined, options: DiffOptions): PlanDiff {
  const basePlan = base?.plan;
  const headPlan = head?.plan;
  const renamed = findRenames(basePlan, headPlan);
  // Base ids as head would name them, so a renamed id does not read as every role lost and gained.
  const map = new Map(renamed.map((r) => [r.from, r.to]));
  const asHead = (id: string) => map.get(id) ?? id;
  const info = (id: string): PersonInfo => {
    const name = headPlan?.person(id)?.name ?? basePlan?.person([...map].find(([, to]) => to === id)?.[0] ?? id)?.name;
    return name !== undefined ? { id, name } : { id };
  };

  // ---- people ----
  const baseIds = new Set([...(basePlan?.people.keys() ?? [])].map(asHead));
  const headIds = new Set(headPlan?.people.keys() ?? []);
  const added = [...headIds].filter((id) => !baseIds.has(id) && !renamed.some((r) => r.to === id)).map(info);
  const removed = [...(basePlan?.people.keys() ?? [])].filter((id) => !map.has(id) && !headIds.has(id)).map((id) => {
    const name = basePlan?.person(id)?.name;
    return name !== undefined ? { id, name } : { id };
  });
  const changed: PlanDiff['people']['changed'][number][] = [];
  if (basePlan && headPlan) {
    for (const [id, before] of basePlan.people) {
      const after = headPlan.person(asHead(id));
      if (!after) continue;
      for (const field of ['name', 'department', 'affiliation'] as const) {
        if (field === 'name' && map.has(id)) continue;
        if (before[field] !== after[field]) {
          changed.push({ person: info(after.id), field, ...(before[field] !== undefined ? { from: before[field] } : {}), ...(after[field] !== undefined ? { to: after[field] } : {}) });
        }
      }
    }
  }

  // ---- roles ----
  const baseRoles = roleHolders(basePlan, asHead);
  const headRoles = roleHolders(headPlan, (id) => id);
  const roles: RoleChange[] = [];
  for (const [role, label] of roleKeys()) {
    const before = baseRoles.get(role) ?? new Map<string, number | undefined>();
    const after = headRoles.get(role) ?? new Map<string, number | undefined>();
    const gained = [...after].filter(([id]) => !before.has(id)).map(([id, allocation]) => holderChange(info(id), allocation));
    const lost = [...before].filter(([id]) => !after.has(id)).map(([id, allocation]) => holderChange(info(id), allocation));
    const allocationChanged = [...after]
      .filter(([id, allocation]) => before.has(id) && before.get(id) !== allocation)
      .map(([id, allocation]) => ({ person: info(id), ...(before.get(id) !== undefined ? { from: before.get(id)! } : {}), ...(allocation !== undefined ? { to: allocation } : {}) }));
    if (gained.length + lost.length + allocationChanged.length > 0) roles.push({ role, label, gained, lost, allocationChanged });
  }

  // ---- activities ----
  const activities: ActivityChange[] = [];
  for (const id of ACTIVITIES) {
    const b = basePlan?.activities.get(id);
    const h = headPlan?.activities.get(id);
    if (!b && !h) continue;
    const bOwner = b?.owner ? asHead(b.owner.id) : undefined;
    const hOwner = h?.owner?.id;
    const bParts = new Set((b?.participants ?? []).map((r) => asHead(r.id)));
    const hParts = new Set((h?.participants ?? []).map((r) => r.id));
    const bLoad = b?.loadTesting ? asHead(b.loadTesting.id) : undefined;
    const hLoad = h?.loadTesting?.id;
    const newlyLacks: Lack[] = [];
    if (h && headPlan) {
      const lacks = (plan: Plan, activity: NonNullable<typeof h>): Set<Lack> => {
        const set = new Set<Lack>();
        if (!activity.owner || !plan.people.has(activity.owner.id)) set.add('owner');
        if (![...activity.memberIds].some((m) => plan.isITSide(m))) set.add('it');
        if (![...activity.memberIds].some((m) => plan.isBusinessSide(m))) set.add('business');
        return set;
      };
      const now = lacks(headPlan, h);
      // A new activity is judged on its owner only: which sides it needs is for the rules to say.
      const before = b && basePlan ? lacks(basePlan, b) : new Set<Lack>(['it', 'business']);
      for (const lack of ['owner', 'it', 'business'] as const) if (now.has(lack) && !before.has(lack)) newlyLacks.push(lack);
    }
    const change: ActivityChange = {
      activity: id,
      label: ACTIVITY_LABELS[id] ?? id,
      status: !b ? 'added' : !h ? 'removed' : 'changed',
      ...(bOwner !== hOwner ? { owner: { ...(bOwner !== undefined ? { from: info(bOwner) } : {}), ...(hOwner !== undefined ? { to: info(hOwner) } : {}) } } : {}),
      participantsAdded: h ? [...hParts].filter((p) => !bParts.has(p)).map(info) : [],
      // A participant who became the owner is still in the activity.
      participantsRemoved: b ? [...bParts].filter((p) => !hParts.has(p) && p !== hOwner).map(info) : [],
      ...(bLoad !== hLoad ? { loadTesting: { ...(bLoad !== undefined ? { from: info(bLoad) } : {}), ...(hLoad !== undefined ? { to: info(hLoad) } : {}) } } : {}),
      newlyLacks,
    };
    const same = change.status === 'changed' && !change.owner && !change.loadTesting && change.participantsAdded.length === 0
      && change.participantsRemoved.length === 0 && newlyLacks.length === 0;
    if (!same) activities.push(change);
  }

  // ---- findings ----
  const { introduced, resolved } = matchFindings(base, head, map);
  const toChange = (analysis: Analysis, f: Finding): FindingChange => {
    const href = options.docsHref?.(f.ruleId);
    return { ruleId: f.ruleId, severity: f.severity, message: f.message, line: placeOf(analysis, f.range.start).line, ...(href !== undefined ? { href } : {}) };
  };

  const people = { added, removed, renamed, changed };
  const findings = { introduced: introduced.map((f) => toChange(head!, f)), resolved: resolved.map((f) => toChange(base!, f)) };
  const anything = added.length + removed.length + renamed.length + changed.length + roles.length + activities.length
    + findings.introduced.length + findings.resolved.length > 0;
  const name = headPlan?.project.name ?? basePlan?.project.name;
  return {
    format: DIFF_FORMAT,
    file: options.file,
    ...(options.baseFile !== undefined && options.baseFile !== options.file ? { baseFile: options.baseFile } : {}),
    status: !base ? 'added' : !head ? 'removed' : anything ? 'changed' : 'unchanged',
    ...(name !== undefined ? { name } : {}),
    people,
    roles,
    activities,
    findings,
  };
}

/** Whether the change makes the plan worse at the given level: a new error, or (for `warning`) a new warning too. */
export function hasNewFindings(diffs: readonly PlanDiff[], level: 'error' | 'warning'): boolean {
  return diffs.some((d) => d.findings.introduced.some((f) => f.severity === 'error' || (level === 'warning' && f.severity === 'warning')));
}

function holderChange(person: PersonInfo, allocation: number | undefined): RoleHolderChange {
  return allocation !== undefined ? { person, allocation } : { person };
}

/** Every role key and its label: single and list roles, then each technical function. */
function roleKeys(): [string, string][] {
  const keys: [string, string][] = [];
  for (const role of ROLE_KEYS) {
    if (role === 'technicalStaff') {
      for (const fn of TECH_FUNCTIONS) keys.push([`technicalStaff.${fn}`, `technical staff (${TECH_FUNCTION_LABELS[fn] ?? fn})`]);
    } else keys.push([role, ROLE_LABELS[role] ?? role]);
  }
  return keys;
}

/** role key → person id → stated allocation (undefined: none stated). */
function roleHolders(plan: Plan | undefined, idOf: (id: string) => string): Map<string, Map<string, number | undefined>> {
  const result = new Map<string, Map<string, number | undefined>>();
  if (!plan) return result;
  const add = (role: string, a: Assignment) => {
    if (!a.ref) return;
    const holders = result.get(role) ?? new Map<string, number | undefined>();
    result.set(role, holders);
    const id = idOf(a.ref.id);
    const allocation = a.allocation?.percent;
    // The same person listed twice in one role: the allocations add up, as they do for load.
    holders.set(id, holders.has(id) ? sum(holders.get(id), allocation) : allocation);
  };
  for (const [role, a] of plan.roles.single) add(role, a);
  for (const [role, list] of plan.roles.lists) for (const a of list) add(role, a);
  for (const [fn, list] of plan.roles.technicalStaff) for (const a of list) add(`technicalStaff.${fn}`, a);
  return result;
}

function sum(a: number | undefined, b: number | undefined): number | undefined {
  return a === undefined && b === undefined ? undefined : (a ?? 0) + (b ?? 0);
}

/**
 * An id that disappeared and an id that appeared with the same (non-empty) name is the same person renamed; only
 * one-to-one matches count (two new people named alike stay new).
 */
function findRenames(base: Plan | undefined, head: Plan | undefined): { from: string; to: string; name?: string }[] {
  if (!base || !head) return [];
  const gone = [...base.people.values()].filter((p) => !head.people.has(p.id) && p.name !== undefined);
  const fresh = [...head.people.values()].filter((p) => !base.people.has(p.id) && p.name !== undefined);
  const renames: { from: string; to: string; name?: string }[] = [];
  for (const before of gone) {
    const candidates = fresh.filter((p) => p.name === before.name);
    const sameNameGone = gone.filter((p) => p.name === before.name);
    if (candidates.length === 1 && sameNameGone.length === 1) renames.push({ from: before.id, to: candidates[0]!.id, name: before.name! });
  }
  return renames;
}

/**
 * Findings are the same when they have the same rule and anchor: the YAML path where they are placed (with renamed
 * ids mapped), which survives lines added or removed above. Exact messages pair up first, then the rest in order.
 */
function matchFindings(base: Analysis | undefined, head: Analysis | undefined, renames: ReadonlyMap<string, string>): { introduced: Finding[]; resolved: Finding[] } {
  const baseFindings = base?.findings ?? [];
  const headFindings = head?.findings ?? [];
  const anchorOf = (analysis: Analysis, f: Finding, mapIds: boolean) => {
    const path = analysis.model.locate(f.range.start).path.map((s) => (mapIds && typeof s === 'string' ? renames.get(s) ?? s : s));
    return `${f.ruleId}\u0000${path.join('.')}`;
  };
  const baseKeys = baseFindings.map((f) => anchorOf(base!, f, true));
  const headKeys = headFindings.map((f) => anchorOf(head!, f, false));
  const byKey = new Map<string, number[]>();
  baseKeys.forEach((key, i) => {
    const list = byKey.get(key);
    if (list) list.push(i);
    else byKey.set(key, [i]);
  });
  const matchedBase = new Set<number>();
  const matchedHead = new Set<number>();
  const pass = (same: (b: number, h: number) => boolean) => {
    headFindings.forEach((_, h) => {
      if (matchedHead.has(h)) return;
      const b = (byKey.get(headKeys[h]!) ?? []).find((i) => !matchedBase.has(i) && same(i, h));
      if (b === undefined) return;
      matchedBase.add(b);
      matchedHead.add(h);
    });
  };
  pass((b, h) => baseFindings[b]!.message === headFindings[h]!.message);
  pass(() => true);
  return {
    introduced: headFindings.filter((_, i) => !matchedHead.has(i)),
    resolved: baseFindings.filter((_, i) => !matchedBase.has(i)),
  };
}
