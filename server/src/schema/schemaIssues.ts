// Turns ajv's validation errors into plain-language schema issues (one per mistake).
//
// The generated validator is compiled without `verbose`, and for shared definitions ajv reports a
// `schemaPath` relative to the definition, so this module never trusts `schemaPath` to locate the
// schema: it walks `schemas/crmteam.schema.json` along the error's data path instead (lookup.ts).

import type { ErrorObject } from 'ajv';
import { hasOwn, isRecord, own } from '../core/own';
import { closest } from '../core/suggest';
import { allowedKeysOf, locate, withRoot, type DataPath, type Located, type SchemaNode } from './lookup';

export type { DataPath } from './lookup';

export interface SchemaIssue {
  /** Data path of the node to highlight (property names and sequence indices). */
  path: (string | number)[];
  /** `key`: highlight the key of the pair at `path` (for `[]`, the consumer uses the document's first key); `value`: its value. */
  target: 'key' | 'value';
  message: string;
  /** Allowed keys or enum values close to the wrong one, best first; empty when there is nothing to offer. */
  replacements: string[];
  /** A required key is missing (such a finding says nothing while a YAML mistake may hide the key). */
  missingKey?: true;
}

function valueAt(data: unknown, path: DataPath): unknown {
  let current = data;
  for (const segment of path) {
    if (typeof segment === 'number') {
      current = Array.isArray(current) ? current[segment] : own(current, String(segment));
    } else {
      current = own(current, segment);
    }
  }
  return current;
}

/** Splits a JSON Pointer (`/roles/superUsers/0`) into segments; indices into lists become numbers. */
function parsePointer(pointer: string, data: unknown): (string | number)[] {
  if (pointer === '') return [];
  const path: (string | number)[] = [];
  let current = data;
  for (const raw of pointer.slice(1).split('/')) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(current) && /^(0|[1-9][0-9]*)$/.test(segment)) {
      const index = Number(segment);
      path.push(index);
      current = current[index];
    } else {
      path.push(segment);
      current = own(current, segment);
    }
  }
  return path;
}


// ---------------------------------------------------------------------------------------------
// Words.

function code(value: string): string {
  const shown = value.length > 60 ? `${value.slice(0, 57)}…` : value;
  return '`' + shown.replace(/`/g, "'").replace(/\r?\n/g, ' ') + '`';
}

function listOf(values: readonly string[], conjunction: 'or' | 'and'): string {
  const quoted = values.map(code);
  if (quoted.length <= 1) return quoted.join('');
  return `${quoted.slice(0, -1).join(', ')} ${conjunction} ${quoted[quoted.length - 1]}`;
}

function capitalize(text: string): string {
  return text.length > 0 ? text[0]!.toUpperCase() + text.slice(1) : text;
}

/** Names a place in the file: `roles.itOwner`, item 2 of `roles.superUsers`, `person` in item 1 of `roles.businessOwners`. */
function placeName(path: DataPath): string {
  if (path.length === 0) return 'the file';
  let lastIndex = -1;
  for (let i = path.length - 1; i >= 0; i--) {
    if (typeof path[i] === 'number') {
      lastIndex = i;
      break;
    }
  }
  if (lastIndex === -1) return code(path.join('.'));
  const tail = path.slice(lastIndex + 1).join('.');
  const item = `item ${(path[lastIndex] as number) + 1} of ${placeName(path.slice(0, lastIndex))}`;
  return tail === '' ? item : `${code(tail)} in ${item}`;
}

/** The key a value belongs to, for messages shown right at that value (`companySize`), else the full place. */
function keyName(path: DataPath): string {
  const last = path[path.length - 1];
  return typeof last === 'string' ? code(last) : placeName(path);
}

function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return value === '' ? 'empty text' : `the text ${code(value)}`;
  if (typeof value === 'number') return `the number ${code(String(value))}`;
  if (typeof value === 'boolean') return code(String(value));
  return `a value of type ${typeof value}`;
}

function showValue(value: unknown): string {
  if (typeof value === 'string') return code(value);
  if (typeof value === 'number' || typeof value === 'boolean') return code(String(value));
  return describeValue(value);
}

const TYPE_WORDS: ReadonlyMap<string, string> = new Map([
  ['object', 'a mapping'],
  ['array', 'a list'],
  ['string', 'text'],
  ['integer', 'a whole number'],
  ['number', 'a number'],
  ['boolean', '`true` or `false`'],
  ['null', 'nothing'],
]);

