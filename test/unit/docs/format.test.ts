// docs/format.md, the user's reference to the format, against the JSON Schema that the checks enforce: every key the
// schema allows is documented in its section, with the same required-or-default, the same allowed values, and the
// example on the page is a plan without a single finding about its form.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parse } from 'yaml';
import schemaJson from '../../../schemas/crmteam.schema.json';
import { analyze } from '../../../server/src/engine/analyze';
import { readRepoFile } from '../../harness/repo';

type Node = Record<string, unknown>;
const schema = schemaJson as unknown as Node;
const doc = readRepoFile('docs/format.md');

const obj = (node: unknown, ...keys: string[]): Node => {
  let at = node;
  for (const k of keys) at = (at as Node)[k];
  assert.ok(typeof at === 'object' && at !== null, `schema has ${keys.join('.')}`);
  return at as Node;
};
const def = (name: string): Node => obj(schema, 'definitions', name);
/** A property's own schema, following one `$ref` to the definitions. */
const deref = (node: Node): Node => {
  const ref = node['$ref'];
  return typeof ref === 'string' ? { ...def(ref.replace('#/definitions/', '')), ...node } : node;
};

/** The text of one `## ` section of the page. */
function section(heading: string): string {
  const start = doc.indexOf(`\n## ${heading}\n`);
  assert.ok(start >= 0, `docs/format.md has a section "## ${heading}"`);
  const end = doc.indexOf('\n## ', start + 1);
  return doc.slice(start, end === -1 ? undefined : end);
}

interface Row {
  readonly key: string;
  readonly cells: Record<string, string>;
}

