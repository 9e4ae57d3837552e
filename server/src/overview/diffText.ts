// `crmteam diff` in words: the same sentences for the terminal and for a pull-request comment in Markdown.

import type { Severity } from '../core/finding';
import type { ActivityChange, FindingChange, Lack, PersonInfo, PlanDiff, RoleChange } from './diff';

interface Style {
  /** A person id, a file name, a rule id. */
  code(text: string): string;
  /** Free text from the plan (names). */
  text(text: string): string;
  /** A finding's message: our own words, with `code` in backquotes. */
  message(text: string): string;
  strong(text: string): string;
}

const PLAIN: Style = { code: (t) => t, text: (t) => t, message: (t) => t, strong: (t) => t };
const MARKDOWN: Style = {
  code: (t) => `\`${t.replace(/`/g, "'")}\``,
  text: (t) => t.replace(/[\\`*_[\]<>|#~]/g, (c) => `\\${c}`).replace(/[\r\n]+/g, ' '),
  message: (t) => t.split('`').map((part, i) => (i % 2 === 1 ? `\`${part}\`` : part.replace(/[\\*_[\]<>|#~]/g, (c) => `\\${c}`))).join('').replace(/[\r\n]+/g, ' '),
  strong: (t) => `**${t}**`,
};

const LACK_TEXT: Readonly<Record<Lack, string>> = {
  owner: 'now has no owner',
  it: 'now has nobody from the IT side',
  business: 'now has nobody from the business side',
};

interface Section {
  readonly title: string;
  readonly items: readonly string[];
}

function person(p: PersonInfo | undefined, s: Style): string {
  if (!p) return 'nobody';
  return p.name !== undefined ? `${s.text(p.name)} (${s.code(p.id)})` : s.code(p.id);
}

function people(list: readonly PersonInfo[], s: Style): string {
  return list.map((p) => person(p, s)).join(', ');
}

function pct(n: number | undefined): string {
  return n === undefined ? 'no stated allocation' : `${n}%`;
}

function roleSentences(r: RoleChange, s: Style): string[] {
  const out: string[] = [];
  const label = s.strong(r.label);
  if (r.gained.length === 1 && r.lost.length === 1 && !r.role.includes('.') && !['businessOwners', 'superUsers', 'supportTeam', 'trainers'].includes(r.role)) {
    const [to] = r.gained;
    const [from] = r.lost;
    out.push(`${label}: handed over from ${person(from!.person, s)} to ${person(to!.person, s)}${to!.allocation !== undefined ? `, ${to!.allocation}%` : ''}`);
  } else {
    for (const g of r.gained) out.push(`${person(g.person, s)} became ${label}${g.allocation !== undefined ? `, ${g.allocation}%` : ''}`);
    for (const l of r.lost) out.push(`${person(l.person, s)} is no longer ${label}${l.allocation !== undefined ? `, was ${l.allocation}%` : ''}`);
  }
  for (const c of r.allocationChanged) out.push(`${person(c.person, s)} as ${label}: ${pct(c.from)} → ${pct(c.to)}`);
  return out;
}

function activitySentences(a: ActivityChange, s: Style): string[] {
  const label = s.strong(a.label);
  if (a.status === 'removed') return [`${label} was removed from the plan${a.owner?.from ? ` (it was owned by ${person(a.owner.from, s)})` : ''}`];
  const out: string[] = [];
  if (a.status === 'added') {
    out.push(`${label} was added${a.owner?.to ? `, owned by ${person(a.owner.to, s)}` : ''}${a.participantsAdded.length > 0 ? `, with ${people(a.participantsAdded, s)}` : ''}`);
  } else {
    if (a.owner) {
      if (a.owner.from && a.owner.to) out.push(`${label}: owner changed from ${person(a.owner.from, s)} to ${person(a.owner.to, s)}`);
      else if (a.owner.to) out.push(`${label}: now owned by ${person(a.owner.to, s)}`);
      else out.push(`${label}: owner ${person(a.owner.from, s)} removed`);
    }
    if (a.participantsAdded.length > 0) out.push(`${label}: ${people(a.participantsAdded, s)} joined`);
    if (a.participantsRemoved.length > 0) out.push(`${label}: ${people(a.participantsRemoved, s)} left`);
  }
  if (a.loadTesting) out.push(`${label}: load-testing criteria set by ${person(a.loadTesting.to, s)} (was ${person(a.loadTesting.from, s)})`);
  for (const lack of a.newlyLacks) out.push(`⚠ ${label} ${LACK_TEXT[lack]}`);
  return out;
}

function findingSentence(f: FindingChange, s: Style, md: boolean): string {
  const rule = md && f.href ? `[${s.code(f.ruleId)}](${f.href})` : s.code(f.ruleId);
  return `${f.severity} line ${f.line}: ${s.message(f.message)} (${rule})`;
}

function sections(d: PlanDiff, s: Style, md: boolean): Section[] {
  const result: Section[] = [];
  const peopleItems = [
    ...d.people.added.map((p) => `added ${person(p, s)}`),
    ...d.people.removed.map((p) => `removed ${person(p, s)}`),
    ...d.people.renamed.map((r) => `${r.name !== undefined ? `${s.text(r.name)}: ` : ''}id ${s.code(r.from)} renamed to ${s.code(r.to)}`),
    ...d.people.changed.map((c) => `${person(c.person, s)}: ${c.field} changed from ${s.text(c.from ?? 'none')} to ${s.text(c.to ?? 'none')}`),
  ];
  if (peopleItems.length > 0) result.push({ title: 'People', items: peopleItems });
  const roleItems = d.roles.flatMap((r) => roleSentences(r, s));
  if (roleItems.length > 0) result.push({ title: 'Roles', items: roleItems });
  const activityItems = d.activities.flatMap((a) => activitySentences(a, s));
  if (activityItems.length > 0) result.push({ title: 'Activities', items: activityItems });
  if (d.findings.introduced.length > 0) result.push({ title: 'Findings introduced', items: d.findings.introduced.map((f) => findingSentence(f, s, md)) });
  // A removed plan resolves all of its findings: the summary counts them, a list would only repeat the old plan.
  if (d.findings.resolved.length > 0 && d.status !== 'removed') result.push({ title: 'Findings resolved', items: d.findings.resolved.map((f) => findingSentence(f, s, md)) });
  return result;
}

/** "2 roles changed, 1 activity newly lacking, 3 findings introduced (1 error), 1 resolved" */
export function diffSummary(d: PlanDiff): string {
  if (d.status === 'unchanged') return 'no change in people, roles, activities or findings';
  const parts: string[] = [];
  if (d.status === 'added') parts.push('new plan');
  if (d.status === 'removed') parts.push('plan removed');
  const peopleCount = d.people.added.length + d.people.removed.length + d.people.renamed.length;
  if (peopleCount > 0) parts.push(count(peopleCount, 'person added, removed or renamed', 'people added, removed or renamed'));
  const details = new Set(d.people.changed.map((c) => c.person.id)).size;
  if (details > 0) parts.push(count(details, 'person\'s name, department or affiliation changed', 'people\'s names, departments or affiliations changed'));
  if (d.roles.length > 0) parts.push(count(d.roles.length, 'role changed', 'roles changed'));
  const ownership = d.activities.filter((a) => a.status === 'changed' && a.owner !== undefined).length;
  if (ownership > 0) parts.push(count(ownership, 'activity changed owner', 'activities changed owner'));
  const lacking = d.activities.filter((a) => a.newlyLacks.length > 0).length;
  if (lacking > 0) parts.push(count(lacking, 'activity newly lacking an owner or a side', 'activities newly lacking an owner or a side'));
  const intro = d.findings.introduced;
  if (intro.length > 0) parts.push(`${count(intro.length, 'finding introduced', 'findings introduced')}${severityNote(intro)}`);
  if (d.findings.resolved.length > 0) parts.push(count(d.findings.resolved.length, 'finding resolved', 'findings resolved'));
  if (parts.length === 0) parts.push('participants changed');
  return parts.join(', ');
}

function severityNote(list: readonly FindingChange[]): string {
  const order: Severity[] = ['error', 'warning'];
  const notes = order.map((sev) => [sev, list.filter((f) => f.severity === sev).length] as const).filter(([, n]) => n > 0).map(([sev, n]) => count(n, sev, `${sev}s`));
  return notes.length > 0 ? ` (${notes.join(', ')})` : '';
}

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

function title(d: PlanDiff): string {
  return d.baseFile !== undefined ? `${d.baseFile} → ${d.file}` : d.file;
}

/** The readable terminal format. */
export function formatDiffText(diffs: readonly PlanDiff[]): string {
  if (diffs.length === 0) return 'No team plan changed.\n';
  const out: string[] = [];
  for (const d of diffs) {
    out.push(`${title(d)}${d.name !== undefined ? ` (${d.name})` : ''}: ${diffSummary(d)}`);
    for (const section of sections(d, PLAIN, false)) {
      out.push(`  ${section.title}`);
      for (const item of section.items) out.push(`    ${item}`);
    }
    out.push('');
  }
  return `${out.join('\n').trimEnd()}\n`;
}

/** A pull-request comment: a short summary first, each plan's details folded. */
export function formatDiffMarkdown(diffs: readonly PlanDiff[]): string {
  const out: string[] = ['## CRM team plan changes', ''];
  if (diffs.length === 0) {
    out.push('No team plan changed.');
    return `${out.join('\n')}\n`;
  }
  const introduced = diffs.flatMap((d) => d.findings.introduced);
  const resolved = diffs.reduce((n, d) => n + d.findings.resolved.length, 0);
  out.push(`${count(diffs.length, 'plan', 'plans')} changed; ${count(introduced.length, 'finding', 'findings')} introduced${severityNote(introduced)}, ${resolved} resolved.`, '');
  out.push('| Plan | Summary |', '| --- | --- |');
  for (const d of diffs) out.push(`| ${MARKDOWN.code(title(d))}${d.name !== undefined ? ` ${MARKDOWN.text(d.name)}` : ''} | ${diffSummary(d)} |`);
  out.push('');
  for (const d of diffs) {
    const parts = sections(d, MARKDOWN, true);
    if (parts.length === 0) continue;
    out.push('<details>', `<summary>${escapeSummary(title(d))}: ${escapeSummary(diffSummary(d))}</summary>`, '');
    for (const section of parts) {
      out.push(`#### ${section.title}`, '');
      for (const item of section.items) out.push(`- ${item}`);
      out.push('');
    }
    out.push('</details>', '');
  }
  return `${out.join('\n').trimEnd()}\n`;
}

export function formatDiffJson(diffs: readonly PlanDiff[]): string {
  return `${JSON.stringify({ format: 1, plans: diffs }, null, 2)}\n`;
}

function escapeSummary(text: string): string {
  return text.replace(/[&<>]/g, (c) => `&#${c.charCodeAt(0)};`);
}
