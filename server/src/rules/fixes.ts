// Fix builders shared by several rules: add someone to an activity, name a new person, pick ranked candidates.

import type { Edit, Fix } from '../core/finding';
import { appendToSequence, insertPair, type NewValue } from '../model/edits';
import type { Plan } from '../plan/plan';
import { describeRefContext } from '../plan/labels';
import type { ActivityName, Department } from '../format/vocabulary';
import type { RuleContext } from './rule';

/** "Add jdoe (John Doe) to toolSelection participants": one safe edit. */
export function addParticipantFix(plan: Plan, activity: ActivityName, personId: string, why: string): Fix {
  return {
    title: `Add ${personLabel(plan, personId)} to the participants of ${activity} (${why})`,
    safety: 'safe',
    preferred: true,
    edits: [appendToSequence(plan.model, ['activities', activity, 'participants'], personId, 'activity')],
  };
}

/** An id not yet used under `people` nor in the roster: `base`, else `base-2`, `base-3`… */
export function freshPersonId(plan: Plan, base: string): string {
  if (!plan.isDefined(base)) return base;
  for (let n = 2; ; n++) if (!plan.isDefined(`${base}-${n}`)) return `${base}-${n}`;
}

/** Inserts a person under `people` (creating `people` if needed) with a placeholder name to fill in. */
export function addPersonEdit(plan: Plan, id: string, name: string, department?: Department, extra: Record<string, NewValue> = {}): Edit {
  const fields: Record<string, NewValue> = { name, ...(department ? { department } : {}), ...extra };
  return insertPair(plan.model, ['people'], id, fields);
}

export function personLabel(plan: Plan, id: string): string {
  const name = plan.person(id)?.name;
  return name ? `${name} (${id})` : id;
}

export interface Candidate {
  readonly id: string;
  /** Why this person fits, for the fix title: department, title, load, roles already held. */
  readonly reasons: readonly string[];
  readonly load: number;
  readonly roleCount: number;
}

/**
 * Describes and ranks people for a role: the least loaded first, then those holding the fewest roles, then by
 * document order, so the preferred suggestion is the person with the most room for the work.
 */
export function rankCandidates(plan: Plan, ids: Iterable<string>): Candidate[] {
  const order = new Map(plan.knownIds().map((id, i) => [id, i]));
  const candidates = [...new Set(ids)].filter((id) => plan.isDefined(id)).map((id) => describeCandidate(plan, id));
  return candidates.sort((a, b) => a.load - b.load || a.roleCount - b.roleCount || (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
}

export function describeCandidate(plan: Plan, id: string): Candidate {
  const person = plan.person(id)!;
  const reasons: string[] = [];
  reasons.push(person.department === 'it' ? 'IT department' : `${person.department} department`);
  if (person.title) reasons.push(person.title);
  const load = plan.allocationsOf(id).reduce((sum, a) => sum + a.percent, 0);
  reasons.push(load > 0 ? `${load}% allocated` : 'no stated load');
  const roles = [...new Set(plan.referencesTo(id).filter((r) => r.context.section === 'roles').map((r) => describeRefContext(r.context)))];
  reasons.push(roles.length > 0 ? `already ${roles.join(', ')}` : 'no role yet');
  return { id, reasons, load, roleCount: roles.length };
}

/**
 * The shared check of the rules that want someone from IT in an activity (`requirements-need-it`,
 * `environments-need-it`, `selection-includes-it`): when the activity is defined and no member is on the IT side,
 * report at its key, asking for the IT owner (with the fix that adds them) when the IT owner is on the IT side, and
 * for `fallback` otherwise. Only an IT-side IT owner would make the finding go away, so only then is a fix offered.
 */
export function reportActivityWithoutIT(
  context: RuleContext, activityName: ActivityName, why: string, fallback: string, fixReason: string,
): void {
  const { plan, report } = context;
  const activity = plan.activities.get(activityName);
  if (!activity || [...activity.memberIds].some((id) => plan.isITSide(id))) return;
  const itOwner = plan.definedItOwnerId;
  const ownerFits = itOwner !== undefined && plan.isITSide(itOwner);
  report({
    range: activity.keyRange,
    message: `Nobody from IT takes part in \`${activityName}\`. ${why}; add ${ownerFits ? `the IT owner \`${itOwner}\`` : fallback} to its participants.`,
    fixes: ownerFits ? [addParticipantFix(plan, activityName, itOwner, fixReason)] : [],
  });
}
