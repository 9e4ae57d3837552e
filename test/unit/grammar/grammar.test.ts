// The TextMate grammars (syntaxes/): the wrapper source.crmteam-yaml and the injection crmteam.injection, run on
// top of a YAML grammar as an editor runs them. The YAML grammar here is the TextMate bundle's (tm-grammars);
// VS Code ships another one (RedCMD's), whose scopes differ, so only our own `*.crmteam-yaml` scopes are asserted.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import * as oniguruma from 'vscode-oniguruma';
import { INITIAL, Registry, parseRawGrammar, type IGrammar, type IRawGrammar, type StateStack } from 'vscode-textmate';
import { ACTIVITIES, LIST_ROLES, ROLE_KEYS, SINGLE_ROLES, TECH_FUNCTIONS } from '../../../server/src/format/vocabulary';
import { RULES } from '../../../server/src/rules/index';
import { REPO_ROOT, repoPath } from '../../harness/repo';

const ROLE = 'entity.name.type.role.crmteam-yaml';
const ACTIVITY = 'entity.name.function.activity.crmteam-yaml';
const PERSON = 'variable.other.person.crmteam-yaml';
const VERSION = 'keyword.control.directive.version.crmteam-yaml';
const DIRECTIVE = 'keyword.control.directive.crmteam-yaml';
const RULE_ID = 'constant.other.rule-id.crmteam-yaml';

// ---------------------------------------------------------------------------------------------------------------
// Loading and tokenizing

const GRAMMAR_FILES: Record<string, string> = {
  'source.crmteam-yaml': repoPath('syntaxes', 'crmteam.tmLanguage.json'),
  'crmteam.injection': repoPath('syntaxes', 'crmteam.injection.tmLanguage.json'),
  'source.yaml': require.resolve('tm-grammars/grammars/yaml.json'),
};

let grammarPromise: Promise<IGrammar> | undefined;

