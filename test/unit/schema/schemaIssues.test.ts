// schemaIssues: one finding per mistake, in plain words, at the right node; and schemaAtPath.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ErrorObject } from 'ajv';
import { parseDocument } from 'yaml';
import validate from '../../../server/src/schema/generated/validate.js';
import { allowedKeysAt, schemaAtPath } from '../../../server/src/schema/lookup';
import { schemaIssues, type SchemaIssue } from '../../../server/src/schema/schemaIssues';

function issuesOf(yaml: string): SchemaIssue[] {
  const data = parseDocument(yaml).toJS() as unknown;
  validate(data);
  return schemaIssues(validate.errors ?? [], data);
}

const HEAD = 'crmteam: 1\nproject: { name: Plan }\npeople:\n  jdoe: { name: John Doe }\n';

function error(keyword: string, instancePath: string, params: Record<string, unknown>, extra: Partial<ErrorObject> = {}): ErrorObject {
  return { keyword, instancePath, schemaPath: '#', params, ...extra } as ErrorObject;
}

test('a valid plan has no issues', () => {
  assert.deepEqual(issuesOf(HEAD), []);
  assert.deepEqual(schemaIssues([], {}), []);
});

test('a misspelt required key gives one finding at the key, with the suggestion', () => {
  const issues = issuesOf(`${HEAD}activities:\n  requirements: { ownr: jdoe }\n`);
  assert.deepEqual(issues, [{
    path: ['activities', 'requirements', 'ownr'],
    target: 'key',
    message: 'Unknown key `ownr` under `activities.requirements`; did you mean `owner`? `owner` is required.',
    replacements: ['owner'],
  }]);
});

test('an unknown key that is not a near miss leaves the missing required key reported', () => {
  const issues = issuesOf(`${HEAD}activities:\n  requirements: { lead: jdoe }\n`);
  assert.deepEqual(issues.map((i) => [i.path, i.target]), [
    [['activities', 'requirements'], 'key'],
    [['activities', 'requirements', 'lead'], 'key'],
  ]);
  assert.equal(issues[0]!.message, '`activities.requirements` is missing the required key `owner`.');
  assert.match(issues[1]!.message, /^Unknown key `lead` under `activities.requirements`\. The keys allowed here are `owner` and `participants`\.$/);
});

test('errors on the same value are merged into the most telling one', () => {
  const issues = issuesOf('crmteam: "1"\nproject: { name: Plan }\npeople: {}\n');
  assert.equal(issues.length, 1);
  assert.deepEqual(issues[0]!.path, ['crmteam']);
  assert.equal(issues[0]!.target, 'value');
  assert.match(issues[0]!.message, /must be the number `1`/);
});

test('if/then/else wrappers never surface', () => {
  const issues = issuesOf(`${HEAD}roles:\n  businessOwners:\n    - { person: jdoe, function: IT }\n    - [jdoe]\n`);
  assert.deepEqual(issues.map((i) => i.path), [['roles', 'businessOwners', 0, 'function'], ['roles', 'businessOwners', 1]]);
  for (const issue of issues) assert.doesNotMatch(issue.message, /then|else|schema|must match/);
  assert.match(issues[1]!.message, /^Expected a person id, or a mapping with `person` .* for item 2 of `roles.businessOwners`, found a list\.$/);
});

test('missing required keys of one mapping become one finding', () => {
  const issues = issuesOf('crmteam: 1\n');
  assert.deepEqual(issues, [{
    path: [],
    target: 'key',
    message: 'The file is missing the required keys `project` and `people`.',
    replacements: [],
    missingKey: true,
  }]);
});

test('an issue inside a value already reported as a whole is dropped', () => {
  const data = { project: { companySize: { a: 5 } } };
  const issues = schemaIssues([
    error('enum', '/project/companySize', { allowedValues: ['small', 'medium'] }),
    error('type', '/project/companySize/a', { type: 'string' }),
    error('additionalProperties', '/project/companySize', { additionalProperty: 'a' }),
  ], data);
  assert.deepEqual(issues.map((i) => [i.path, i.target]), [[['project', 'companySize'], 'value']]);
  assert.match(issues[0]!.message, /^`companySize` must be one of `small` or `medium`; found a mapping\.$/);
});

