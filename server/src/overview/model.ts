// The team overview of one plan, computed from its analysis: the responsibility matrix (activities × people), roles,
// coverage, stated load and findings. Plain data with 1-based line/column places: the CLI prints it as HTML, Markdown
// or JSON, the language server sends it to the VS Code overview. Pure: no I/O.

import type { Analysis } from '../engine/analyze';
import type { Finding, OffsetRange, Severity } from '../core/finding';
import { ACTIVITY_LABELS, describeRefContext, ROLE_LABELS, TECH_FUNCTION_LABELS } from '../plan/labels';
import type { Plan, PersonRef } from '../plan/plan';
import { ACTIVITIES, ROLE_KEYS, TECH_FUNCTIONS, type ActivityName } from '../format/vocabulary';
import { isTechnicalFunctionRequired } from '../rules/technical-staff-coverage';

/** The version of the overview's JSON shape (README, "crmteam report"); raised only when a field changes meaning. */
export const OVERVIEW_FORMAT = 1;

/** A place in the plan: 1-based line and column (UTF-16 code units, like the lint JSON). */
export interface Place {
  readonly line: number;
  readonly column: number;
}

export type Side = 'it' | 'business' | 'external';

export interface OverviewPerson {
  readonly id: string;
  /** False for an id that is referenced but not defined under `people`. */
  readonly defined: boolean;
  readonly name?: string;
  readonly title?: string;
  readonly department?: string;
  readonly affiliation?: string;
  readonly organization?: string;
  readonly sides: readonly Side[];
  /** The id under `people`, else its first reference. */
  readonly place?: Place;
}

/** What a person does in an activity: owner (O), participant (P), sets the load-testing criteria (L). */
export type Mark = 'owner' | 'participant' | 'loadTesting';
export const MARK_LETTERS: Readonly<Record<Mark, string>> = { owner: 'O', participant: 'P', loadTesting: 'L' };
export const MARK_LABELS: Readonly<Record<Mark, string>> = { owner: 'owner', participant: 'participant', loadTesting: 'sets the load-testing criteria' };

export interface OverviewCell {
  readonly person: string;
  readonly marks: readonly Mark[];
  /** The first reference that puts the person in the activity. */
  readonly place: Place;
}

/** Something an activity lacks: an owner, or a side that a rule asks for (reported by that rule). */
export interface Gap {
  readonly kind: 'owner' | Side;
  readonly ruleId?: string;
}

export interface OverviewActivity {
  readonly id: ActivityName;
  readonly label: string;
  readonly place: Place;
  readonly owner?: string;
  /** One cell per member, in the order of `matrix.people`. */
  readonly cells: readonly OverviewCell[];
  readonly sides: Readonly<Record<Side, boolean>>;
  readonly gaps: readonly Gap[];
  /** Indexes into `findings.list` of the findings placed inside this activity. */
  readonly findings: readonly number[];
}

export interface Holder {
  readonly person: string;
  readonly allocation?: number;
  readonly place: Place;
}

export interface OverviewRole {
  readonly role: string;
  readonly label: string;
  readonly holders: readonly Holder[];
  readonly place?: Place;
}

export interface TechnicalFunction {
  readonly function: string;
  readonly label: string;
  /** Whether `technical-staff-coverage` asks for it on this project. */
  readonly required: boolean;
  readonly holders: readonly Holder[];
}

export interface LoadAllocation {
  /** The plan the allocation is stated in (set when a load covers several plans). */
  readonly file?: string;
  readonly role: string;
  readonly percent: number;
  readonly place: Place;
}

export interface PersonLoad {
  readonly person: string;
  readonly total: number;
  readonly capacity: number;
  readonly allocations: readonly LoadAllocation[];
  /** Roles held with no stated allocation (a bare id). */
  readonly unstated: readonly string[];
}

export interface OverviewFinding {
  readonly ruleId: string;
  readonly severity: Severity;
  readonly message: string;
  readonly place: Place;
  readonly href?: string;
}

export interface RuleCount {
  readonly ruleId: string;
  readonly severity: Severity;
  readonly count: number;
  readonly href?: string;
}

