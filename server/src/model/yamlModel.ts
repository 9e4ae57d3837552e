// The parsed document shared by every feature: the `yaml` AST of the first document, its syntax problems,
// its plain value, and path/offset queries. Parsing never throws; the model is never mutated after creation.

import {
  Composer, isAlias, isMap, isScalar, isSeq, Parser,
  type CST, type Document, type Node, type Pair, type YAMLMap,
} from 'yaml';
import type { OffsetRange } from '../core/finding';
import { LineIndex, type LinePosition } from '../core/lines';
import { explainParserErrors, leavesDocumentWhole, type ParserError } from './yamlErrors';

export type PathSegment = string | number;
export type Path = readonly PathSegment[];

/** A syntax problem, one per mistake (see yamlErrors.ts): becomes a `yaml-syntax` finding. */
export interface YamlProblem {
  readonly code: string;
  readonly message: string;
  readonly range: OffsetRange;
}

/** Where an offset falls: the path of the innermost node, and whether on its key or its value. */
export interface Location {
  readonly path: PathSegment[];
  readonly on: 'key' | 'value' | 'none';
  /** The innermost pair around the offset, when there is one. */
  readonly pair?: Pair<unknown, unknown>;
  readonly node?: Node;
}

/**
 * Alias expansions allowed when building the plain value. The `yaml` default of 100 rejects real files with
 * many merge keys; a billion-laughs bomb needs millions, so this still stops one in milliseconds.
 */
const MAX_ALIAS_COUNT = 10_000;

/**
 * The deepest nesting of collections the model will compose. `yaml`'s composer recurses once per level and runs out
 * of stack somewhere near 800 levels; worse, near the stack's end V8 may compile a regular expression and abort the
 * whole process ("RegExpCompiler Allocation failed"), which no `catch` can stop. A plan needs about 6 levels.
 */
export const MAX_NESTING = 100;

export class YamlModel {
  readonly doc: Document.Parsed | undefined;
  readonly problems: YamlProblem[] = [];
  /** The plain JavaScript value of the first document; `undefined` when it could not be built safely. */
  readonly value: unknown;
  private lineIndex: LineIndex | undefined;
  /**
   * Where the first mistake that breaks the document starts (anything but a duplicate key or a second document), or
   * `undefined` when the document is whole. Past it, what the model holds may not be what the author wrote: the
   * engine runs no rule but `yaml-syntax` and `schema`, and `schema` reports nothing from here on.
   */
  readonly brokenAt: number | undefined;