test('a type error gives way to the more specific errors inside the same mapping', () => {
  // As ajv reports an `anyOf` of "a person id" or "a mapping": the mapping branch got further.
  const data = { roles: { itOwner: { person: 'jdoe', allocation: '150%' } } };
  const issues = schemaIssues([
    error('type', '/roles/itOwner', { type: 'string' }),
    error('pattern', '/roles/itOwner/allocation', { pattern: '^(100|[1-9]?[0-9])%$' }),
    error('anyOf', '/roles/itOwner', {}),
  ], data);
  assert.deepEqual(issues.map((i) => [i.path, i.target]), [[['roles', 'itOwner', 'allocation'], 'value']]);
});

test('a bad person id is reported at its key, and its content is still checked', () => {
  const issues = issuesOf('crmteam: 1\nproject: { name: Plan }\npeople:\n  JDoe: { nam: John }\n');
  assert.deepEqual(issues.map((i) => [i.path, i.target]), [
    [['people', 'JDoe'], 'key'],
    [['people', 'JDoe', 'nam'], 'key'],
  ]);
  assert.equal(issues[0]!.message,
    'Person id `JDoe` is not valid: ids start with a lower-case letter and use only lower-case letters, digits, `.`, `_` and `-` (at most 64 characters).');
  assert.deepEqual(issues[0]!.replacements, []);
  assert.deepEqual(issues[1]!.replacements, ['name']);
});

test('ids that are JavaScript property names behave like any other id', () => {
  const yaml = 'crmteam: 1\nproject: { name: Plan }\npeople:\n  __proto__: { name: P }\n  constructor: { nmae: C }\n  tostring: { name: T, department: IT }\n';
  const data = parseDocument(yaml).toJS() as Record<string, Record<string, unknown>>;
  assert.ok(Object.prototype.hasOwnProperty.call(data['people'], '__proto__'), 'yaml makes __proto__ an own property');
  validate(data);
  const issues = schemaIssues(validate.errors ?? [], data);
  assert.deepEqual(issues.map((i) => [i.path, i.target, i.replacements]), [
    [['people', '__proto__'], 'key', []],
    [['people', 'constructor', 'nmae'], 'key', ['name']],
    [['people', 'tostring', 'department'], 'value', ['it']],
  ]);
  assert.equal(({} as Record<string, unknown>)['name'], undefined);
});

test('replacements: case-insensitive matches first, only within two edits, never a key already present', () => {
  assert.deepEqual(issuesOf(`${HEAD}roles:\n  ITOWNER: jdoe\n`)[0]!.replacements, ['itOwner']);
  assert.deepEqual(issuesOf(`${HEAD}roles:\n  itOwner: jdoe\n  itowner: jdoe\n`)[0]!.replacements, []);
  assert.deepEqual(issuesOf('crmteam: 1\nproject: { name: P, companySize: LARGE }\npeople: {}\n')[0]!.replacements, ['large']);
  assert.deepEqual(issuesOf('crmteam: 1\nproject: { name: P, companySize: smal }\npeople: {}\n')[0]!.replacements, ['small']);
  assert.deepEqual(issuesOf('crmteam: 1\nproject: { name: P, companySize: huge }\npeople: {}\n')[0]!.replacements, []);
  assert.deepEqual(issuesOf('crmteam: 1\nproject: { name: P, companySize: 3 }\npeople: {}\n')[0]!.replacements, []);
  const inHouse = issuesOf('crmteam: 1\nproject: { name: P, delivery: inhouse }\npeople: {}\n')[0]!;
  assert.deepEqual(inHouse.replacements, ['in-house']);
  assert.match(inHouse.message, /Did you mean `in-house`\?$/);
});

test('allocations are explained in terms of working time', () => {
  const [over] = issuesOf(`${HEAD}roles:\n  itOwner: { person: jdoe, allocation: 120% }\n`);
  assert.deepEqual(over, {
    path: ['roles', 'itOwner', 'allocation'],
    target: 'value',
    message: 'Allocation `120%` is not a share of working time: write a percentage from `0%` to `100%`.',
    replacements: [],
  });
  const [fraction] = issuesOf(`${HEAD}roles:\n  itOwner: { person: jdoe, allocation: 0.5 }\n`);
  assert.match(fraction!.message, /such as `50%`\.$/);
  const [padded] = issuesOf(`${HEAD}roles:\n  itOwner: { person: jdoe, allocation: 050% }\n`);
  assert.match(padded!.message, /^Allocation `050%` is not a share of working time/);
});