export interface Overview {
  readonly format: typeof OVERVIEW_FORMAT;
  /** The plan's file as the caller names it (a path for the CLI, a URI for the editor); absent when unknown. */
  readonly file?: string;
  readonly project: {
    readonly name?: string;
    readonly companySize: string;
    readonly delivery: string;
    readonly scope: string;
    readonly complexity: string;
    readonly phase: string;
  };
  /** Everyone defined or referenced, defined people first in document order. */
  readonly people: readonly OverviewPerson[];
  readonly matrix: {
    /** The columns: everyone who is a member of an activity. */
    readonly people: readonly string[];
    /** The rows: the activities the plan defines, in the format's order. */
    readonly activities: readonly OverviewActivity[];
    /** Activities the plan does not define. */
    readonly notPlanned: readonly { readonly id: ActivityName; readonly label: string }[];
    /** Defined people in no activity. */
    readonly inNoActivity: readonly string[];
  };
  readonly roles: readonly OverviewRole[];
  readonly coverage: {
    readonly technicalFunctions: readonly TechnicalFunction[];
    /** The defined activities with a gap, in matrix order. */
    readonly activityGaps: readonly { readonly activity: ActivityName; readonly gaps: readonly Gap[] }[];
  };
  readonly load: readonly PersonLoad[];
  readonly findings: {
    readonly counts: Readonly<Record<Severity, number>>;
    readonly byRule: readonly RuleCount[];
    readonly list: readonly OverviewFinding[];
  };
}

export interface OverviewOptions {
  readonly file?: string;
  /**
   * The other plans of the plan's scope (docs/workspace.md), with their file names: the load then counts each person's
   * allocations across all of them, against the configuration's `capacity` (percent).
   */
  readonly scope?: { readonly plans: readonly { readonly analysis: Analysis; readonly file: string }[]; readonly capacity: number };
  /** The address of a rule's page, or undefined for none. */
  readonly docsHref?: (ruleId: string) => string | undefined;
}

/**
 * Rules that ask an activity for a side, and the side they ask for. An activity gets the gap when the analysis has
 * the rule's finding inside it, so the rule stays the one judge (severity settings and suppressions included).
 */
const SIDE_RULES: Readonly<Record<string, Side>> = {
  'requirements-need-it': 'it',
  'selection-includes-it': 'it',
  'environments-need-it': 'it',
  'installation-needs-it': 'it',
  'in-house-support': 'it',
  'integration-needs-it': 'it',
  'data-migration-needs-it': 'it',
  'data-migration-needs-business': 'business',
  'installation-assistance': 'external',
};

const SEVERITY_ORDER: readonly Severity[] = ['error', 'warning', 'info', 'hint'];

