// docs/workspace.md, the user's reference for many plans, against what the code enforces: the configuration file's
// keys are the schema's, and the page's examples of a configuration file and a roster are read without a finding.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import configSchemaJson from '../../../schemas/crmteam.config.schema.json';
import { analyzeConfig } from '../../../server/src/scope/config';
import { analyzeRoster, looksLikeRoster } from '../../../server/src/scope/roster';
import { readRepoFile } from '../../harness/repo';

const doc = readRepoFile('docs/workspace.md');

/** The text of one `## ` section of the page. */
function section(heading: string): string {
  const start = doc.indexOf(`\n## ${heading}\n`);
  assert.ok(start >= 0, `docs/workspace.md has a section "## ${heading}"`);
  const end = doc.indexOf('\n## ', start + 1);
  return doc.slice(start, end === -1 ? undefined : end);
}

const yamlBlocks = (text: string): string[] => [...text.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]!);

test('the configuration file: the table lists exactly the schema\'s keys, the required one marked', () => {
  const text = section('The configuration file: `crmteam.config.yaml`');
  const rows = text.split('\n').filter((l) => /^\| `[^`]+` \|/.test(l));
  const keys = rows.map((l) => /^\| `([^`]+)`/.exec(l)![1]!);
  const schema = configSchemaJson as unknown as { properties: Record<string, unknown>; required: string[] };
  assert.deepEqual(keys, Object.keys(schema.properties));
  for (const row of rows) {
    const key = /^\| `([^`]+)`/.exec(row)![1]!;
    assert.equal(/\| required\b/.test(row), schema.required.includes(key), `${key}: required as the schema says`);
  }
});

test('the configuration example is read as written, without a finding', () => {
  const [example] = yamlBlocks(section('The configuration file: `crmteam.config.yaml`'));
  assert.ok(example?.startsWith('crmteam-config: 1\n'));
  const { config, findings } = analyzeConfig(example!, { exists: () => true });
  assert.deepEqual(findings.map((f) => f.message), []);
  assert.deepEqual([...config.rules], [['it-owner-full-time', 'off'], ['unused-person', 'error']]);
  assert.deepEqual(config.ignore, ['archive/**']);
  assert.equal(config.capacity, 100);
});

test('the roster example is a roster with its people and no finding', () => {
  const [example] = yamlBlocks(section('The roster'));
  assert.ok(example && looksLikeRoster(example));
  const roster = analyzeRoster(example);
  assert.deepEqual(roster.findings.map((f) => f.message), []);
  assert.deepEqual([...roster.people.keys()], ['jdoe']);
});