  constructor(readonly text: string) {
    let docs: Document.Parsed[] = [];
    try {
      const parsed = parseDocuments(text);
      docs = parsed.docs;
      this.problems.push(...parsed.mistakes);
      if (parsed.tooDeep !== undefined) {
        const at = Math.max(0, Math.min(parsed.tooDeep, text.length));
        this.problems.push({
          code: 'PARSE_FAILED',
          message: `Lists and mappings are nested more than ${MAX_NESTING} levels deep here, which no team plan needs; the file was not read further. Look for brackets that are opened and never closed.`,
          range: { start: at, end: Math.min(text.length, at + 1) },
        });
      }
    } catch (error) {
      this.problems.push({ code: 'PARSE_FAILED', message: `The file could not be read as YAML: ${describe(error)}.`, range: { start: 0, end: 0 } });
    }
    this.doc = docs[0];
    const extra = docs[1];
    if (extra) {
      const start = extra.range[0];
      const more = docs.length - 2;
      this.problems.push({
        code: 'MULTIPLE_DOCUMENTS',
        message: `A team plan holds one YAML document; this second document (after \`---\`)${more > 0 ? ` and the ${more === 1 ? 'one' : more} after it are` : ' is'} ignored. Move its content into the first document or into a file of its own.`,
        range: { start, end: Math.min(text.length, start + 3) },
      });
    }
    if (this.doc) this.checkDuplicateKeys(this.doc.contents);
    this.value = this.buildValue();
    const broken = this.problems.filter((p) => !leavesDocumentWhole(p.code)).map((p) => p.range.start);
    this.brokenAt = broken.length > 0 ? Math.min(...broken) : undefined;
    // A duplicate key past a mistake is most often the mistake's doing (a key read into the wrong mapping).
    const cutoff = this.brokenAt;
    if (cutoff !== undefined) {
      const kept = this.problems.filter((p) => p.code !== 'DUPLICATE_KEY' || p.range.start < cutoff);
      this.problems.length = 0;
      this.problems.push(...kept);
    }
    this.problems.sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end);
  }

  /** The root node of the first document, if any. */
  get root(): Node | null | undefined {
    return this.doc?.contents as Node | null | undefined;
  }

  /** The node at `path`, following aliases; with duplicate keys the last one wins, as in the plain value. */
  nodeAt(path: Path): Node | undefined {
    let node: Node | undefined = this.resolve(this.root ?? undefined);
    for (const segment of path) {
      if (!node) return undefined;
      if (isMap(node)) {
        node = this.resolve(lastPair(node, segment)?.value as Node | undefined);
      } else if (isSeq(node) && typeof segment === 'number') {
        node = this.resolve(node.items[segment] as Node | undefined);
      } else {
        return undefined;
      }
    }
    return node;
  }

  /** The pair whose key is the last segment of `path` (for mapping paths only). */
  pairAt(path: Path): Pair<unknown, unknown> | undefined {
    if (path.length === 0) return undefined;
    const parent = this.nodeAt(path.slice(0, -1));
    if (!isMap(parent)) return undefined;
    return lastPair(parent, path[path.length - 1]!);
  }

  /** The range of the key at `path`; for a sequence item, the item itself. */
  keyRange(path: Path): OffsetRange | undefined {
    const pair = this.pairAt(path);
    if (pair) return rangeOf(pair.key) ?? rangeOf(pair.value);
    return path.length > 0 && typeof path[path.length - 1] === 'number' ? rangeOf(this.nodeAt(path)) : undefined;
  }

  /** The range of the value at `path` (without trailing comments). */
  valueRange(path: Path): OffsetRange | undefined {
    const pair = this.pairAt(path);
    if (pair) return rangeOf(pair.value) ?? rangeOf(pair.key);
    return rangeOf(this.nodeAt(path));
  }

  /** The first key of the document (the `crmteam` key in a well-formed plan): the last resort for placement. */
  firstKeyRange(): OffsetRange {
    const root = this.root;
    if (isMap(root)) {
      const crmteam = lastPair(root, 'crmteam');
      const range = rangeOf(crmteam?.key) ?? rangeOf(root.items[0]?.key);
      if (range) return range;
    }
    const start = firstContentOffset(this.text);
    return { start, end: start };
  }

  /** The innermost node around `offset` and its path. */
  locate(offset: number): Location {
    const path: PathSegment[] = [];
    let node: Node | undefined = this.root ?? undefined;
    let on: Location['on'] = 'none';
    let pair: Pair<unknown, unknown> | undefined;
    // Aliases are not followed here: the cursor is on the alias itself, not on its anchor.
    for (let depth = 0; node && depth < 1000; depth++) {
      if (isMap(node)) {
        const hit = node.items.find((p) => containsPair(p, offset));
        if (!hit) break;
        pair = hit;
        path.push(keyName(hit.key));
        const key = hit.key as Node | null;
        if (key && isNode(key) && key.range && offset >= key.range[0] && offset <= key.range[1]) {
          on = 'key';
          return { path, on, pair: hit, node: key };
        }
        on = 'value';
        node = isNode(hit.value) ? hit.value : undefined;
        if (!node) return { path, on, pair: hit };
      } else if (isSeq(node)) {
        const index = node.items.findIndex((item) => isNode(item) && item.range && offset >= item.range[0] && offset <= item.range[1]);
        if (index < 0) break;
        path.push(index);
        on = 'value';
        node = node.items[index] as Node;
      } else {
        break;
      }
    }
    return { path, on, ...(pair ? { pair } : {}), ...(node ? { node } : {}) };
  }

  /** Follows an alias to its anchored node; other nodes are returned as they are. */
  resolve(node: Node | undefined | null): Node | undefined {
    if (!node) return undefined;
    if (isAlias(node)) {
      try {
        return (this.doc ? (node.resolve(this.doc) as Node | undefined) : undefined) ?? undefined;
      } catch {
        return undefined;
      }
    }
    return node;
  }

  /** The line index of the text, built on first use. */
  get lines(): LineIndex {
    return (this.lineIndex ??= new LineIndex(this.text));
  }

  /** 0-based line and character of an offset (see `LineIndex`). */
  linePos(offset: number): LinePosition {
    return this.lines.position(offset);
  }

  private buildValue(): unknown {
    if (!this.doc) return undefined;
    try {
      return this.doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (error) {
      const message = describe(error);
      // `yaml` says "Excessive alias count indicates a resource exhaustion attack" for a bomb, and "Unresolved
      // alias" for an alias used before its anchor is set.
      const bomb = /excessive alias/i.test(message);
      const unresolved = bomb ? undefined : /unresolved alias.*: (\S+)$/i.exec(message)?.[1];
      this.problems.push({
        code: bomb ? 'ALIAS_LIMIT' : 'VALUE_FAILED',
        message: bomb
          ? 'Aliases in this file expand to too many nodes (an "alias bomb"); the plan was not checked against the schema. Replace the aliases with plain values.'
          : unresolved !== undefined
            ? `The alias \`*${unresolved}\` refers to no anchor \`&${unresolved}\` set before it; the plan was not checked against the schema. Set the anchor before the alias, or write the value out.`
            : `The file's values could not be read: ${message}.`,
        range: this.firstAliasRange(unresolved) ?? this.firstKeyRange(),
      });
      return undefined;
    }
  }

  /** The first alias in the text (`*name`), or the first use of `name` when given. */
  private firstAliasRange(name?: string): OffsetRange | undefined {
    const wanted = name === undefined ? '[^\\s,\\]}]+' : `${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![^\\s,\\]}])`;
    const match = new RegExp(`(^|[\\s\\[{,:-])\\*${wanted}`, 'm').exec(this.text);
    if (!match) return undefined;
    const start = match.index + match[1]!.length;
    return { start, end: start + match[0].length - match[1]!.length };
  }

  private checkDuplicateKeys(root: unknown): void {
    // An explicit stack rather than recursion: deeply nested input must not overflow the call stack.
    const stack: unknown[] = [root];
    while (stack.length > 0) {
      const node = stack.pop();
      if (isMap(node)) {
        const seen = new Set<string>();
        for (const pair of node.items) {
          const key = pair.key;
          if (isScalar(key) && key.value !== null && typeof key.value !== 'object') {
            const name = String(key.value);
            if (seen.has(name) && key.range) {
              this.problems.push({
                code: 'DUPLICATE_KEY',
                message: `The key \`${name}\` appears more than once in this mapping; only its last value counts. Remove or rename one of them.`,
                range: { start: key.range[0], end: key.range[1] },
              });
            }
            seen.add(name);
          }
          stack.push(pair.value);
        }
      } else if (isSeq(node)) {
        for (const item of node.items) stack.push(item);
      }
    }
  }
}

