// "Which part of the schema describes this place in the file?": walks `schemas/crmteam.schema.json` along a data path
// (property names and list indices), following `$ref`s, for hover, completion and the schema's error messages.

import schemaJson from '../../../schemas/crmteam.schema.json';
import { isRecord, own } from '../core/own';

export type DataPath = readonly (string | number)[];

export type SchemaNode = Readonly<Record<string, unknown>>;

const ROOT = schemaJson as unknown as SchemaNode;

/**
 * The schema the current question is about: the plan's, unless a caller passed another root (the configuration
 * file's, the roster's). Refs into `crmteam.schema.json` always reach the plan's.
 */
let activeRoot: SchemaNode = ROOT;

/** Runs `work` with `root` as the schema every lookup starts from. */
export function withRoot<T>(root: SchemaNode, work: () => T): T {
  const previous = activeRoot;
  activeRoot = root;
  try {
    return work();
  } finally {
    activeRoot = previous;
  }
}

function lookupPointer(ref: string): SchemaNode | undefined {
  const planRef = /^(?:\.\/)?crmteam\.schema\.json(#.*)$/.exec(ref);
  if (planRef) return pointerIn(ROOT, planRef[1]!);
  // A `#/definitions/...` reached through a ref into the plan schema belongs to the plan schema.
  return pointerIn(activeRoot, ref) ?? (activeRoot === ROOT ? undefined : pointerIn(ROOT, ref));
}

function pointerIn(base: SchemaNode, pointer: string): SchemaNode | undefined {
  if (!pointer.startsWith('#')) return undefined;
  if (pointer === '#') return base;
  let current: unknown = base;
  for (const raw of pointer.slice(2).split('/')) {
    current = own(current, raw.replace(/~1/g, '/').replace(/~0/g, '~'));
  }
  return isRecord(current) ? current : undefined;
}

/**
 * Follows `$ref`s. The annotations written beside a `$ref` (description, default, examples) say
 * what this particular place is for, so they win over the referenced definition's own.
 * Pushes the names of the definitions passed through onto `refs`.
 */
function resolve(node: SchemaNode, refs: string[]): SchemaNode {
  const layers: SchemaNode[] = [];
  let current = node;
  for (let guard = 0; typeof current['$ref'] === 'string' && guard < 32; guard++) {
    const ref = current['$ref'];
    const target = lookupPointer(ref);
    if (!target) break;
    layers.push(current);
    const name = /^#\/definitions\/([^/]+)$/.exec(ref)?.[1];
    if (name !== undefined) refs.push(name);
    current = target;
  }
  if (layers.length === 0) return current;
  let merged: Record<string, unknown> = { ...current };
  for (let i = layers.length - 1; i >= 0; i--) {
    const { $ref: _ignored, ...annotations } = layers[i]!;
    merged = { ...merged, ...annotations };
  }
  return merged;
}

/** The schemas that may describe the members of a mapping at `node`: itself and, for `if: {type: object}`, its `then`. */
function objectBranches(node: SchemaNode): SchemaNode[] {
  const branches = [node];
  const then = own(node, 'then');
  if (isRecord(then)) branches.push(resolve(then, []));
  return branches;
}

const patternCache = new Map<string, RegExp | null>();
function patternMatches(pattern: string, text: string): boolean {
  let regex = patternCache.get(pattern);
  if (regex === undefined) {
    try {
      regex = new RegExp(pattern, 'u');
    } catch {
      regex = null;
    }
    patternCache.set(pattern, regex);
  }
  return regex !== null && regex.test(text);
}

function childSchema(node: SchemaNode, segment: string | number, refs: string[]): SchemaNode | undefined {
  if (typeof segment === 'number') {
    const items = own(node, 'items');
    if (isRecord(items)) return resolve(items, refs);
    if (Array.isArray(items) && isRecord(items[segment])) return resolve(items[segment] as SchemaNode, refs);
    return undefined;
  }
  const branches = objectBranches(node);
  for (const branch of branches) {
    const properties = own(branch, 'properties');
    const sub = own(properties, segment);
    if (isRecord(sub)) return resolve(sub, refs);
  }
  for (const branch of branches) {
    const patternProperties = own(branch, 'patternProperties');
    if (!isRecord(patternProperties)) continue;
    for (const [pattern, sub] of Object.entries(patternProperties)) {
      if (isRecord(sub) && patternMatches(pattern, segment)) return resolve(sub, refs);
    }
  }
  for (const branch of branches) {
    const additional = own(branch, 'additionalProperties');
    if (isRecord(additional)) return resolve(additional, refs);
  }
  return undefined;
}

export interface Located {
  node: SchemaNode;
  /** Definitions passed through to reach the last step, e.g. `['assignment']`. */
  refs: string[];
}

export function locate(path: DataPath): Located | undefined {
  let node: SchemaNode = activeRoot;
  let refs: string[] = [];
  for (const segment of path) {
    refs = [];
    const next = childSchema(node, segment, refs);
    if (!next) return undefined;
    node = next;
  }
  return { node, refs };
}

/**
 * The schema that describes the node at `path` (property names and list indices), with `$ref`s
 * resolved and the annotations written at the place of use taking precedence. For an assignment
 * this is the whole `if`/`then`/`else` definition; its mapping keys are found by going one level
 * deeper (e.g. `['roles', 'itOwner', 'person']`). Undefined when the schema does not describe the
 * path (an unknown key).
 */
export function schemaAtPath(path: DataPath, root: SchemaNode = ROOT): SchemaNode | undefined {
  return withRoot(root, () => locate(path)?.node);
}

/** The keys a mapping at `path` may have, in schema order (empty when any key is allowed or the path is unknown). */
export function allowedKeysAt(path: DataPath, root: SchemaNode = ROOT): string[] {
  const node = schemaAtPath(path, root);
  return node ? allowedKeysOf(node) : [];
}

export function allowedKeysOf(node: SchemaNode): string[] {
  const keys: string[] = [];
  for (const branch of objectBranches(node)) {
    const properties = own(branch, 'properties');
    if (!isRecord(properties)) continue;
    for (const key of Object.keys(properties)) if (!keys.includes(key)) keys.push(key);
  }
  return keys;
}
