// The JSON Schema itself: valid draft-07, compiles, and documents every field for hovers and completion.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import schemaJson from '../../../schemas/crmteam.schema.json';

type Node = Record<string, unknown>;
const schema = schemaJson as unknown as Node;

function repoRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'schemas', 'crmteam.schema.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('repository root not found');
    dir = parent;
  }
  return dir;
}

function isRecord(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Every schema object reachable as a field (properties, items, additionalProperties, definitions, propertyNames), with its pointer. */
function fields(): { pointer: string; node: Node }[] {
  const found: { pointer: string; node: Node }[] = [];
  const visit = (node: Node, pointer: string, isField: boolean): void => {
    if (isField) found.push({ pointer, node });
    for (const container of ['properties', 'definitions', 'patternProperties']) {
      const children = node[container];
      if (!isRecord(children)) continue;
      for (const [key, child] of Object.entries(children)) {
        if (isRecord(child)) visit(child, `${pointer}/${container}/${key}`, true);
      }
    }
    for (const single of ['items', 'additionalProperties', 'propertyNames']) {
      const child = node[single];
      if (isRecord(child)) visit(child, `${pointer}/${single}`, true);
    }
    // The branches of an assignment are not fields themselves, but the keys of its mapping branch are.
    for (const branch of ['then', 'else']) {
      const child = node[branch];
      if (isRecord(child)) visit(child, `${pointer}/${branch}`, false);
    }
  };
  visit(schema, '#', true);
  return found;
}

// Runtime ajv generates code with `new Function`, which the test run forbids
// (--disallow-code-generation-from-strings, like the shipped server). So it runs in a child process.
const CHILD = `
const Ajv = require('ajv');
const addFormats = require('ajv-formats');
const schema = require(process.argv[1]);
const out = { metaValid: false, metaErrors: null, compileError: null, strictError: null, badExamples: [] };
const meta = new Ajv();
out.metaValid = meta.validateSchema(schema);
out.metaErrors = meta.errors;
try {
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  ajv.compile(schema);
} catch (e) { out.compileError = String(e && e.message || e); }
try {
  const strict = new Ajv({ allErrors: true, strict: true, logger: false });
  addFormats(strict);
  strict.addVocabulary(['markdownDescription', 'enumDescriptions', 'markdownEnumDescriptions']);
  strict.compile(schema);
} catch (e) { out.strictError = String(e && e.message || e); }
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const check = (node, pointer) => {
  const wrapped = Object.assign({}, node, { definitions: schema.definitions });
  delete wrapped.$schema; delete wrapped.$id;
  const validate = ajv.compile(wrapped);
  for (const example of node.examples || []) {
    if (!validate(example)) out.badExamples.push({ pointer, example, errors: validate.errors });
  }
  if ('default' in node && !validate(node.default)) out.badExamples.push({ pointer, default: node.default, errors: validate.errors });
};
const walk = (node, pointer) => {
  if (!node || typeof node !== 'object' || Array.isArray(node)) return;
  if (node.examples || 'default' in node) check(node, pointer);
  for (const [k, v] of Object.entries(node)) {
    if (k === 'examples' || k === 'default' || k === 'enum' || k === 'const') continue;
    if (Array.isArray(v)) v.forEach((x, i) => walk(x, pointer + '/' + k + '/' + i));
    else walk(v, pointer + '/' + k);
  }
};
walk(schema, '#');
process.stdout.write(JSON.stringify(out));
`;

interface ChildReport {
  metaValid: boolean;
  metaErrors: unknown;
  compileError: string | null;
  strictError: string | null;
  badExamples: unknown[];
}

let report: ChildReport | undefined;
function childReport(): ChildReport {
  if (report) return report;
  const root = repoRoot();
  const result = spawnSync(process.execPath, ['-e', CHILD, join(root, 'schemas', 'crmteam.schema.json')], {
    cwd: root,
    encoding: 'utf8',
  });
  assert.equal(result.status, 0, result.stderr);
  report = JSON.parse(result.stdout) as ChildReport;
  return report;
}

test('the schema is valid against the draft-07 meta-schema', () => {
  assert.equal(schema['$schema'], 'http://json-schema.org/draft-07/schema#');
  assert.equal(typeof schema['$id'], 'string');
  assert.equal(typeof schema['title'], 'string');
  assert.equal(typeof schema['description'], 'string');
  const { metaValid, metaErrors } = childReport();
  assert.equal(metaValid, true, JSON.stringify(metaErrors));
});

test('the schema compiles without strict mode, and with it once our annotation keywords are known', () => {
  const { compileError, strictError } = childReport();
  assert.equal(compileError, null);
  assert.equal(strictError, null, 'strict mode catches misspelt keywords');
});

test('every example and default is accepted by its own schema', () => {
  assert.deepEqual(childReport().badExamples, []);
});

test('every field has a description and a richer markdownDescription', () => {
  const missing: string[] = [];
  let counted = 0;
  for (const { pointer, node } of fields()) {
    if (!('type' in node || '$ref' in node || 'properties' in node || 'if' in node)) continue;
    counted++;
    if (typeof node['description'] !== 'string' || node['description'] === '') missing.push(`${pointer}: description`);
    if (typeof node['markdownDescription'] !== 'string' || node['markdownDescription'] === '') {
      missing.push(`${pointer}: markdownDescription`);
    }
  }
  assert.deepEqual(missing, []);
  assert.ok(counted > 80, `walked only ${counted} fields`);
});

test('every enum has one plain and one markdown description per value, and a valid default', () => {
  let enums = 0;
  for (const { pointer, node } of fields()) {
    const values = node['enum'];
    if (!Array.isArray(values)) continue;
    enums++;
    for (const key of ['enumDescriptions', 'markdownEnumDescriptions']) {
      const descriptions = node[key];
      assert.ok(Array.isArray(descriptions), `${pointer}: ${key}`);
      assert.equal(descriptions.length, values.length, `${pointer}: ${key} length`);
      for (const d of descriptions) assert.ok(typeof d === 'string' && d.length > 0, `${pointer}: ${key} entry`);
    }
    if ('default' in node) assert.ok(values.includes(node['default']), `${pointer}: default`);
  }
  assert.equal(enums, 9, 'companySize, deploymentSize, delivery, scope, complexity, phase, department, affiliation, function');
});

test('every mapping is closed: additionalProperties is false or a schema', () => {
  const open: string[] = [];
  const visit = (node: Node, pointer: string): void => {
    if ('properties' in node && node['additionalProperties'] !== false) open.push(pointer);
    for (const [key, value] of Object.entries(node)) {
      if (key === 'examples' || key === 'default') continue;
      if (isRecord(value)) visit(value, `${pointer}/${key}`);
    }
  };
  visit(schema, '#');
  // `people` is open by design: its keys are person ids, checked by propertyNames.
  assert.deepEqual(open, []);
  const people = (schema['properties'] as Node)['people'] as Node;
  assert.ok(isRecord(people['propertyNames']));
  assert.ok(isRecord(people['additionalProperties']));
});

test('the defaults follow docs/format.md', () => {
  const project = ((schema['properties'] as Node)['project'] as Node)['properties'] as Node;
  const expected: Record<string, unknown> = {
    companySize: 'medium', delivery: 'integrator', scope: 'departmental', complexity: 'standard',
    customerFacing: false, integrations: [], phase: 'selection',
  };
  for (const [key, value] of Object.entries(expected)) {
    assert.deepEqual((project[key] as Node)['default'], value, key);
  }
  const person = ((schema['definitions'] as Node)['person'] as Node)['properties'] as Node;
  assert.equal((person['department'] as Node)['default'], 'other');
  assert.equal((person['affiliation'] as Node)['default'], 'internal');
  const activities = ((schema['properties'] as Node)['activities'] as Node)['properties'] as Node;
  assert.deepEqual(Object.keys(activities), [
    'requirements', 'toolSelection', 'integratorSelection', 'referenceChecks', 'installation', 'customization',
    'integration', 'environments', 'testing', 'dataMigration', 'training', 'dataQuality', 'rolloutSupport',
    'ongoingSupport', 'vision',
  ]);
});