/** Registry set up like package.json's contributes.grammars: the injection is injected into source.crmteam-yaml. */
function crmteamGrammar(): Promise<IGrammar> {
  grammarPromise ??= (async () => {
    await oniguruma.loadWASM(readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm')));
    const registry = new Registry({
      onigLib: Promise.resolve({
        createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
        createOnigString: (text: string) => new oniguruma.OnigString(text),
      }),
      loadGrammar: async (scopeName: string): Promise<IRawGrammar | null> => {
        const file = GRAMMAR_FILES[scopeName];
        return file ? parseRawGrammar(readFileSync(file, 'utf8'), file) : null;
      },
      getInjections: (scopeName: string) => (scopeName === 'source.crmteam-yaml' ? ['crmteam.injection'] : undefined),
    });
    const grammar = await registry.loadGrammar('source.crmteam-yaml');
    assert.ok(grammar, 'source.crmteam-yaml did not load');
    return grammar;
  })();
  return grammarPromise;
}

interface Token {
  readonly text: string;
  readonly start: number;
  readonly end: number;
  readonly scopes: readonly string[];
}

interface Line {
  readonly index: number;
  readonly text: string;
  readonly tokens: readonly Token[];
}

async function tokenize(text: string): Promise<Line[]> {
  const grammar = await crmteamGrammar();
  let state: StateStack = INITIAL;
  return text.split(/\r?\n/).map((lineText, index) => {
    const result = grammar.tokenizeLine(lineText, state);
    state = result.ruleStack;
    const tokens = result.tokens.map((t) => ({
      text: lineText.slice(t.startIndex, t.endIndex),
      start: t.startIndex,
      end: Math.min(t.endIndex, lineText.length),
      scopes: t.scopes,
    }));
    return { index, text: lineText, tokens };
  });
}

function fixture(name: string): string {
  return readFileSync(repoPath('test', 'fixtures', 'grammar', name), 'utf8');
}

/** A mark of ours: a `*.crmteam-yaml` scope other than the root scope and the `meta.*` regions. */
const isOurs = (scope: string): boolean =>
  scope.endsWith('.crmteam-yaml') && scope !== 'source.crmteam-yaml' && !scope.startsWith('meta.');

/** The one line that contains `where` (a fixture edit that makes it ambiguous fails loudly). */
function lineWith(lines: readonly Line[], where: string): Line {
  const found = lines.filter((l) => l.text.includes(where));
  assert.equal(found.length, 1, `expected exactly one line containing ${JSON.stringify(where)}, found ${found.length}`);
  return found[0]!;
}

/** Our scopes on each character of the `occurrence`-th `needle` on the line, e.g. [['variable.other.person...'], ...]. */
function ourScopesOn(line: Line, needle: string, occurrence = 0): string[][] {
  const at = nthIndex(line.text, needle, occurrence);
  assert.ok(at >= 0, `${JSON.stringify(needle)} (occurrence ${occurrence}) not on line ${line.index + 1}: ${line.text}`);
  const result: string[][] = [];
  for (let column = at; column < at + needle.length; column++) {
    const token = line.tokens.find((t) => t.start <= column && column < t.end);
    result.push(token ? token.scopes.filter(isOurs) : []);
  }
  return result;
}

function describeLine(line: Line): string {
  const parts = line.tokens.map((t) => `${JSON.stringify(t.text)} ${t.scopes.filter(isOurs).join(' ') || '-'}`);
  return `line ${line.index + 1}: ${line.text}\n  ${parts.join('\n  ')}`;
}

/** Every character of `needle` (on the line containing `where`) carries `scope`, and the token holds nothing else. */
function assertScope(lines: readonly Line[], where: string, needle: string, scope: string, occurrence = 0): void {
  const line = lineWith(lines, where);
  const scopes = ourScopesOn(line, needle, occurrence);
  assert.ok(
    scopes.every((s) => s.length === 1 && s[0] === scope),
    `expected ${JSON.stringify(needle)} to be exactly ${scope}\n${describeLine(line)}`,
  );
  // The marked range is the whole id or key: the characters just around it are not part of it.
  const at = nthIndex(line.text, needle, occurrence);
  for (const column of [at - 1, at + needle.length]) {
    if (column < 0 || column >= line.text.length) continue;
    const token = line.tokens.find((t) => t.start <= column && column < t.end);
    assert.ok(!token?.scopes.includes(scope), `${scope} spills over ${JSON.stringify(needle)}\n${describeLine(line)}`);
  }
}

/** No character of `needle` carries any of our scopes. */
function assertPlain(lines: readonly Line[], where: string, needle: string, occurrence = 0): void {
  const line = lineWith(lines, where);
  assert.ok(
    ourScopesOn(line, needle, occurrence).every((s) => s.length === 0),
    `expected ${JSON.stringify(needle)} to carry no crmteam scope\n${describeLine(line)}`,
  );
}

/** No token of the line carries any of our scopes. */
function assertLinePlain(lines: readonly Line[], where: string): void {
  const line = lineWith(lines, where);
  assert.ok(line.tokens.every((t) => !t.scopes.some(isOurs)), `expected no crmteam scope\n${describeLine(line)}`);
}

function nthIndex(text: string, needle: string, occurrence: number): number {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) return -1;
  }
  return at;
}

// ---------------------------------------------------------------------------------------------------------------
// The grammar files themselves