export function buildOverview(analysis: Analysis, options: OverviewOptions = {}): Overview {
  const { plan, model } = analysis;
  const place = (offset: number): Place => placeOf(analysis, offset);
  const href = (ruleId: string) => options.docsHref?.(ruleId);

  // ---- findings ----
  const list: OverviewFinding[] = analysis.findings.map((f) => withHref({ ruleId: f.ruleId, severity: f.severity, message: f.message, place: place(f.range.start) }, href(f.ruleId)));
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0, hint: 0 };
  const byRuleMap = new Map<string, { severity: Severity; count: number }>();
  for (const f of analysis.findings) {
    counts[f.severity]++;
    const entry = byRuleMap.get(f.ruleId);
    // A rule reports at one severity; should it ever differ, the most severe one is shown.
    if (entry) {
      entry.count++;
      if (SEVERITY_ORDER.indexOf(f.severity) < SEVERITY_ORDER.indexOf(entry.severity)) entry.severity = f.severity;
    } else byRuleMap.set(f.ruleId, { severity: f.severity, count: 1 });
  }
  const byRule: RuleCount[] = [...byRuleMap]
    .map(([ruleId, e]) => withHref({ ruleId, severity: e.severity, count: e.count }, href(ruleId)))
    .sort((a, b) => SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity) || b.count - a.count || a.ruleId.localeCompare(b.ruleId));

  // ---- people ----
  const people: OverviewPerson[] = plan.peopleInOrder().map((p) => ({
    id: p.id,
    defined: true,
    ...(p.name !== undefined ? { name: p.name } : {}),
    ...(p.title !== undefined ? { title: p.title } : {}),
    department: p.department,
    affiliation: p.affiliation,
    ...(p.organization !== undefined ? { organization: p.organization } : {}),
    sides: sidesOf(plan, p.id),
    place: place(p.keyRange.start),
  }));
  const known = new Set(people.map((p) => p.id));
  for (const ref of plan.references) {
    if (known.has(ref.id)) continue;
    known.add(ref.id);
    people.push({ id: ref.id, defined: false, sides: [], place: place(ref.range.start) });
  }

  // ---- matrix ----
  const order = new Map(people.map((p, i) => [p.id, i]));
  const members = new Set<string>();
  const activities: OverviewActivity[] = [];
  const notPlanned: { id: ActivityName; label: string }[] = [];
  for (const id of ACTIVITIES) {
    const activity = plan.activities.get(id);
    const label = ACTIVITY_LABELS[id] ?? id;
    if (!activity) {
      notPlanned.push({ id, label });
      continue;
    }
    const cells = new Map<string, { marks: Mark[]; place: Place; start: number }>();
    const add = (ref: PersonRef | undefined, mark: Mark) => {
      if (!ref) return;
      const cell = cells.get(ref.id);
      if (!cell) cells.set(ref.id, { marks: [mark], place: place(ref.range.start), start: ref.range.start });
      else if (!cell.marks.includes(mark)) cell.marks.push(mark);
    };
    add(activity.owner, 'owner');
    for (const ref of activity.participants) add(ref, 'participant');
    add(activity.loadTesting, 'loadTesting');
    for (const id of cells.keys()) members.add(id);

    const span = activitySpan(analysis, id, activity.keyRange);
    const inside: number[] = [];
    analysis.findings.forEach((f, index) => { if (within(f, span)) inside.push(index); });
    const gaps: Gap[] = [];
    const owner = activity.owner?.id;
    if (owner === undefined || !plan.people.has(owner)) gaps.push({ kind: 'owner' });
    for (const index of inside) {
      const ruleId = analysis.findings[index]!.ruleId;
      const side = SIDE_RULES[ruleId];
      if (side && !gaps.some((g) => g.kind === side)) gaps.push({ kind: side, ruleId });
    }
    const memberIds = [...activity.memberIds];
    activities.push({
      id,
      label,
      place: place(activity.keyRange.start),
      ...(owner !== undefined ? { owner } : {}),
      cells: [...cells].sort((a, b) => order.get(a[0])! - order.get(b[0])!).map(([person, c]) => ({ person, marks: sortMarks(c.marks), place: c.place })),
      sides: {
        it: memberIds.some((m) => plan.isITSide(m)),
        business: memberIds.some((m) => plan.isBusinessSide(m)),
        external: memberIds.some((m) => plan.isExternal(m)),
      },
      gaps,
      findings: inside,
    });
  }
  const matrixPeople = people.filter((p) => members.has(p.id)).map((p) => p.id);

  // ---- roles ----
  const holder = (a: { ref?: PersonRef; allocation?: { percent: number } }): Holder[] =>
    a.ref ? [{ person: a.ref.id, ...(a.allocation ? { allocation: a.allocation.percent } : {}), place: place(a.ref.range.start) }] : [];
  const roles: OverviewRole[] = [];
  for (const role of ROLE_KEYS) {
    if (role === 'technicalStaff') continue;
    const single = plan.roles.single.get(role as never);
    const list = plan.roles.lists.get(role as never);
    const holders = single ? holder(single) : (list ?? []).flatMap(holder);
    const key = model.keyRange(['roles', role]);
    roles.push({ role, label: ROLE_LABELS[role] ?? role, holders, ...(key ? { place: place(key.start) } : {}) });
  }
  const technicalFunctions: TechnicalFunction[] = TECH_FUNCTIONS.map((fn) => ({
    function: fn,
    label: TECH_FUNCTION_LABELS[fn] ?? fn,
    required: isTechnicalFunctionRequired(fn, plan.project),
    holders: (plan.roles.technicalStaff.get(fn) ?? []).flatMap(holder),
  }));

  const name = plan.project.name;
  return {
    format: OVERVIEW_FORMAT,
    ...(options.file !== undefined ? { file: options.file } : {}),
    project: {
      ...(name !== undefined ? { name } : {}),
      companySize: plan.project.companySize,
      delivery: plan.project.delivery,
      scope: plan.project.scope,
      complexity: plan.project.complexity,
      phase: plan.project.phase,
    },
    people,
    matrix: {
      people: matrixPeople,
      activities,
      notPlanned,
      inNoActivity: people.filter((p) => p.defined && !members.has(p.id)).map((p) => p.id),
    },
    roles,
    coverage: {
      technicalFunctions,
      activityGaps: activities.filter((a) => a.gaps.length > 0).map((a) => ({ activity: a.id, gaps: a.gaps })),
    },
    load: options.scope === undefined
      ? personLoads([{ analysis }])
      : scopeLoads(analysis, options.file, options.scope.plans, options.scope.capacity),
    findings: { counts, byRule, list },
  };
}