/** What a place should hold, in the words of the format rather than of JSON Schema. */
function expectedAt(located: Located | undefined, ajvType: unknown): string {
  const refs = located?.refs ?? [];
  const node = located?.node;
  if (node && isRecord(own(node, 'if'))) {
    return refs.includes('businessOwnerAssignment')
      ? 'a person id, or a mapping with `person` (and optionally `function`, `allocation`, `note`)'
      : 'a person id, or a mapping with `person` (and optionally `allocation`, `note`)';
  }
  if (refs.includes('personRef')) return 'a person id (a key under `people`)';
  if (refs.includes('personList')) return 'a list of person ids';
  if (refs.includes('assignmentList')) return 'a list of person ids or assignments';
  if (refs.includes('activity') || refs.includes('testingActivity')) return 'a mapping with an `owner`';
  if (refs.includes('person')) return 'a mapping describing the person, with at least a `name`';
  const types = Array.isArray(ajvType) ? ajvType : typeof ajvType === 'string' ? ajvType.split(',') : [];
  const words = types.map((t) => TYPE_WORDS.get(String(t)) ?? String(t));
  return words.length > 0 ? words.join(' or ') : 'something else';
}

const ALLOCATION_HELP = 'write a percentage from `0%` to `100%`';

function allocationMessage(value: unknown): string {
  let message = `Allocation ${showValue(value)} is not a share of working time: ${ALLOCATION_HELP}`;
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 100) {
    message += `, such as ${code(`${value}%`)}`;
  } else if (typeof value === 'number' && value > 0 && value <= 1) {
    message += `, such as ${code(`${Math.round(value * 100)}%`)}`;
  }
  return message + '.';
}

function didYouMean(suggestions: readonly string[]): string {
  return suggestions.length > 0 ? `Did you mean ${listOf(suggestions.slice(0, 3), 'or')}?` : '';
}

// ---------------------------------------------------------------------------------------------
// The mapping.

interface Candidate {
  path: (string | number)[];
  target: 'key' | 'value';
  keyword: string;
  message: string;
  replacements: string[];
  /** For `required`: the missing keys. */
  missing?: string[];
  /** For `additionalProperties`: the unknown key. */
  unknownKey?: string;
}

/** When several errors land on the same value, the most telling one wins (lower is better). */
const VALUE_PRIORITY: ReadonlyMap<string, number> = new Map([
  ['enum', 0],
  ['const', 1],
  ['pattern', 2],
  ['format', 3],
  ['minLength', 4],
  ['maxLength', 4],
  ['type', 5],
]);

function priorityOf(keyword: string): number {
  return VALUE_PRIORITY.get(keyword) ?? 9;
}

const PERSON_ID_RULE =
  'ids start with a lower-case letter and use only lower-case letters, digits, `.`, `_` and `-` (at most 64 characters)';