export function keyName(key: unknown): string {
  if (isScalar(key)) return String(key.value);
  if (key === null || key === undefined) return '';
  return String(key);
}

/** The last pair with this key: duplicate keys resolve to their last value, as `toJS` does. */
export function lastPair(map: YAMLMap<unknown, unknown>, key: PathSegment): Pair<unknown, unknown> | undefined {
  const wanted = String(key);
  for (let i = map.items.length - 1; i >= 0; i--) {
    const pair = map.items[i]!;
    if (keyName(pair.key) === wanted) return pair;
  }
  return undefined;
}

export function isNode(value: unknown): value is Node {
  return isScalar(value) || isMap(value) || isSeq(value) || isAlias(value);
}

/**
 * `end` moved back over trailing white space, not before `start`: block collections' ranges end after their final
 * newline, which is not content.
 */
export function contentEnd(text: string, start: number, end: number): number {
  let at = Math.min(end, text.length);
  while (at > start && /\s/.test(text[at - 1]!)) at--;
  return at;
}

/** `[start, valueEnd)` of a node: the part a squiggle should cover. */
export function rangeOf(node: unknown): OffsetRange | undefined {
  if (!isNode(node) || !node.range) return undefined;
  return { start: node.range[0], end: node.range[1] };
}

function containsPair(pair: Pair<unknown, unknown>, offset: number): boolean {
  const key = isNode(pair.key) ? pair.key : undefined;
  const value = isNode(pair.value) ? pair.value : undefined;
  const start = key?.range?.[0] ?? value?.range?.[0];
  const end = value?.range?.[1] ?? key?.range?.[1];
  if (start === undefined || end === undefined) return false;
  // A pair with an empty value (`owner:`) extends to the end of its key's line, where the value would be typed.
  return offset >= start && offset <= Math.max(end, (key?.range?.[1] ?? end) + (value ? 0 : 1));
}