test('the grammar files are what package.json and the editor expect', () => {
  const wrapper = JSON.parse(readFileSync(GRAMMAR_FILES['source.crmteam-yaml']!, 'utf8')) as Record<string, unknown>;
  assert.equal(wrapper.scopeName, 'source.crmteam-yaml');
  assert.deepEqual(wrapper.patterns, [{ include: 'source.yaml' }]);
  const injection = JSON.parse(readFileSync(GRAMMAR_FILES['crmteam.injection']!, 'utf8')) as Record<string, unknown>;
  assert.equal(injection.scopeName, 'crmteam.injection');
  assert.equal(injection.injectionSelector, 'L:source.crmteam-yaml -comment -string');

  const manifest = JSON.parse(readFileSync(repoPath('package.json'), 'utf8')) as {
    contributes?: {
      languages?: { id: string; configuration?: string }[];
      grammars?: { language?: string; scopeName: string; path: string; injectTo?: string[] }[];
    };
  };
  const grammars = manifest.contributes?.grammars ?? [];
  const byScope = (scope: string) => grammars.find((g) => g.scopeName === scope);
  assert.equal(byScope('source.crmteam-yaml')?.language, 'crmteam-yaml');
  assert.equal(join(REPO_ROOT, byScope('source.crmteam-yaml')?.path ?? '?'), GRAMMAR_FILES['source.crmteam-yaml']);
  assert.equal(join(REPO_ROOT, byScope('crmteam.injection')?.path ?? '?'), GRAMMAR_FILES['crmteam.injection']);
  assert.deepEqual(byScope('crmteam.injection')?.injectTo, ['source.crmteam-yaml']);
  const language = manifest.contributes?.languages?.find((l) => l.id === 'crmteam-yaml');
  assert.equal(join(REPO_ROOT, language?.configuration ?? '?'), repoPath('language-configuration.json'));
});

test('language-configuration.json: YAML comments, brackets, quotes, off-side folding, indent after a colon', () => {
  const config = JSON.parse(readFileSync(repoPath('language-configuration.json'), 'utf8')) as {
    comments: { lineComment: string };
    brackets: string[][];
    autoClosingPairs: { open: string; close: string }[];
    surroundingPairs: string[][];
    folding: { offSide: boolean };
    wordPattern: string;
    indentationRules: { increaseIndentPattern: string; decreaseIndentPattern: string };
    onEnterRules: { beforeText: string; action: { indent: string } }[];
  };
  assert.equal(config.comments.lineComment, '#');
  assert.deepEqual(config.brackets, [['{', '}'], ['[', ']'], ['(', ')']]);
  assert.deepEqual(config.autoClosingPairs.map((p) => p.open + p.close), ['{}', '[]', '()', '""', "''"]);
  assert.deepEqual(config.surroundingPairs.map((p) => p.join('')), ['{}', '[]', '()', '""', "''"]);
  assert.equal(config.folding.offSide, true);

  const increase = new RegExp(config.indentationRules.increaseIndentPattern);
  const enter = new RegExp(config.onEnterRules[0]!.beforeText);
  for (const line of ['roles:', '  businessOwners:', '  superUsers:   # writers of use cases', '  - itOwner:', '  note: |', '  note: >-', '"quoted key":']) {
    assert.ok(increase.test(line) && enter.test(line), `should indent after ${JSON.stringify(line)}`);
  }
  for (const line of ['  itOwner: jdoe', '  - person: msmith', '  name: "a: b"', '  url: https://example.com', '# a comment:', '  champion: msmith # lead:']) {
    assert.ok(!increase.test(line) && !enter.test(line), `should not indent after ${JSON.stringify(line)}`);
  }
  assert.ok(increase.test('  superUsers: [') && increase.test('  testing: {'));
  assert.ok(new RegExp(config.indentationRules.decreaseIndentPattern).test('  ],'));

  // Person ids and rule ids are one word each (double-click, word-based completion).
  const word = new RegExp(config.wordPattern, 'g');
  assert.deepEqual('owner: m.smith-2 # crmteam-disable unused-suppression'.match(word), ['owner', 'm.smith-2', 'crmteam-disable', 'unused-suppression']);
  assert.equal(new RegExp(config.wordPattern).exec('')?.[0] ?? '', '', 'the word pattern must not match an empty string');
});

// ---------------------------------------------------------------------------------------------------------------
// Block style

