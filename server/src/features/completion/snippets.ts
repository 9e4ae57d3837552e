// Whole blocks: a new person under `people`, a new activity under `activities`, and a team-plan skeleton for an
// empty file. Person placeholders offer the ids already defined.

import { CompletionItemKind, InsertTextFormat, InsertTextMode, type CompletionItem } from 'vscode-languageserver-types';
import type { Analysis } from '../../engine/analyze';
import { ACTIVITIES, AFFILIATIONS, COMPANY_SIZES, DELIVERIES, DEPARTMENTS, PHASES } from '../../format/vocabulary';
import type { FeatureContext } from '../context';
import type { KeyContext } from './context';
import { choice, indentBlock, personIds, replace } from './edit';

function snippet(label: string, detail: string, doc: string, body: string, cursor: KeyContext, ctx: FeatureContext, first = false): CompletionItem {
  return {
    label,
    kind: CompletionItemKind.Snippet,
    detail,
    documentation: { kind: 'markdown', value: doc },
    // Snippets after the keys (a user typing a key name wants the key), except the skeleton in an empty file.
    sortText: first ? ` ${label}` : `9${label}`,
    ...(first ? { preselect: true } : {}),
    filterText: cursor.word.text === '' ? label : `${cursor.word.text} ${label}`,
    insertTextFormat: InsertTextFormat.Snippet,
    insertTextMode: InsertTextMode.asIs,
    textEdit: replace(cursor, `${cursor.lead}${indentBlock(body, cursor.column)}`, ctx),
  };
}

const DEPARTMENT_CHOICE = [...DEPARTMENTS].sort((a, b) => Number(b === 'other') - Number(a === 'other'));

export function newPerson(cursor: KeyContext, ctx: FeatureContext): CompletionItem {
  const body = [
    '${1:id}:',
    '  name: ${2:Full Name}',
    '  title: ${3:Job title}',
    `  department: ${choice(4, DEPARTMENT_CHOICE)}`,
    `  affiliation: ${choice(5, [...AFFILIATIONS])}$0`,
  ].join('\n');
  const doc =
    'Adds a person: an id (lower case, as it will be written in roles and activities), a name, a job title, the ' +
    'department and whether they are your own staff (`internal`) or work for a partner.\n\n' +
    'The department and affiliation decide which side of the project the person counts on: internal people in `it` ' +
    'are on the IT side, internal people in a business department are on the business side.';
  return snippet('New person', 'Snippet: a person with name, title, department and affiliation', doc, body, cursor, ctx);
}

export function newActivity(analysis: Analysis, cursor: KeyContext, ctx: FeatureContext): CompletionItem | undefined {
  const missing = ACTIVITIES.filter((a) => !cursor.present.has(a));
  if (missing.length === 0) return undefined;
  const ids = personIds(analysis.plan);
  const body = [`${choice(1, missing)}:`, `  owner: ${choice(2, ids)}`, `  participants: [${choice(3, ids)}]$0`].join('\n');
  const doc =
    'Adds an activity that the plan does not have yet, with its owner (the one person accountable for it) and its ' +
    `participants. Activities not in the plan yet: ${missing.map((a) => `\`${a}\``).join(', ')}.`;
  return snippet('New activity', 'Snippet: an activity with owner and participants', doc, body, cursor, ctx);
}

export function planSkeleton(cursor: KeyContext, ctx: FeatureContext): CompletionItem {
  const body = [
    'crmteam: 1',
    '',
    'project:',
    '  name: ${1:Acme CRM rollout}',
    `  companySize: ${choice(2, ['medium', ...COMPANY_SIZES.filter((s) => s !== 'medium')])}`,
    `  delivery: ${choice(3, ['integrator', ...DELIVERIES.filter((d) => d !== 'integrator')])}`,
    `  phase: ${choice(4, [...PHASES])}`,
    '',
    'people:',
    '  ${5:msmith}:',
    '    name: ${6:Maria Smith}',
    '    title: ${7:VP Sales}',
    '    department: sales',
    '  ${8:jdoe}:',
    '    name: ${9:John Doe}',
    '    title: ${10:Business Applications Manager}',
    '    department: it',
    '',
    'roles:',
    '  executiveSponsor: $5',
    '  businessOwners: [$5]',
    '  itOwner: $8',
    '  champion: $5',
    '  superUsers: [$5]',
    '  technicalStaff:',
    '    systemAdministration: [$8]',
    '  supportTeam: [$8]',
    '',
    'partners:',
    '  integrator:',
    '    organization: ${11:Northwind Integrators}',
    '',
    'activities:',
    '  requirements: { owner: $5, participants: [$8] }',
    '  toolSelection: { owner: $5, participants: [$8] }',
    '  integratorSelection: { owner: $8, participants: [$5] }',
    '  ongoingSupport: { owner: $8 }',
    '$0',
  ].join('\n');
  const doc =
    'A complete team plan to start from: the format version, the project facts, two people (a business owner and ' +
    'an IT owner), the roles, an integrator, and the first activities. Replace the names, then add the people and ' +
    'activities your project has; the checks point out what is still missing.';
  return snippet('Team plan skeleton', 'Snippet: a whole .crmteam.yaml plan with every section', doc, body, cursor, ctx, true);
}
