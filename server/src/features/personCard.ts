// The card shown for a person id, in hovers and in the documentation of person-id completions: who the person is,
// which side of the project they are on, every role and activity they hold, and the load their roles add up to.

import type { Allocation, Plan } from '../plan/plan';
import { describeRefContext } from '../plan/labels';

/** `[start]` of a reference → the allocation stated with it (only assignments under `roles` carry one). */
function allocationsByRef(plan: Plan, id: string): Map<number, Allocation> {
  return new Map(plan.allocatedAssignmentsOf(id).map((a) => [a.ref!.range.start, a.allocation!]));
}

function code(text: string): string {
  const clean = text.replace(/`/g, "'").replace(/\s+/g, ' ');
  return `\`${clean.length > 64 ? `${clean.slice(0, 63)}…` : clean}\``;
}

/** Plain text in Markdown: characters that would start emphasis, links, HTML or code are escaped. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>#|]/g, (c) => `\\${c}`);
}

function side(plan: Plan, id: string): string {
  const person = plan.person(id);
  if (!person) return 'unknown';
  if (plan.isExternal(id)) return `external (${person.affiliation}): on neither the IT side nor the business side`;
  const it = plan.isITSide(id);
  const business = plan.isBusinessSide(id);
  if (it && business) return 'both the IT side and the business side';
  if (it) return 'IT side';
  if (business) return 'business side';
  return 'neither side: internal, but not in IT or a business department, and in no role that places them';
}

function line(plan: Plan, offset: number): number {
  return plan.model.linePos(offset).line + 1;
}

/** Role and activity lines for every place the id is referenced, in document order. */
function placesOf(plan: Plan, id: string): { roles: string[]; activities: string[]; load: string[]; total: number } {
  const allocations = allocationsByRef(plan, id);
  const roles: string[] = [];
  const activities: string[] = [];
  const load: string[] = [];
  let total = 0;
  for (const ref of plan.referencesTo(id)) {
    const label = describeRefContext(ref.context);
    const allocation = allocations.get(ref.range.start);
    const where = `line ${line(plan, ref.range.start)}`;
    if (ref.context.section === 'activities') {
      activities.push(`${label} (${where})`);
      continue;
    }
    roles.push(`${label}${allocation ? `, ${allocation.percent}%` : ''} (${where})`);
    if (allocation) {
      total += allocation.percent;
      load.push(`${label} ${allocation.percent}%`);
    }
  }
  return { roles, activities, load, total };
}

function loadLine(load: readonly string[], total: number): string {
  if (load.length === 0) return '**Stated load:** none stated (a role given as a bare id carries no allocation).';
  const parts = load.length > 1 ? ` = ${load.join(' + ')}` : ` (${load[0]})`;
  const over = total > 100 ? ' **Over 100%**: more work than one person can carry.' : '';
  return `**Stated load:** ${total}%${parts}.${over}`;
}

function placesBlock(plan: Plan, id: string): string[] {
  const { roles, activities, load, total } = placesOf(plan, id);
  return [
    roles.length > 0 ? `**Roles**\n${roles.map((r) => `- ${r}`).join('\n')}` : '**Roles:** none.',
    activities.length > 0 ? `**Activities**\n${activities.map((a) => `- ${a}`).join('\n')}` : '**Activities:** none.',
    loadLine(load, total),
  ];
}

/** Markdown describing the person with this id, or saying that no such person is defined. */
export function personCard(plan: Plan, id: string): string {
  const person = plan.person(id);
  if (!person) {
    const referenced = plan.referencesTo(id).length > 0;
    return [
      `### ${code(id)}: not defined`,
      `No person with the id ${code(id)} is defined under \`people\`, so every place that names it counts as nobody. ` +
        `Add ${code(`${id}:`)} with at least a \`name\` under \`people\`, or correct the id.`,
      ...(referenced ? placesBlock(plan, id).slice(0, 2) : []),
    ].join('\n\n');
  }
  const heading = person.name !== undefined ? `### ${escapeMarkdown(person.name)} (${code(id)})` : `### ${code(id)} (no name given)`;
  const facts: string[] = [];
  if (person.title !== undefined) facts.push(`**Title:** ${escapeMarkdown(person.title)}`);
  facts.push(`**Department:** \`${person.department}\``);
  facts.push(
    `**Affiliation:** \`${person.affiliation}\`${person.organization !== undefined ? ` (${escapeMarkdown(person.organization)})` : ''}`,
  );
  if (person.email !== undefined) facts.push(`**Email:** ${escapeMarkdown(person.email)}`);
  facts.push(`**Side:** ${side(plan, id)}`);
  facts.push(`**Defined:** line ${line(plan, person.keyRange.start)}`);
  return [heading, facts.join('  \n'), ...placesBlock(plan, id)].join('\n\n');
}

/** `Maria Smith — VP Sales`, for completion details. */
export function personSummary(plan: Plan, id: string): string {
  const person = plan.person(id);
  if (!person) return 'not defined under people';
  const name = person.name ?? '(no name)';
  const extra = person.title ?? (person.affiliation !== 'internal' ? person.organization ?? person.affiliation : undefined);
  return extra !== undefined ? `${name} — ${extra}` : name;
}