test('block style: role keys, activity keys and the version key', async () => {
  const lines = await tokenize(fixture('block.crmteam.yaml'));
  assertScope(lines, 'crmteam: 1', 'crmteam', VERSION);
  for (const role of ['executiveSponsor', 'businessOwners', 'itOwner', 'projectManager: kpark', 'champion', 'superUsers', 'technicalStaff', 'supportTeam', 'trainers']) {
    const key = role.split(':')[0]!;
    assertScope(lines, `  ${role}`, key, ROLE);
  }
  assertScope(lines, '  requirements:', 'requirements', ACTIVITY);
  assertScope(lines, '  testing:', 'testing', ACTIVITY);
  assertScope(lines, '  vision:', 'vision', ACTIVITY);
  // Ordinary keys keep the YAML grammar's look.
  assertPlain(lines, '  integrations:', 'integrations');
  assertPlain(lines, 'roles:', 'roles');
  assertPlain(lines, 'activities:', 'activities');
});

test('block style: person ids after role keys, owner/lead/person/loadTesting/technicalContact', async () => {
  const lines = await tokenize(fixture('block.crmteam.yaml'));
  assertScope(lines, 'executiveSponsor: ceo', 'ceo', PERSON);
  assertScope(lines, 'projectManager: kpark', 'kpark', PERSON);
  assertScope(lines, 'champion: msmith', 'msmith', PERSON);
  assertPlain(lines, 'champion: msmith', 'the client-side champion'); // the trailing comment
  assertScope(lines, '- person: msmith', 'msmith', PERSON);
  assertScope(lines, '    person: jdoe', 'jdoe', PERSON);
  assertScope(lines, 'lead: plee', 'plee', PERSON);
  assertScope(lines, 'projectManager: vpm', 'vpm', PERSON);
  assertScope(lines, 'technicalContact: vtc', 'vtc', PERSON);
  assertScope(lines, '    owner: akim', 'akim', PERSON);
  assertScope(lines, 'loadTesting: tnguyen', 'tnguyen', PERSON);
  assertPlain(lines, 'allocation: 50%', '50%');
  assertPlain(lines, 'function: sales', 'sales');
});

test('block style: items of person lists, in flow and block form', async () => {
  const lines = await tokenize(fixture('block.crmteam.yaml'));
  // Block lists under participants / list roles / technical functions, at deeper or equal indentation.
  assertScope(lines, '      - jdoe', 'jdoe', PERSON);
  assertScope(lines, '      - akim', 'akim', PERSON);
  assertScope(lines, '    - rlopez', 'rlopez', PERSON); // after a comment line inside the list
  assertScope(lines, '      - tnguyen', 'tnguyen', PERSON);
  assertScope(lines, '    - obrien', 'obrien', PERSON); // `- ` at the key's own indentation
  assertScope(lines, '    - person: dchen', 'dchen', PERSON);
  assertScope(lines, '    - m.smith-2', 'm.smith-2', PERSON);
  // Flow list on one line.
  assertScope(lines, 'participants: [tnguyen]', 'tnguyen', PERSON);
  // A block list that is not a person list: project.integrations.
  assertPlain(lines, '    - billing', 'billing');
  assertPlain(lines, '    - erp', 'erp');
  // Keys and values after a list region ends are back to normal.
  assertPlain(lines, 'organization: Northwind Integrators', 'Northwind');
});

test('block style: "- akim" is a person under businessOwners and under superUsers', async () => {
  const lines = await tokenize(fixture('block.crmteam.yaml'));
  const both = lines.filter((l) => l.text === '    - akim');
  assert.equal(both.length, 2);
  for (const line of both) assert.deepEqual(ourScopesOn(line, 'akim'), [[PERSON], [PERSON], [PERSON], [PERSON]], describeLine(line));
});

// ---------------------------------------------------------------------------------------------------------------
// Flow style (the example in docs/format.md uses it for people and activities)

