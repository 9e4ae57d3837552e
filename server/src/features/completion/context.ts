// Where the cursor is, for completion: typing a key of some mapping, a value of some key, an item of some list, or
// the first word of an empty file. Read from the cursor line's text (flow collections included) and, for the lines
// above, from the model with indentation as the fallback (see lines.ts).

import { isMap, isScalar } from 'yaml';
import type { OffsetRange } from '../../core/finding';
import type { Path, PathSegment, YamlModel } from '../../model/yamlModel';
import { Lines } from './lines';

export interface Word extends OffsetRange {
  readonly text: string;
}

interface Common {
  /** The text to replace: the partial word around the cursor. */
  readonly word: Word;
  /** Inside `{ }` or `[ ]` on the cursor line: insert nothing that spans lines. */
  readonly flow: boolean;
  /** Text to put before the insertion: a space when the word directly follows `key:` or `-`. */
  readonly lead: string;
}

export interface KeyContext extends Common {
  readonly kind: 'key';
  /** The mapping the new key goes into. */
  readonly parent: Path;
  /** Keys the mapping already has. */
  readonly present: ReadonlySet<string>;
  /** A `:` already follows the word: insert the key name only. */
  readonly colonFollows: boolean;
  /** Column where the key starts: continuation lines of an inserted block are indented from here. */
  readonly column: number;
  /** The file holds nothing but comments and this word. */
  readonly emptyFile: boolean;
}

export interface ValueContext extends Common {
  readonly kind: 'value';
  /** The key whose value is being typed. */
  readonly path: Path;
}

export interface ItemContext extends Common {
  readonly kind: 'item';
  /** The list the new item goes into. */
  readonly list: Path;
  /** Plain items already written in the list on the cursor line (block items come from the plan). */
  readonly present: ReadonlySet<string>;
}

export type CursorContext = KeyContext | ValueContext | ItemContext;

const WORD_CHAR = /[A-Za-z0-9._-]/;

function wordAround(text: string, offset: number, floor: number): Word {
  let start = offset;
  while (start > floor && WORD_CHAR.test(text[start - 1]!)) start--;
  let end = offset;
  while (end < text.length && WORD_CHAR.test(text[end]!)) end++;
  return { start, end, text: text.slice(start, end) };
}

