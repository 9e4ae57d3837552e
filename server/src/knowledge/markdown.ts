// Renders the guidance in this folder as Markdown for hovers, completion documentation and rule pages.
// Every text ends with an italic citation line naming the source articles, for everything but the project's own advice,
// which has a heading of its own; rule ids link to their pages under
// `docsBase` (a URL or path prefix; `''` gives relative links such as `it-owner-required.md`).

import { ACTIVITY_GUIDANCE, type ActivityGuidance } from './activities';
import { ROLE_GUIDANCE, TECH_FUNCTION_GUIDANCE, type RoleGuidance } from './roles';
import { cite, type SourceId } from './sources';
import {
  AFFILIATION_GUIDANCE,
  DEPARTMENT_GUIDANCE,
  PROJECT_FIELD_GUIDANCE,
  type FieldGuidance,
  type ValueGuidance,
} from './fields';

/** `[rule-id](docsBase/rule-id.md)`. */
export function ruleLink(ruleId: string, docsBase: string): string {
  const base = docsBase.replace(/\/+$/, '');
  return `[${ruleId}](${base === '' ? '' : `${base}/`}${ruleId}.md)`;
}

/** Escapes the characters that would change the meaning of plain text inside Markdown emphasis or links. */
function escapeInline(text: string): string {
  return text.replace(/[\\`*_[\]<>]/g, (c) => `\\${c}`);
}

/** The heading of advice that is this project's own: the citation line below it does not cover it. */
const OUR_ADVICE = '**Our advice** (not from the articles):';

function bullets(items: readonly string[]): string {
  return items.map((i) => `- ${i}`).join('\n');
}

function checkedBy(rules: readonly string[], docsBase: string, what: string): string {
  return rules.length === 0
    ? `**Checked by:** no rule checks this ${what} directly; the guidance is advice.`
    : `**Checked by:** ${rules.map((r) => ruleLink(r, docsBase)).join(', ')}`;
}

function citation(sources: readonly SourceId[]): string | undefined {
  const line = cite(sources);
  return line === '' ? undefined : `_${escapeInline(line)}_`;
}

function join(blocks: readonly (string | undefined)[]): string {
  return blocks.filter((b): b is string => b !== undefined && b !== '').join('\n\n');
}

function roleLike(g: RoleGuidance, heading: string, docsBase: string, requiredWhen?: string): string {
  return join([
    heading,
    g.purpose,
    `**Responsible for**\n${bullets(g.responsibilities)}`,
    g.needs.length > 0 ? `**Needs**\n${bullets(g.needs)}` : undefined,
    `**Time:** ${g.time}`,
    requiredWhen === undefined ? undefined : `**Required:** ${requiredWhen}`,
    g.pitfalls && g.pitfalls.length > 0 ? `**Watch out for**\n${bullets(g.pitfalls)}` : undefined,
    g.advice && g.advice.length > 0 ? `${OUR_ADVICE}\n${bullets(g.advice)}` : undefined,
    checkedBy(g.rules, docsBase, 'role'),
    citation(g.sources),
  ]);
}

/** Hover for a key under `roles` (`itOwner`, `businessOwners`, …); undefined for any other key. */
export function roleHoverMarkdown(key: string, docsBase: string): string | undefined {
  const g = ROLE_GUIDANCE.get(key);
  return g && roleLike(g, `### ${g.title} (\`roles.${g.key}\`)`, docsBase);
}

/** Hover for a function under `roles.technicalStaff` (`systemAdministration`, …); undefined for any other key. */
export function techFunctionHoverMarkdown(key: string, docsBase: string): string | undefined {
  const g = TECH_FUNCTION_GUIDANCE.get(key);
  return g && roleLike(g, `### ${g.title} (\`roles.technicalStaff.${g.key}\`)`, docsBase, g.requiredWhen);
}

function activity(g: ActivityGuidance, docsBase: string): string {
  return join([
    `### ${g.title} (\`activities.${g.key}\`)`,
    g.what,
    `**Who should own it:** ${g.owner}`,
    `**Who should take part:** ${g.participants}`,
    g.advice === undefined ? undefined : `${OUR_ADVICE} ${g.advice}`,
    checkedBy(g.rules, docsBase, 'activity'),
    citation(g.sources),
  ]);
}

/** Hover for a key under `activities` (`requirements`, `toolSelection`, …); undefined for any other key. */
export function activityHoverMarkdown(key: string, docsBase: string): string | undefined {
  const g = ACTIVITY_GUIDANCE.get(key);
  return g && activity(g, docsBase);
}

function valueBlock(v: ValueGuidance, docsBase: string, heading: string): string {
  return join([
    heading,
    v.meaning,
    `**Effect on the checks:** ${v.effect}`,
    v.rules.length > 0 ? checkedBy(v.rules, docsBase, 'value') : undefined,
    citation(v.sources),
  ]);
}

/**
 * Hover for a field described in `fields.ts`. With a `value` the field has guidance for, the text explains
 * that value; otherwise it explains the field and lists its values.
 */
export function fieldHoverMarkdown(g: FieldGuidance, path: string, docsBase: string, value?: string): string {
  const v = value === undefined ? undefined : g.values.get(value);
  if (v) return valueBlock(v, docsBase, `### \`${path}: ${v.value}\``);
  return join([
    `### ${g.title} (\`${path}\`)`,
    g.meaning,
    g.defaultValue === undefined ? undefined : `**Default:** \`${g.defaultValue}\``,
    `**Effect on the checks:** ${g.effect}`,
    g.values.size > 0
      ? `**Values**\n${bullets([...g.values.values()].map((x) => `\`${x.value}\`: ${x.effect}`))}`
      : undefined,
    g.rules.length > 0 ? checkedBy(g.rules, docsBase, 'field') : undefined,
    citation(g.sources),
  ]);
}

/** Hover for a key under `project`, or for one of its values; undefined for any other key. */
export function projectFieldHoverMarkdown(key: string, docsBase: string, value?: string): string | undefined {
  const g = PROJECT_FIELD_GUIDANCE.get(key);
  return g && fieldHoverMarkdown(g, `project.${g.key}`, docsBase, value);
}

/** Hover for a `department` value of a person; undefined for any other value. */
export function departmentHoverMarkdown(value: string, docsBase: string): string | undefined {
  const v = DEPARTMENT_GUIDANCE.get(value);
  return v && valueBlock(v, docsBase, `### \`department: ${v.value}\``);
}

/** Hover for an `affiliation` value of a person; undefined for any other value. */
export function affiliationHoverMarkdown(value: string, docsBase: string): string | undefined {
  const v = AFFILIATION_GUIDANCE.get(value);
  return v && valueBlock(v, docsBase, `### \`affiliation: ${v.value}\``);
}
