// `npm run new-rule <id>` (scripts/new-rule.mjs) on a scratch copy of the registry: the rule file, its registry
// line in alphabetical order, its fixture folder; and the refusals (bad id, existing rule, unknown category).

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { repoPath } from '../harness/repo';

function scratch(): string {
  const root = mkdtempSync(join(tmpdir(), 'crmteam-new-rule-'));
  mkdirSync(join(root, 'server/src/rules'), { recursive: true });
  mkdirSync(join(root, 'test/rules'), { recursive: true });
  for (const file of ['index.ts', 'rule.ts']) copyFileSync(repoPath('server/src/rules', file), join(root, 'server/src/rules', file));
  return root;
}

function newRule(root: string, ...args: string[]) {
  return spawnSync(process.execPath, [repoPath('scripts/new-rule.mjs'), ...args, '--root', root, '--no-docs'], { encoding: 'utf8' });
}

test('new-rule writes the rule file, its registry line in order and its fixtures', () => {
  const root = scratch();
  const r = newRule(root, 'it-owner-has-backup', '--category', 'it-owner', '--severity', 'info');
  assert.equal(r.status, 0, r.stderr);
  const rule = readFileSync(join(root, 'server/src/rules/it-owner-has-backup.ts'), 'utf8');
  assert.match(rule, /id: 'it-owner-has-backup',\n\s+category: 'it-owner',\n\s+defaultSeverity: 'info',/);
  assert.match(rule, /export default defineRule\(/);
  const registry = readFileSync(join(root, 'server/src/rules/index.ts'), 'utf8');
  const imports = [...registry.matchAll(/^import \w+ from '\.\/([a-z0-9-]+)';$/gm)].map((m) => m[1]!);
  assert.ok(imports.includes('it-owner-has-backup'));
  assert.deepEqual(imports, [...imports].sort(), 'imports stay alphabetical');
  const list = /export const RULES: readonly Rule\[\] = \[\n([\s\S]*?)\n\];/.exec(registry)![1]!.split('\n').map((l) => l.trim().replace(/,$/, ''));
  const names = [...registry.matchAll(/^import (\w+) from '\.\/[a-z0-9-]+';$/gm)].map((m) => m[1]!);
  assert.deepEqual(list, names, 'the list follows the imports');
  assert.ok(list.indexOf('itOwnerHasBackup') === list.indexOf('itOwnerFullTime') + 1);
  assert.ok(existsSync(join(root, 'test/rules/it-owner-has-backup/invalid.yaml')));
  assert.ok(existsSync(join(root, 'test/rules/it-owner-has-backup/valid.yaml')));
  // Last in the alphabet: appended.
  assert.equal(newRule(root, 'zero-budget').status, 0);
  assert.match(readFileSync(join(root, 'server/src/rules/index.ts'), 'utf8'), /import yamlSyntax from '\.\/yaml-syntax';\nimport zeroBudget from '\.\/zero-budget';[\s\S]*  yamlSyntax,\n  zeroBudget,\n\];/);
});

test('new-rule refuses a bad id, an existing rule, an unknown category or severity, and changes nothing', () => {
  const root = scratch();
  const before = readFileSync(join(root, 'server/src/rules/index.ts'), 'utf8');
  for (const [args, message] of [
    [['ItOwner'], /not a rule id/],
    [['it-owner-required'], /already/],
    [['some-rule', '--category', 'misc'], /Unknown category "misc"; one of: structure, owners/],
    [['some-rule', '--severity', 'fatal'], /Unknown severity/],
    [[], /usage: npm run new-rule/],
  ] as const) {
    const r = newRule(root, ...args);
    assert.equal(r.status, 2, args.join(' '));
    assert.match(r.stderr, message);
  }
  assert.equal(readFileSync(join(root, 'server/src/rules/index.ts'), 'utf8'), before);
  assert.ok(!existsSync(join(root, 'server/src/rules/some-rule.ts')));
});