test('flow style: keys and person ids inside flow mappings and flow lists', async () => {
  const lines = await tokenize(fixture('flow.crmteam.yaml'));
  assertScope(lines, 'requirements:', 'requirements', ACTIVITY);
  assertScope(lines, 'requirements:', 'msmith', PERSON);
  assertScope(lines, 'requirements:', 'jdoe', PERSON);
  assertScope(lines, 'requirements:', 'akim', PERSON);
  assertScope(lines, 'toolSelection:', 'toolSelection', ACTIVITY);
  assertScope(lines, 'toolSelection:', 'tnguyen', PERSON);
  assertScope(lines, 'testing:', 'testing', ACTIVITY);
  assertScope(lines, 'testing:', 'akim', PERSON);
  assertScope(lines, 'testing:', 'tnguyen', PERSON, 0); // participants
  assertScope(lines, 'testing:', 'tnguyen', PERSON, 1); // loadTesting
  assertScope(lines, 'ongoingSupport:', 'ongoingSupport', ACTIVITY);
  assertScope(lines, 'ongoingSupport:', 'jdoe', PERSON); // `{owner: jdoe}` without blanks
  assertPlain(lines, 'testing:', 'owner');
  assertPlain(lines, 'testing:', 'participants');

  assertScope(lines, 'executiveSponsor: {', 'executiveSponsor', ROLE);
  assertScope(lines, 'executiveSponsor: {', 'ceo', PERSON);
  assertPlain(lines, 'executiveSponsor: {', '5%');
  assertScope(lines, 'businessOwners: [{', 'businessOwners', ROLE);
  assertScope(lines, 'businessOwners: [{', 'msmith', PERSON);
  assertPlain(lines, 'businessOwners: [{', 'sales');
  assertScope(lines, 'itOwner: jdoe', 'jdoe', PERSON);
  assertScope(lines, 'superUsers: [akim, rlopez]', 'superUsers', ROLE);
  assertScope(lines, 'superUsers: [akim, rlopez]', 'akim', PERSON);
  assertScope(lines, 'superUsers: [akim, rlopez]', 'rlopez', PERSON);
  assertScope(lines, 'supportTeam: [tnguyen, dchen]', 'dchen', PERSON);
  assertScope(lines, 'technicalStaff: {', 'technicalStaff', ROLE);
  assertScope(lines, 'technicalStaff: {', 'lmartin', PERSON, 0);
  assertScope(lines, 'technicalStaff: {', 'lmartin', PERSON, 1);
  assertScope(lines, 'technicalStaff: {', 'dchen', PERSON);
  assertScope(lines, 'vendor: {', 'vpm', PERSON);
  assertScope(lines, 'vendor: {', 'vtc', PERSON);
  assertPlain(lines, 'vendor: {', 'Contoso CRM');
  // A flow list that is not a person list.
  assertPlain(lines, 'project: {', 'billing');
  assertPlain(lines, 'people:', 'people');
  assertPlain(lines, 'jdoe: { name: John Doe', 'it');
});

test('docs/format.md example activities: the same marks as the block form', async () => {
  const example = [
    'activities:',
    '  requirements:        { owner: msmith, participants: [jdoe, akim] }',
    '  rolloutSupport:      { owner: jdoe, participants: [tnguyen, dchen] }',
  ].join('\n');
  const lines = await tokenize(example);
  const marks = (line: Line) => line.tokens.filter((t) => t.scopes.some(isOurs)).map((t) => `${t.text}=${t.scopes.filter(isOurs).join(',')}`);
  assert.deepEqual(marks(lines[1]!), [`requirements=${ACTIVITY}`, `msmith=${PERSON}`, `jdoe=${PERSON}`, `akim=${PERSON}`]);
  assert.deepEqual(marks(lines[2]!), [`rolloutSupport=${ACTIVITY}`, `jdoe=${PERSON}`, `tnguyen=${PERSON}`, `dchen=${PERSON}`]);
});

// ---------------------------------------------------------------------------------------------------------------
// Where nothing is marked