/** True when the text before the cursor on its line ends inside a comment. */
function inComment(before: string): boolean {
  let quote: string | undefined;
  for (let i = 0; i < before.length; i++) {
    const c = before[i]!;
    if (quote) {
      if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") {
      if (i === 0 || /[\s[{,:]/.test(before[i - 1]!)) quote = c;
    } else if (c === '#' && (i === 0 || /\s/.test(before[i - 1]!))) {
      return true;
    }
  }
  return false;
}

function onlyComments(lines: Lines, except: number): boolean {
  for (let i = 0; i < lines.count; i++) if (i !== except && !lines.shape(i).blank) return false;
  return true;
}

interface Frame {
  readonly kind: 'map' | 'seq';
  readonly path: PathSegment[];
  key?: string;
  afterColon: boolean;
  index: number;
  readonly entries: string[];
}

type FlowResult = { kind: 'key'; parent: Path; present: string[] } | { kind: 'value'; path: Path } | { kind: 'item'; list: Path; present: string[] };

/** Reads a flow collection from its start to the cursor: the innermost `{ }` or `[ ]` open at the cursor. */
function flowAt(text: string, keyPath: Path): FlowResult | undefined {
  const frames: Frame[] = [];
  let token = '';
  const finish = (top: Frame | undefined) => {
    const value = token.trim();
    token = '';
    if (!top || value === '') return;
    if (top.kind === 'seq') top.entries.push(value);
    else if (!top.afterColon) top.entries.push(value);
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    const top = frames[frames.length - 1];
    if ((c === '"' || c === "'") && token.trim() === '') {
      const close = text.indexOf(c, i + 1);
      if (close < 0) return undefined;
      token = text.slice(i + 1, close);
      i = close;
    } else if (c === '{' || c === '[') {
      const path = !top ? [...keyPath] : top.kind === 'map' ? [...top.path, top.key ?? ''] : [...top.path, top.index];
      frames.push({ kind: c === '{' ? 'map' : 'seq', path, afterColon: false, index: 0, entries: [] });
      token = '';
    } else if (c === '}' || c === ']') {
      finish(top);
      frames.pop();
    } else if (c === ',' && top) {
      finish(top);
      top.index++;
      top.key = undefined;
      top.afterColon = false;
    } else if (c === ':' && top?.kind === 'map' && !top.afterColon && (i + 1 === text.length || /\s/.test(text[i + 1]!))) {
      top.key = token.trim();
      top.entries.push(top.key);
      top.afterColon = true;
      token = '';
    } else if (c === '#' && /\s/.test(text[i - 1] ?? ' ')) {
      return undefined;
    } else {
      token += c;
    }
  }
  const top = frames[frames.length - 1];
  if (!top) return undefined;
  if (top.kind === 'seq') return { kind: 'item', list: top.path, present: top.entries };
  if (top.afterColon && top.key !== undefined) return { kind: 'value', path: [...top.path, top.key] };
  return { kind: 'key', parent: top.path, present: top.entries };
}

/** Keys of the mapping at `path` in the model, leaving out any key on the cursor line (the one being typed). */
function modelKeys(model: YamlModel, path: Path, line: OffsetRange): string[] {
  const node = model.nodeAt(path);
  if (!isMap(node)) return [];
  return node.items.flatMap((pair) => {
    const key = pair.key;
    if (!isScalar(key) || key.value === null) return [];
    const start = key.range?.[0] ?? -1;
    return start >= line.start && start <= line.end ? [] : [String(key.value)];
  });
}

export function cursorContext(model: YamlModel, offset: number): CursorContext | undefined {
  const text = model.text;
  const lines = Lines.of(model);
  const lineNo = lines.lineOf(offset);
  const lineText = lines.textOf(lineNo);
  const lineStart = lines.lineStart(lineNo);
  const col = offset - lineStart;
  const before = lineText.slice(0, col);
  if (col > lineText.length || inComment(before)) return undefined;
  const lineRange = { start: lineStart, end: lineStart + lineText.length };
  const shape = lines.shape(lineNo);
  if (col < shape.contentCol && lineText.trim() !== '') return undefined;
  const word = wordAround(text, offset, lineStart + Math.min(shape.contentCol, col));
  // The word cannot start with `-` (the floor is the content column), so a `-` before it is the item marker.
  const lead = word.start > lineStart && /[:-]/.test(text[word.start - 1]!) ? ' ' : '';

  if (shape.key !== undefined && shape.afterColon !== undefined && col >= shape.afterColon) {
    const keyPath = lines.keyPath(lineNo);
    const valueText = before.slice(shape.afterColon);
    if (/^\s*[[{]/.test(valueText)) {
      const flow = flowAt(valueText, keyPath);
      if (!flow) return undefined;
      if (flow.kind === 'key') {
        const present = new Set([...flow.present, ...modelKeys(model, flow.parent, lineRange)]);
        const colonFollows = /^\s*:/.test(text.slice(word.end, lineRange.end));
        return { kind: 'key', parent: flow.parent, present, colonFollows, column: word.start - lineStart, emptyFile: false, word, flow: true, lead };
      }
      if (flow.kind === 'value') return { kind: 'value', path: flow.path, word, flow: true, lead };
      return { kind: 'item', list: flow.list, present: new Set(flow.present), word, flow: true, lead };
    }
    // A word in the middle of other text (`name: Acme Co$0`) is not something to complete.
    const valueStart = lineStart + shape.afterColon + (valueText.length - valueText.trimStart().length);
    if (valueText.trim() !== '' && word.start !== valueStart) return undefined;
    return { kind: 'value', path: keyPath, word, flow: false, lead };
  }
  if (before.slice(shape.contentCol).trim() !== '' && word.start !== lineStart + shape.contentCol) return undefined;

  if (shape.dashes.length > 0 && col >= shape.contentCol) {
    const item = lines.itemPath(lineNo, shape.dashes[shape.dashes.length - 1]!);
    return { kind: 'item', list: item.slice(0, -1), present: new Set(), word, flow: false, lead };
  }
  const column = Math.min(shape.contentCol, col);
  const parent = lines.mappingParent(lineNo, column);
  const present = new Set([...modelKeys(model, parent, lineRange), ...lines.siblingKeys(lineNo, column)]);
  return {
    kind: 'key',
    parent,
    present,
    colonFollows: /^\s*:/.test(text.slice(word.end, lineRange.end)),
    column,
    emptyFile: parent.length === 0 && onlyComments(lines, lineNo),
    word,
    flow: false,
    lead,
  };
}
