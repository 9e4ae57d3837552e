// The fixture corpus: valid plans pass the generated validator with no issues; each invalid plan
// gives exactly the issues announced in its leading `# expect: <path> <key|value> <message part>` lines.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseDocument } from 'yaml';
import validate from '../../../server/src/schema/generated/validate.js';
import { schemaIssues, type SchemaIssue } from '../../../server/src/schema/schemaIssues';

function fixturesDir(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'test', 'fixtures', 'schema'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('test/fixtures/schema not found');
    dir = parent;
  }
  return join(dir, 'test', 'fixtures', 'schema');
}

function load(file: string): { text: string; data: unknown; issues: SchemaIssue[]; valid: boolean } {
  const text = readFileSync(file, 'utf8');
  const doc = parseDocument(text);
  assert.deepEqual(doc.errors.map((e) => e.message), [], `${file} must be well-formed YAML`);
  const data = doc.toJS() as unknown;
  const valid = validate(data);
  return { text, data, valid, issues: schemaIssues(validate.errors ?? [], data) };
}

interface Expectation {
  path: (string | number)[];
  target: 'key' | 'value';
  message: string;
}

function expectations(text: string): Expectation[] {
  const found: Expectation[] = [];
  for (const line of text.replace(/^\uFEFF/, '').split(/\r?\n/)) {
    const match = /^# expect: (\S+) (key|value) (.+)$/.exec(line);
    if (!match) break;
    const [, path, target, message] = match as unknown as [string, string, 'key' | 'value', string];
    found.push({
      path: path === '(root)' ? [] : path.split('.').map((s) => (/^\d+$/.test(s) ? Number(s) : s)),
      target,
      message,
    });
  }
  return found;
}

const root = fixturesDir();
const validFiles = readdirSync(join(root, 'valid')).filter((f) => /\.ya?ml$/.test(f)).sort();
const invalidFiles = readdirSync(join(root, 'invalid')).filter((f) => /\.ya?ml$/.test(f)).sort();

test('the corpus is big enough', () => {
  assert.ok(validFiles.length >= 8, `${validFiles.length} valid fixtures`);
  assert.ok(invalidFiles.length >= 20, `${invalidFiles.length} invalid fixtures`);
});

for (const file of validFiles) {
  test(`valid/${file} is accepted`, () => {
    const { valid, issues } = load(join(root, 'valid', file));
    assert.deepEqual(issues, []);
    assert.equal(valid, true, JSON.stringify(validate.errors));
  });
}

for (const file of invalidFiles) {
  test(`invalid/${file} gives exactly the expected issues`, () => {
    const { text, valid, issues } = load(join(root, 'invalid', file));
    const expected = expectations(text);
    assert.ok(expected.length > 0, 'the fixture starts with at least one `# expect:` line');
    assert.equal(valid, false);
    assert.equal(issues.length, expected.length, JSON.stringify(issues, null, 2));
    for (const want of expected) {
      const got = issues.find((i) => JSON.stringify(i.path) === JSON.stringify(want.path) && i.target === want.target);
      assert.ok(got, `no ${want.target} issue at ${JSON.stringify(want.path)}; got ${JSON.stringify(issues, null, 2)}`);
      assert.ok(got.message.includes(want.message), `message ${JSON.stringify(got.message)} lacks ${JSON.stringify(want.message)}`);
    }
  });
}

test('the corpus never touches Object.prototype', () => {
  for (const file of [...validFiles.map((f) => join(root, 'valid', f)), ...invalidFiles.map((f) => join(root, 'invalid', f))]) {
    load(file);
  }
  const probe: Record<string, unknown> = {};
  assert.equal(probe['name'], undefined);
  assert.equal(probe['title'], undefined);
  assert.equal(Object.getPrototypeOf(probe), Object.prototype);
});