test('nothing is marked inside comments, quoted strings or block scalars', async () => {
  const lines = await tokenize(fixture('not-highlighted.crmteam.yaml'));
  assertPlain(lines, 'name: "itOwner: jdoe"', 'itOwner');
  assertPlain(lines, 'name: "itOwner: jdoe"', 'jdoe');
  assertLinePlain(lines, "note: 'owner: msmith, champion: akim'");
  // `|` and `>-` block scalars: every content line.
  for (const where of ['    itOwner: jdoe', '    participants: [jdoe, akim]', '    - akim', '    requirements: { owner: jdoe }', '    # crmteam-disable-next-line schema -- inside', '    superUsers: [akim]', '    testing: { owner: akim }']) {
    assertLinePlain(lines, where);
  }
  // A comment that looks like keys, and a string that looks like a suppression.
  assertLinePlain(lines, '# itOwner: jdoe, owner: msmith');
  assertLinePlain(lines, 'title: "# crmteam-disable-next-line schema"');
  assertLinePlain(lines, 'jdoe: { name: "owner: jdoe"');
  // Quoted person ids are strings.
  assertPlain(lines, 'itOwner: "jdoe"', 'jdoe');
  assertScope(lines, 'itOwner: "jdoe"', 'itOwner', ROLE);
  assertPlain(lines, "vision: { owner: 'msmith' }", 'msmith');
});

test('nothing is marked where a value is not a bare person id, or a key is not a role or activity', async () => {
  const lines = await tokenize(fixture('not-highlighted.crmteam.yaml'));
  // Block lists that are not person lists.
  assertPlain(lines, '    - billing', 'billing');
  assertPlain(lines, '    - erp', 'erp');
  // A plain scalar that is not one id: the key is still a role, the value is text.
  assertScope(lines, 'champion: msmith, akim', 'champion', ROLE);
  assertPlain(lines, 'champion: msmith, akim', 'msmith');
  assertPlain(lines, 'executiveSponsor: Jane Doe', 'Jane');
  // Look-alike keys.
  assertLinePlain(lines, '  integrations: nobody');
  assertLinePlain(lines, '  trainingPlan: nobody');
});

test('a key that only resembles a role or activity, or sits in a value, is not marked', async () => {
  const lines = await tokenize(
    [
      'roles:',
      '  itOwners: jdoe',
      '  xitOwner: jdoe',
      '  trainer: akim',
      'activities:',
      '  visions: { owner: jdoe }',
      '  requirements2: { owner: jdoe }',
      '  note: requirements: not a key',
    ].join('\n'),
  );
  for (const where of ['itOwners', 'xitOwner', 'trainer:', 'note:']) assertLinePlain(lines, where);
  // Under a key that is not an activity, `owner:` still names a person.
  assertPlain(lines, 'visions:', 'visions');
  assertScope(lines, 'visions:', 'jdoe', PERSON);
  assertPlain(lines, 'requirements2:', 'requirements2');
});

// ---------------------------------------------------------------------------------------------------------------
// Suppression comments

test('suppression comments: the directive and the rule ids, not the reason', async () => {
  const lines = await tokenize(fixture('block.crmteam.yaml'));
  const file = '# crmteam-disable unused-suppression';
  assertScope(lines, file, 'crmteam-disable', DIRECTIVE);
  assertScope(lines, file, 'unused-suppression', RULE_ID);
  assertPlain(lines, file, 'draft plan');
  const next = '# crmteam-disable-next-line post-rollout-vision';
  assertScope(lines, next, 'crmteam-disable-next-line', DIRECTIVE);
  assertScope(lines, next, 'post-rollout-vision', RULE_ID);
  assertScope(lines, next, 'over-allocated', RULE_ID);
  assertPlain(lines, next, 'planned');
  assertPlain(lines, next, 'Q3');
  assertScope(lines, next, ',', 'punctuation.separator.comma.crmteam-yaml');
});