function candidateFor(error: ErrorObject, data: unknown): Candidate | undefined {
  const params = error.params as Record<string, unknown>;
  const path = parsePointer(error.instancePath, data);

  // A key under a mapping with `propertyNames` (a person id under `people`).
  const badName = typeof error.propertyName === 'string'
    ? error.propertyName
    : error.keyword === 'propertyNames' && typeof params['propertyName'] === 'string' ? params['propertyName'] : undefined;
  if (badName !== undefined) {
    const message = path.length === 1 && path[0] === 'people'
      ? `Person id ${code(badName)} is not valid: ${PERSON_ID_RULE}.`
      : `The key ${code(badName)} under ${placeName(path)} is not a valid name.`;
    return { path: [...path, badName], target: 'key', keyword: 'propertyNames', message, replacements: [] };
  }

  const value = valueAt(data, path);
  switch (error.keyword) {
    case 'if':
    case 'anyOf':
      // Wrappers around failing branches (`then`/`else`, alternatives); the branches' own errors
      // say what is wrong.
      return undefined;

    case 'oneOf':
      // Without passing branches this is a wrapper as above; with several, it is a real mistake.
      if (!Array.isArray(params['passingSchemas'])) return undefined;
      return { path, target: 'value', keyword: 'oneOf', message: `The value of ${placeName(path)} is ambiguous here.`, replacements: [] };

    case 'additionalProperties': {
      const key = String(params['additionalProperty']);
      const parent = valueAt(data, path);
      const located = locate(path);
      const allowed = located ? allowedKeysOf(located.node) : [];
      // A key that is already there would become a duplicate, so it is never offered.
      const near = closest(key, allowed);
      const replacements = near.filter((k) => !hasOwn(parent, k));
      const where = path.length === 0 ? 'at the top level' : `under ${placeName(path)}`;
      let message = `Unknown key ${code(key)} ${where}`;
      if (key === 'loadTesting' && path.length === 2 && path[0] === 'activities') {
        message += ': only `activities.testing` has a `loadTesting` person.';
      } else if (key === 'function' && located?.refs.includes('assignment')) {
        message += ': only business owners (`roles.businessOwners`) say which `function` they represent.';
      } else if (replacements.length > 0) {
        message += `; did you mean ${listOf(replacements.slice(0, 3), 'or')}?`;
      } else if (near.length > 0) {
        message += ` (${listOf(near.slice(0, 3), 'and')} ${near.length === 1 ? 'is' : 'are'} already there).`;
      } else if (allowed.length > 0) {
        message += `. The keys allowed here are ${listOf(allowed, 'and')}.`;
      } else {
        message += '.';
      }
      return { path: [...path, key], target: 'key', keyword: error.keyword, message, replacements, unknownKey: key };
    }

    case 'required': {
      const missing = String(params['missingProperty']);
      return { path, target: 'key', keyword: 'required', message: '', replacements: [], missing: [missing] };
    }

    case 'type': {
      const located = locate(path);
      if (located?.refs.includes('allocation')) {
        return { path, target: 'value', keyword: 'type', message: allocationMessage(value), replacements: [] };
      }
      const expected = expectedAt(located, params['type']);
      const message = path.length === 0
        ? `Expected the plan to be a mapping with keys such as \`crmteam\`, \`project\` and \`people\`, found ${describeValue(value)}.`
        : `Expected ${expected} for ${placeName(path)}, found ${describeValue(value)}.`;
      return { path, target: 'value', keyword: 'type', message, replacements: [] };
    }

    case 'enum': {
      const allowed = Array.isArray(params['allowedValues']) ? params['allowedValues'].map(String) : [];
      const replacements = typeof value === 'string' ? closest(value, allowed) : [];
      let message = `${keyName(path)} must be one of ${listOf(allowed, 'or')}; `;
      message += typeof value === 'string'
        ? `${code(value)} is not one of them.`
        : `found ${describeValue(value)}.`;
      const hint = didYouMean(replacements);
      if (hint) message += ` ${hint}`;
      return { path, target: 'value', keyword: 'enum', message, replacements };
    }

    case 'const': {
      const allowedValue = params['allowedValue'];
      const message = path.length === 1 && path[0] === 'crmteam'
        ? `\`crmteam\` must be the number \`1\`, the version of this format; found ${describeValue(value)}.`
        : `${keyName(path)} must be ${showValue(allowedValue)}; found ${describeValue(value)}.`;
      return { path, target: 'value', keyword: 'const', message, replacements: [] };
    }

    case 'pattern': {
      const located = locate(path);
      const message = located?.refs.includes('allocation')
        ? allocationMessage(value)
        : `${showValue(value)} does not have the form expected for ${keyName(path)}.`;
      return { path, target: 'value', keyword: 'pattern', message, replacements: [] };
    }

    case 'format': {
      const message = params['format'] === 'email'
        ? `${showValue(value)} is not an email address; write it like \`jdoe@example.com\`.`
        : `${showValue(value)} is not a valid ${String(params['format'])} for ${keyName(path)}.`;
      return { path, target: 'value', keyword: 'format', message, replacements: [] };
    }

    case 'minLength': {
      const located = locate(path);
      const isPerson = located !== undefined && (located.refs.includes('personRef') || isRecord(own(located.node, 'if')));
      let message: string;
      if (isPerson) {
        message = `${capitalize(placeName(path))} is empty: write the id of a person defined under \`people\`.`;
      } else if (typeof path[path.length - 1] === 'number') {
        message = `${capitalize(placeName(path))} is empty: write a value or remove the entry.`;
      } else {
        message = `${capitalize(keyName(path))} must not be empty.`;
      }
      return { path, target: 'value', keyword: 'minLength', message, replacements: [] };
    }

    case 'maxLength': {
      const message = `${capitalize(keyName(path))} is too long: at most ${String(params['limit'])} characters.`;
      return { path, target: 'value', keyword: 'maxLength', message, replacements: [] };
    }

    default: {
      const message = `The value of ${placeName(path)} is not allowed here.`;
      return { path, target: 'value', keyword: error.keyword, message, replacements: [] };
    }
  }
}