/**
 * Each person's stated allocations, in the plans given. One plan today; a scope of several plans (issue 10) passes
 * them all, with their file names, and gets each person's load across them.
 */
export function personLoads(plans: readonly { readonly analysis: Analysis; readonly file?: string }[], capacity = 100): PersonLoad[] {
  const loads = new Map<string, { allocations: LoadAllocation[]; unstated: string[] }>();
  for (const { analysis, file } of plans) {
    const { plan } = analysis;
    for (const ref of plan.references) {
      if (ref.context.section !== 'roles') continue;
      const entry = loads.get(ref.id) ?? { allocations: [], unstated: [] };
      loads.set(ref.id, entry);
      const assignment = plan.allocatedAssignmentsOf(ref.id).find((a) => a.ref === ref);
      const role = describeRefContext(ref.context);
      if (assignment?.allocation) {
        entry.allocations.push({ ...(file !== undefined ? { file } : {}), role, percent: assignment.allocation.percent, place: placeOf(analysis, assignment.allocation.range.start) });
      } else {
        // A role without an allocation in another plan of the scope says which plan.
        entry.unstated.push(file !== undefined && file !== plans[0]?.file ? `${role} in ${file}` : role);
      }
    }
  }
  return [...loads].map(([person, e]) => ({
    person,
    total: e.allocations.reduce((sum, a) => sum + a.percent, 0),
    capacity,
    allocations: e.allocations,
    unstated: e.unstated,
  }));
}

/** The load of this plan's role holders across the plans of its scope; allocations in other plans name their file. */
function scopeLoads(analysis: Analysis, file: string | undefined, others: readonly { readonly analysis: Analysis; readonly file: string }[], capacity: number): PersonLoad[] {
  const here = new Set(personLoads([{ analysis }]).map((l) => l.person));
  const plans = [{ analysis, ...(file !== undefined ? { file } : {}) }, ...others.filter((o) => o.analysis !== analysis && o.file !== file)];
  return personLoads(plans, capacity).filter((l) => here.has(l.person));
}

/** The 1-based place of an offset, from the analysis's one line index. */
export function placeOf(analysis: Analysis, offset: number): Place {
  const p = analysis.lines.position(offset);
  return { line: p.line + 1, column: p.character + 1 };
}

function sidesOf(plan: Plan, id: string): Side[] {
  const sides: Side[] = [];
  if (plan.isITSide(id)) sides.push('it');
  if (plan.isBusinessSide(id)) sides.push('business');
  if (plan.isExternal(id)) sides.push('external');
  return sides;
}

function sortMarks(marks: Mark[]): Mark[] {
  const order: Mark[] = ['owner', 'participant', 'loadTesting'];
  return [...marks].sort((a, b) => order.indexOf(a) - order.indexOf(b));
}

/** From the activity's key to the end of its value. */
function activitySpan(analysis: Analysis, id: ActivityName, key: OffsetRange): OffsetRange {
  const value = analysis.model.valueRange(['activities', id]);
  return { start: key.start, end: Math.max(key.end, value?.end ?? key.end) };
}

function within(f: Finding, span: OffsetRange): boolean {
  return f.range.start >= span.start && f.range.start < span.end;
}

function withHref<T extends object>(value: T, href: string | undefined): T & { href?: string } {
  return href === undefined ? value : { ...value, href };
}