/** The tables of a section, in order; each row keyed by the backticked key in its first cell. */
function tables(text: string): Row[][] {
  const found: Row[][] = [];
  let header: string[] | undefined;
  let rows: Row[] = [];
  for (const line of text.split('\n')) {
    if (!line.startsWith('|')) {
      if (header) found.push(rows);
      header = undefined;
      rows = [];
      continue;
    }
    const cells = line.slice(1, -1).split(' | ').map((c) => c.trim());
    if (!header) header = cells;
    else if (!/^-+$/.test(cells[0]!)) {
      const key = /^`([^`]+)`$/.exec(cells[0]!)?.[1];
      assert.ok(key, `a row of docs/format.md starts with a backticked key: ${line}`);
      rows.push({ key, cells: Object.fromEntries(header.map((h, i) => [h, cells[i] ?? ''])) });
    }
  }
  if (header) found.push(rows);
  return found;
}

const backticked = (text: string): string[] => [...text.matchAll(/`([^`]+)`/g)].map((m) => m[1]!);
const keysOf = (rows: readonly Row[]): string[] => rows.map((r) => r.key);

/** What the `default` column must say for a property: `required`, the default in backticks, or `none…`. */
function checkDefault(row: Row, property: Node, required: readonly unknown[], where: string): void {
  const cell = row.cells['default'];
  assert.ok(cell !== undefined, `${where}: the table has a default column`);
  const value = property['default'];
  if (required.includes(row.key)) assert.equal(cell, 'required', `${where}.${row.key} is required`);
  else if (value !== undefined) {
    const shown = typeof value === 'string' ? value : JSON.stringify(value);
    assert.equal(cell, `\`${shown}\``, `${where}.${row.key} defaults to ${shown}`);
  } else assert.match(cell, /^none\b/, `${where}.${row.key} has no default`);
}

/** The type column names the enum values, in the schema's order, or the JSON type. */
function checkType(row: Row, property: Node, where: string): void {
  const cell = row.cells['type'];
  assert.ok(cell !== undefined, `${where}: the table has a type column`);
  const values = property['enum'];
  if (Array.isArray(values)) assert.deepEqual(backticked(cell), values, `${where}.${row.key}: the allowed values`);
  else if (property['type'] === 'boolean') assert.equal(cell, 'boolean', `${where}.${row.key}`);
}

/** Every property of `object` has a row in `rows`, and the rows are exactly its properties (in the schema's order). */
function checkObject(rows: readonly Row[], object: Node, where: string): void {
  const properties = obj(object, 'properties');
  const required = (object['required'] as unknown[] | undefined) ?? [];
  assert.deepEqual(keysOf(rows), Object.keys(properties), `${where}: the documented keys are the schema's`);
  for (const row of rows) {
    const property = deref(obj(properties, row.key));
    checkDefault(row, property, required, where);
    checkType(row, property, where);
  }
}

describe('docs/format.md matches the schema', () => {
  test('top level: the keys, and which are required', () => {
    const [rows] = tables(section('Top level'));
    assert.deepEqual(keysOf(rows!), Object.keys(obj(schema, 'properties')));
    const required = schema['required'] as string[];
    for (const row of rows!) assert.equal(row.cells['required'], required.includes(row.key) ? 'yes' : 'no', row.key);
    assert.equal(schema['additionalProperties'], false);
  });

  test('project: every key with its type, default and values', () => {
    const [rows] = tables(section('`project`'));
    checkObject(rows!, obj(schema, 'properties', 'project'), 'project');
  });

  test('people: the id rule and every key of a person', () => {
    const people = obj(schema, 'properties', 'people');
    const ids = obj(people, 'propertyNames');
    assert.equal(ids['pattern'], '^[a-z][a-z0-9._-]*$');
    const text = section('`people`');
    assert.match(text, new RegExp(`at most ${String(ids['maxLength'])}\\s+characters`));
    assert.match(text, /starts with a lower-case letter, followed by lower-case letters, digits, `\.`, `_` or `-`/);
    const [rows] = tables(text);
    checkObject(rows!, def('person'), 'person');
  });

  test('assignments: person, allocation and note', () => {
    const [rows] = tables(section('Assignments'));
    checkObject(rows!, obj(def('assignment'), 'then'), 'assignment');
    assert.equal(def('allocation')['pattern'], '^(100|[1-9]?[0-9])%$', 'the page describes this pattern in words');
  });

  test('roles: every role, single or list, the technical functions and the business owner function', () => {
    const roles = obj(schema, 'properties', 'roles');
    const properties = obj(roles, 'properties');
    const [rows] = tables(section('`roles`'));
    assert.deepEqual(keysOf(rows!), Object.keys(properties));
    for (const row of rows!) {
      const property = properties[row.key] as Node;
      const value = row.cells['value']!;
      if (property['$ref'] === '#/definitions/assignment') assert.equal(value, 'assignment', row.key);
      else if (property['$ref'] === '#/definitions/assignmentList') assert.equal(value, 'list of assignments', row.key);
      else if (row.key === 'businessOwners') {
        assert.equal(obj(property, 'items')['$ref'], '#/definitions/businessOwnerAssignment');
        assert.match(value, /^list of assignments, whose mappings may add `function`/);
        const fn = obj(def('businessOwnerAssignment'), 'then', 'properties', 'function');
        assert.deepEqual(backticked(row.cells['meaning']!).slice(-(fn['enum'] as unknown[]).length), fn['enum']);
      } else if (row.key === 'technicalStaff') {
        assert.deepEqual(backticked(value.slice(value.indexOf('functions:'))), Object.keys(obj(property, 'properties')));
      } else assert.fail(`roles.${row.key}: a value the test does not know`);
    }
  });

  test('partners: the integrator and the vendor', () => {
    const partners = obj(schema, 'properties', 'partners');
    const text = section('`partners`');
    assert.deepEqual(Object.keys(obj(partners, 'properties')), ['integrator', 'vendor']);
    const [integrator, vendor] = tables(text);
    assert.ok(text.indexOf('`integrator`, the firm') < text.indexOf('`vendor`, the company'));
    checkObject(integrator!, obj(partners, 'properties', 'integrator'), 'partners.integrator');
    checkObject(vendor!, obj(partners, 'properties', 'vendor'), 'partners.vendor');
  });

  test('activities: the fields of an activity, and every activity', () => {
    const [fields, list] = tables(section('`activities`'));
    checkObject(fields!, def('testingActivity'), 'testing');
    assert.deepEqual(Object.keys(obj(def('activity'), 'properties')), ['owner', 'participants']);
    const activities = Object.keys(obj(schema, 'properties', 'activities', 'properties'));
    assert.deepEqual(keysOf(list!), activities);
    const text = section('`activities`');
    const sentence = text.slice(text.indexOf('The activities are:'), text.indexOf('No other activity key'));
    assert.deepEqual(backticked(sentence), activities);
  });

  test('every section the schema has is on the page', () => {
    for (const key of Object.keys(obj(schema, 'properties')).filter((k) => k !== 'crmteam')) section(`\`${key}\``);
  });
});

describe('docs/format.md: the example and the suppression comments', () => {
  const example = /## An example\n\n```yaml\n([\s\S]*?)```/.exec(doc)?.[1];

  test('the example is a plan with no finding about its form', () => {
    assert.ok(example, 'the page has an example');
    const structural = new Set(['yaml-syntax', 'schema', 'unknown-person', 'unused-person', 'over-allocated']);
    const findings = analyze(example).findings.filter((f) => structural.has(f.ruleId));
    assert.deepEqual(findings.map((f) => `${f.ruleId}: ${f.message}`), []);
  });

  test('the example uses every role, technical function, partner field and activity', () => {
    const plan = parse(example!) as Node;
    assert.deepEqual(Object.keys(obj(plan, 'roles')), Object.keys(obj(schema, 'properties', 'roles', 'properties')).filter((k) => k !== 'trainers'));
    assert.deepEqual(Object.keys(obj(plan, 'roles', 'technicalStaff')), Object.keys(obj(schema, 'properties', 'roles', 'properties', 'technicalStaff', 'properties')));
    assert.deepEqual(Object.keys(obj(plan, 'activities')), Object.keys(obj(schema, 'properties', 'activities', 'properties')));
    assert.deepEqual(Object.keys(obj(plan, 'partners', 'integrator')), Object.keys(obj(schema, 'properties', 'partners', 'properties', 'integrator', 'properties')));
  });

  test('test/fixtures/schema/valid/complete.yaml is the same plan', () => {
    assert.deepEqual(parse(readRepoFile('test/fixtures/schema/valid/complete.yaml')), parse(example!));
  });

  test('the suppression example on the page silences what it says', () => {
    const text = section('Suppressing a finding');
    const snippet = /```yaml\n([\s\S]*?)```/.exec(text)?.[1];
    assert.ok(snippet);
    const plan = `crmteam: 1\nproject: { name: P }\npeople:\n  plee: { name: Pat Lee, affiliation: integrator }\n${snippet}`;
    const result = analyze(plan);
    assert.ok(result.findings.every((f) => f.ruleId !== 'it-owner-internal'), 'it-owner-internal is silenced');
    assert.ok(result.findings.every((f) => f.ruleId !== 'unused-suppression'), 'the suppression is used');
    const without = analyze(plan.replace(/ *# crmteam-disable-next-line[^\n]*\n/, ''));
    assert.ok(without.findings.some((f) => f.ruleId === 'it-owner-internal'), 'without it, the finding is there');
  });
});