test('suppression comments: after a value, without blanks, and look-alikes', async () => {
  const lines = await tokenize(
    [
      'crmteam: 1',
      'roles:',
      '  itOwner: jdoe  # crmteam-disable-next-line it-owner-internal -- contractor',
      '#crmteam-disable schema',
      '# crmteam-disable-next-line x1,y2--c d',
      '# crmteam-disable-next-lines schema',
      '# see crmteam-disable schema',
      '# crmteam-disabled schema',
    ].join('\n'),
  );
  assertScope(lines, 'it-owner-internal', 'crmteam-disable-next-line', DIRECTIVE);
  assertScope(lines, 'it-owner-internal', 'it-owner-internal', RULE_ID);
  assertPlain(lines, 'it-owner-internal', 'contractor');
  assertScope(lines, 'it-owner-internal', 'jdoe', PERSON);
  assertScope(lines, '#crmteam-disable schema', 'crmteam-disable', DIRECTIVE);
  assertScope(lines, '#crmteam-disable schema', 'schema', RULE_ID);
  // As server/src/model/suppressions.ts reads it: ids up to the first `--`, split on commas.
  assertScope(lines, 'x1,y2--c d', 'x1', RULE_ID);
  assertScope(lines, 'x1,y2--c d', 'y2', RULE_ID);
  assertPlain(lines, 'x1,y2--c d', '--c d'.slice(2));
  assertLinePlain(lines, 'disable-next-lines');
  assertLinePlain(lines, '# see crmteam-disable');
  assertLinePlain(lines, 'crmteam-disabled');
});

test('every rule id of the registry is one rule-id token in a suppression comment', async () => {
  const ids = RULES.map((r) => r.meta.id);
  assert.ok(ids.length > 0);
  const lines = await tokenize(ids.map((id) => `# crmteam-disable-next-line ${id}, ${id} -- why`).join('\n'));
  for (const [index, id] of ids.entries()) {
    const line = lines[index]!;
    const marked = line.tokens.filter((t) => t.scopes.includes(RULE_ID)).map((t) => t.text);
    assert.deepEqual(marked, [id, id], describeLine(line));
  }
});

// ---------------------------------------------------------------------------------------------------------------
// The key lists cannot drift from the format

/** Each key highlighted in each place the format puts it, in block and in flow form, line by line. */
async function assertVocabularyHighlighted(vocabulary: {
  roleKeys: readonly string[];
  singleRoles: readonly string[];
  listRoles: readonly string[];
  techFunctions: readonly string[];
  activities: readonly string[];
}): Promise<void> {
  // Each entry: a line, and the marks expected on it ([text, scope] in order; nothing else may be marked).
  const entries: [string, [string, string][]][] = [['roles:', []]];
  const id = (prefix: string, key: string) => `${prefix}-${key.toLowerCase()}`;
  for (const k of vocabulary.roleKeys) entries.push([`  ${k}:`, [[k, ROLE]]]);
  for (const k of vocabulary.singleRoles) entries.push([`  ${k}: ${id('sr', k)}`, [[k, ROLE], [id('sr', k), PERSON]]]);
  for (const k of vocabulary.listRoles) {
    entries.push([`  ${k}: [${id('lf', k)}, ${id('lg', k)}]`, [[k, ROLE], [id('lf', k), PERSON], [id('lg', k), PERSON]]]);
    entries.push([`  ${k}:`, [[k, ROLE]]], [`    - ${id('lb', k)}`, [[id('lb', k), PERSON]]]);
  }
  entries.push(['  technicalStaff:', [['technicalStaff', ROLE]]]);
  for (const f of vocabulary.techFunctions) {
    entries.push([`    ${f}: [${id('tf', f)}]`, [[id('tf', f), PERSON]]]);
    entries.push([`    ${f}:`, []], [`      - ${id('tb', f)}`, [[id('tb', f), PERSON]]]);
  }
  entries.push(['flowRoles:', []]);
  for (const k of vocabulary.singleRoles) entries.push([`  - { ${k}: ${id('fs', k)} }`, [[k, ROLE], [id('fs', k), PERSON]]]);
  entries.push(['activities:', []]);
  for (const a of vocabulary.activities) {
    entries.push([`  ${a}: { owner: ${id('ao', a)}, participants: [${id('ap', a)}] }`, [[a, ACTIVITY], [id('ao', a), PERSON], [id('ap', a), PERSON]]]);
    entries.push([`  ${a}:`, [[a, ACTIVITY]]], [`    owner: ${id('bo', a)}`, [[id('bo', a), PERSON]]]);
    entries.push(['    participants:', []], [`      - ${id('bp', a)}`, [[id('bp', a), PERSON]]]);
  }
  const lines = await tokenize(entries.map(([text]) => text).join('\n'));
  for (const [index, [text, expected]] of entries.entries()) {
    const line = lines[index]!;
    const marks = line.tokens.filter((t) => t.scopes.some(isOurs)).map((t) => [t.text, t.scopes.filter(isOurs).join(' ')]);
    assert.deepEqual(marks, expected, `${JSON.stringify(text)} is not highlighted as expected\n${describeLine(line)}`);
  }
}