test('messages use the words of the format, not of JSON Schema', () => {
  const yaml = `${HEAD}roles:\n  itOwner:\n  superUsers: jdoe\n  technicalStaff: [jdoe]\nactivities:\n  testing: { owner: [jdoe] }\n`;
  const messages = issuesOf(yaml).map((i) => i.message);
  assert.deepEqual(messages, [
    'Expected a person id, or a mapping with `person` (and optionally `allocation`, `note`) for `roles.itOwner`, found nothing.',
    'Expected a list of person ids or assignments for `roles.superUsers`, found the text `jdoe`.',
    'Expected a mapping for `roles.technicalStaff`, found a list.',
    'Expected a person id (a key under `people`) for `activities.testing.owner`, found a list.',
  ]);
  for (const message of messages) assert.doesNotMatch(message, /must NOT|instance|schema|property|additional|string|object|array/i);
});

test('a malformed or unknown error never throws', () => {
  const issues = schemaIssues([
    error('uniqueItems', '/nowhere/0/deep', { i: 1, j: 0 }),
    error('type', '/a~1b/~0c', { type: 'string' }),
  ], { 'a/b': { '~c': 1 } });
  assert.equal(issues.length, 2);
  assert.deepEqual(issues[1]!.path, ['a/b', '~c']);
  assert.doesNotThrow(() => schemaIssues([error('required', '', {})], null));
});

test('schemaAtPath resolves references, keeping the description of the place of use', () => {
  const companySize = schemaAtPath(['project', 'companySize'])!;
  assert.deepEqual(companySize['enum'], ['small', 'medium', 'large', 'enterprise']);

  const itOwner = schemaAtPath(['roles', 'itOwner'])!;
  assert.match(String(itOwner['description']), /IT/);
  assert.ok('if' in itOwner && 'then' in itOwner && 'else' in itOwner);
  assert.equal(schemaAtPath(['roles', 'itOwner', 'person'])!['type'], 'string');
  assert.equal(schemaAtPath(['roles', 'itOwner', 'allocation'])!['pattern'], '^(100|[1-9]?[0-9])%$');

  assert.equal(schemaAtPath(['roles', 'businessOwners', 0, 'function'])!['enum'] instanceof Array, true);
  assert.equal(schemaAtPath(['roles', 'itOwner', 'function']), undefined);
  assert.equal(schemaAtPath(['people', 'constructor', 'name'])!['type'], 'string');
  assert.deepEqual(schemaAtPath(['people', '__proto__'])!['required'], ['name']);
  assert.ok(schemaAtPath(['activities', 'testing', 'loadTesting']));
  assert.equal(schemaAtPath(['activities', 'training', 'loadTesting']), undefined);
  assert.equal(schemaAtPath(['roles', 'toString']), undefined);
  assert.equal(schemaAtPath(['roles', '__proto__']), undefined);
  assert.equal(schemaAtPath(['nope']), undefined);
  assert.equal(schemaAtPath([])!['title'], 'CRM team plan (.crmteam.yaml), version 1');
  assert.equal(schemaAtPath(['roles', 'technicalStaff', 'webDesign', 3, 'note'])!['type'], 'string');
});

test('allowedKeysAt lists the keys of a mapping, including those of an assignment mapping', () => {
  assert.deepEqual(allowedKeysAt([]), ['crmteam', 'project', 'people', 'roles', 'partners', 'activities']);
  assert.deepEqual(allowedKeysAt(['roles', 'itOwner']), ['person', 'allocation', 'note']);
  assert.deepEqual(allowedKeysAt(['roles', 'businessOwners', 2]), ['person', 'function', 'allocation', 'note']);
  assert.deepEqual(allowedKeysAt(['activities', 'testing']), ['owner', 'participants', 'loadTesting']);
  assert.deepEqual(allowedKeysAt(['people']), []);
});