function requiredMessage(path: DataPath, missing: readonly string[]): string {
  const keys = missing.length === 1 ? `the required key ${code(missing[0]!)}` : `the required keys ${listOf(missing, 'and')}`;
  return `${capitalize(placeName(path))} is missing ${keys}.`;
}

function pathId(path: DataPath): string {
  return JSON.stringify(path);
}

function isStrictPrefix(prefix: DataPath, path: DataPath): boolean {
  if (prefix.length >= path.length) return false;
  return prefix.every((segment, i) => segment === path[i]);
}

/**
 * Maps ajv errors (from the generated validator, `allErrors: true`) for `data` to one issue per
 * mistake:
 * - errors on the same node are merged, keeping the most telling one (an enum or const error over
 *   a type error; all missing keys of one mapping in one message);
 * - `if` wrappers are dropped;
 * - once a value is reported as wrong as a whole, nothing inside it is reported, except that a
 *   type error gives way to errors inside the value (some alternative accepted its shape);
 * - an unknown key that looks like a missing required key (`ownr` for `owner`) is reported once,
 *   as the unknown key, with the suggestion.
 */
/** `root`: the schema the data was validated against (the plan's by default; the configuration's, the roster's). */
export function schemaIssues(errors: readonly ErrorObject[], data: unknown, root?: SchemaNode): SchemaIssue[] {
  return root === undefined ? issuesOf(errors, data) : withRoot(root, () => issuesOf(errors, data));
}

function issuesOf(errors: readonly ErrorObject[], data: unknown): SchemaIssue[] {
  const groups = new Map<string, Candidate>();
  for (const error of errors) {
    let candidate: Candidate | undefined;
    try {
      candidate = candidateFor(error, data);
    } catch {
      // A malformed error object must not cost the user the other findings.
      candidate = undefined;
    }
    if (!candidate) continue;
    const id = `${candidate.target}:${pathId(candidate.path)}`;
    const existing = groups.get(id);
    if (!existing) {
      groups.set(id, candidate);
    } else if (candidate.keyword === 'required' && existing.keyword === 'required') {
      for (const key of candidate.missing ?? []) {
        if (!existing.missing!.includes(key)) existing.missing!.push(key);
      }
    } else if (candidate.target === 'value' && priorityOf(candidate.keyword) < priorityOf(existing.keyword)) {
      // Replace in place, so the finding keeps the position in the list of the first error.
      Object.assign(existing, candidate);
    }
  }

  const candidates = [...groups.values()];

  // A misspelt required key: the unknown key's suggestion covers the missing one.
  for (const unknown of candidates) {
    if (unknown.unknownKey === undefined || unknown.replacements.length === 0) continue;
    const parent = pathId(unknown.path.slice(0, -1));
    const required = candidates.find((c) => c.keyword === 'required' && pathId(c.path) === parent);
    if (!required?.missing) continue;
    const covered = required.missing.filter((key) => unknown.replacements.includes(key));
    if (covered.length === 0) continue;
    required.missing = required.missing.filter((key) => !covered.includes(key));
    unknown.message += ` ${listOf(covered, 'and')} ${covered.length === 1 ? 'is' : 'are'} required.`;
  }

  // A type error next to errors inside the same value means some alternative of the schema did
  // accept that shape (a mapping whose keys are checked), so the inner errors are the specific
  // ones and the type error is noise. Any other value error says the value is wrong as a whole,
  // which hides whatever is wrong inside it.
  const hasInner = (outer: Candidate): boolean =>
    candidates.some((c) => c !== outer && c.keyword !== 'type' && isStrictPrefix(outer.path, c.path));
  const dropped = new Set(candidates.filter((c) => c.keyword === 'type' && c.target === 'value' && hasInner(c)));
  const wholeValues = candidates.filter((c) => c.target === 'value' && !dropped.has(c)).map((c) => c.path);

  const issues: SchemaIssue[] = [];
  for (const candidate of candidates) {
    if (candidate.keyword === 'required') {
      if (!candidate.missing || candidate.missing.length === 0) continue;
      candidate.message = requiredMessage(candidate.path, candidate.missing);
    }
    if (dropped.has(candidate) || wholeValues.some((prefix) => isStrictPrefix(prefix, candidate.path))) continue;
    issues.push({
      path: candidate.path,
      target: candidate.target,
      message: candidate.message,
      replacements: candidate.replacements,
      ...(candidate.keyword === 'required' ? { missingKey: true as const } : {}),
    });
  }
  return issues;
}