test('every role key, list role, technical function and activity of server/src/format/vocabulary.ts is highlighted', async () => {
  await assertVocabularyHighlighted({
    roleKeys: ROLE_KEYS,
    singleRoles: SINGLE_ROLES,
    listRoles: LIST_ROLES,
    techFunctions: TECH_FUNCTIONS,
    activities: ACTIVITIES,
  });
});

/** The backticked words of the first table column (or a sentence) of one `## ` section of docs/format.md. */
function formatSection(markdown: string, heading: string): string {
  const start = markdown.indexOf(`\n## ${heading}\n`);
  assert.ok(start >= 0, `docs/format.md has no section "## ${heading}"`);
  const end = markdown.indexOf('\n## ', start + 1);
  return markdown.slice(start, end === -1 ? undefined : end);
}

const backticked = (text: string): string[] => [...text.matchAll(/`([A-Za-z]+)`/g)].map((m) => m[1]!);

test('every role key, technical function and activity of docs/format.md is highlighted', async () => {
  const path = repoPath('docs/format.md');
  const markdown = readFileSync(path, 'utf8');
  const roles = formatSection(markdown, '`roles`');
  const roleRows = roles.split('\n').filter((l) => /^\| `[A-Za-z]+` \|/.test(l));
  const roleKeys = roleRows.map((l) => backticked(l)[0]!);
  const singleRoles = roleRows.filter((l) => /^\| `\w+` \| assignment \|/.test(l)).map((l) => backticked(l)[0]!);
  const listRoles = roleRows.filter((l) => /^\| `\w+` \| list of assignments/.test(l)).map((l) => backticked(l)[0]!);
  const techRow = roleRows.find((l) => l.startsWith('| `technicalStaff`'));
  assert.ok(techRow, 'docs/format.md lists no technicalStaff row');
  const techFunctions = backticked(techRow.slice(techRow.indexOf('functions:')));
  const activitiesSection = formatSection(markdown, '`activities`');
  const sentence = activitiesSection.slice(activitiesSection.indexOf('The activities are:'), activitiesSection.indexOf('No other activity key'));
  const activities = backticked(sentence);

  // Sanity: the parse found what version 1 has, so a format change shows up here rather than as a silent pass.
  assert.equal(roleKeys.length, 9, `roles parsed from docs/format.md: ${roleKeys.join(', ')}`);
  assert.equal(singleRoles.length, 4, `single roles parsed from docs/format.md: ${singleRoles.join(', ')}`);
  assert.equal(listRoles.length, 4, `list roles parsed from docs/format.md: ${listRoles.join(', ')}`);
  assert.equal(techFunctions.length, 6, `technical functions parsed from docs/format.md: ${techFunctions.join(', ')}`);
  assert.equal(activities.length, 15, `activities parsed from docs/format.md: ${activities.join(', ')}`);

  await assertVocabularyHighlighted({ roleKeys, singleRoles, listRoles, techFunctions, activities });
});