/**
 * What `parseAllDocuments` does, in two steps: the syntax tree (built without recursion) is measured before the
 * composer, which recurses once per level, turns it into nodes (see MAX_NESTING). A function of its own so that the
 * syntax tree can be collected as soon as the documents are composed, before the plain value is built.
 * Duplicate keys are checked by the model with a Set per mapping: `yaml`'s own check grows faster than linearly.
 * `logLevel: 'error'`: the engine does no IO, and `yaml` would otherwise print warnings (a collection used as a key,
 * say) to the process's stderr.
 */
function parseDocuments(text: string): { docs: Document.Parsed[]; mistakes: YamlProblem[]; tooDeep?: number } {
  const tokens = Array.from(new Parser().parse(text));
  const tooDeep = deepestOffset(tokens, MAX_NESTING);
  if (tooDeep !== undefined) return { docs: [], mistakes: [], tooDeep };
  const docs = Array.from(new Composer({ uniqueKeys: false, logLevel: 'error' }).compose(tokens)) as Document.Parsed[];
  const mistakes: YamlProblem[] = [];
  const errors: ParserError[] = [];
  for (const doc of docs) {
    for (const e of doc.errors) {
      // `yaml` catches its own stack overflow on very deep nesting and reports it in the engine's words.
      if (/call stack/i.test(e.message)) mistakes.push(tooDeepProblem(e.pos, text.length));
      else errors.push({ code: e.code, message: e.message, pos: e.pos });
    }
  }
  // Explained here, while the syntax tree is at hand: the mistakes are placed at the quotes and brackets it records.
  if (errors.length > 0) mistakes.push(...explainParserErrors(text, tokens, errors));
  return { docs, mistakes };
}

/**
 * The offset of the first collection nested deeper than `limit` in the syntax tree, or `undefined`: an explicit stack,
 * so measuring cannot overflow what it measures.
 */
function deepestOffset(tokens: readonly CST.Token[], limit: number): number | undefined {
  const stack: [CST.Token | null | undefined, number][] = tokens.map((t) => [t, 0]);
  while (stack.length > 0) {
    const [token, depth] = stack.pop()!;
    if (!token) continue;
    switch (token.type) {
      case 'document':
        stack.push([token.value, 0]);
        break;
      case 'block-map':
      case 'block-seq':
      case 'flow-collection':
        if (depth >= limit) return token.offset;
        for (const item of token.items) {
          if ('key' in item) stack.push([item.key, depth + 1]);
          stack.push([item.value, depth + 1]);
        }
        break;
      default:
        break;
    }
  }
  return undefined;
}

function tooDeepProblem(pos: readonly [number, number], length: number): YamlProblem {
  const start = Math.max(0, Math.min(pos[0], length));
  const end = Math.max(start, Math.min(pos[1], length));
  return { code: 'TOO_DEEP', message: 'Lists and mappings are nested too deeply here to be read (hundreds of levels). No team plan needs that: look for brackets that are opened and never closed.', range: { start, end } };
}

function firstContentOffset(text: string): number {
  const match = /^[ \t]*[^\s#]/m.exec(text);
  // Only comments (or nothing): the plan's content is missing after them, at the end.
  if (!match) return text.length;
  return match.index + match[0].length - 1;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
