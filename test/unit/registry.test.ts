// Keeps the rule catalogue consistent: ids sorted and unique, file name = id, fixtures, generated docs up to date.

import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { RULES } from '../../server/src/rules/index';
import { renderRulePage, renderRulesTable } from '../../scripts/gen-docs';
import { repoPath } from '../harness/repo';

// The registry (server/src/rules/index.ts) is the one list of rule ids: everything else is checked against it.
const IDS = RULES.map((r) => r.meta.id);

/** Rule files: the files of server/src/rules that define a rule (helpers such as fixes.ts do not). */
function ruleFiles(): string[] {
  return readdirSync(repoPath('server/src/rules'))
    .filter((f) => f.endsWith('.ts') && /export default define(Scope|Settings)?Rule\(/.test(readFileSync(repoPath('server/src/rules', f), 'utf8')))
    .map((f) => f.replace(/\.ts$/, ''));
}

test('the registry lists its rules once each, in alphabetical order, imports and list alike', () => {
  assert.ok(IDS.length > 30);
  assert.deepEqual(IDS, [...new Set(IDS)].sort(), 'ids are unique and sorted');
  const registry = readFileSync(repoPath('server/src/rules/index.ts'), 'utf8');
  const imported = [...registry.matchAll(/^import \w+ from '\.\/([a-z0-9-]+)';$/gm)].map((m) => m[1]);
  assert.deepEqual(imported, IDS, 'each import is the file of the rule at the same place in RULES');
});

test('each rule file is in the registry, named by its id', () => {
  assert.deepEqual(ruleFiles().sort(), [...IDS].sort());
  for (const id of IDS) {
    assert.match(readFileSync(repoPath('server/src/rules', `${id}.ts`), 'utf8'), new RegExp(`id: '${id}'`));
  }
});

test('each rule has its fixture folder and its page, and nothing else has one', () => {
  const folders = readdirSync(repoPath('test/rules')).sort();
  assert.deepEqual(folders, [...IDS].sort(), 'test/rules/<id>/ for exactly the registered rules');
  const pages = readdirSync(repoPath('docs/rules')).filter((f) => f.endsWith('.md')).map((f) => f.replace(/\.md$/, '')).sort();
  assert.deepEqual(pages, [...IDS].sort(), 'docs/rules/<id>.md for exactly the registered rules (npm run docs)');
});

test('every rule has complete docs metadata and sources that exist', () => {
  for (const rule of RULES) {
    const { docs } = rule.meta;
    for (const field of ['summary', 'rationale', 'howToFix', 'bad', 'good'] as const) {
      assert.ok(docs[field].trim().length > 20, `${rule.meta.id}: docs.${field} is missing or too short`);
      assert.doesNotMatch(docs[field], /\bTODO\b/, `${rule.meta.id}: docs.${field} is still the scaffold's`);
    }
  }
});

test('docs/rules pages and the README table are generated and up to date', () => {
  for (const rule of RULES) {
    const path = repoPath('docs/rules', `${rule.meta.id}.md`);
    assert.ok(existsSync(path), `${path} is missing; run npm run docs`);
    assert.equal(readFileSync(path, 'utf8'), renderRulePage(rule), `${path} is stale; run npm run docs`);
  }
  assert.ok(readFileSync(repoPath('README.md'), 'utf8').includes(renderRulesTable()), 'README rule table is stale; run npm run docs');
});
