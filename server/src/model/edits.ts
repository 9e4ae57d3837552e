// Minimal, comment-preserving text edits on the original source, shared by every quick-fix:
// replace a scalar, insert a key into a block or flow mapping, append to a block or flow sequence.

import { isAlias, isMap, isScalar, isSeq, stringify, type Node, type YAMLMap, type YAMLSeq } from 'yaml';
import type { Edit, OffsetRange } from '../core/finding';
import { KEY_ORDER } from '../format/vocabulary';
import { contentEnd, keyName, type Path, type YamlModel } from './yamlModel';

/** A value to write: a scalar, a list of scalars (always written in flow style), or a mapping. */
export type NewValue = string | number | boolean | readonly (string | number)[] | { readonly [key: string]: NewValue };


/**
 * An edit that cannot be made here (for example a key to insert into something that is not a mapping). Builders
 * return it instead of guessing, and the engine drops every fix that contains it.
 */
export const IMPOSSIBLE_EDIT: Edit = Object.freeze({ start: -1, end: -1, text: '' });

export function isPossible(edit: Edit): boolean {
  return edit.start >= 0;
}

export function replace(range: OffsetRange, text: string): Edit {
  return { start: range.start, end: range.end, text };
}

/** Writes a scalar the way YAML needs it (`"true"` stays a string), keeping the original quote style. */
export function scalarText(value: string | number | boolean, original?: string): string {
  const quote = original?.[0];
  if (typeof value === 'string' && quote === '"') return JSON.stringify(value);
  if (typeof value === 'string' && quote === "'") return `'${value.replace(/'/g, "''")}'`;
  return stringify(value).trimEnd();
}

/** Replaces the scalar at `range` with `value`, in the quoting style the file already used there. */
export function replaceScalar(model: YamlModel, range: OffsetRange, value: string | number | boolean): Edit {
  return replace(range, scalarText(value, model.text.slice(range.start, range.end)));
}

/** The indentation step the file uses (the column of the first nested block key), 2 if it has none. */
export function indentUnit(model: YamlModel): number {
  const root = model.root;
  if (isMap(root)) {
    for (const pair of root.items) {
      const value = pair.value as Node | null;
      if (isMap(value) && !value.flow && value.items[0]) {
        const column = columnOf(model.text, (value.items[0].key as Node).range?.[0] ?? 0);
        if (column > 0) return column;
      }
    }
  }
  return 2;
}

/**
 * Inserts `key: value` into the mapping at `mapPath`, creating the mapping (and its parents) when missing.
 * New keys go after the existing siblings that precede them in `KEY_ORDER`.
 */
export function insertPair(model: YamlModel, mapPath: Path, key: string, value: NewValue, orderName?: string): Edit {
  const node = model.nodeAt(mapPath);
  const order = KEY_ORDER[orderName ?? mapPath.filter((s) => typeof s === 'string').join('.')] ?? [];
  if (throughAlias(model, mapPath)) return IMPOSSIBLE_EDIT;
  if (isMap(node) && (node.items.length > 0 || node.flow)) return insertIntoExistingMap(model, node, key, value, order);
  if (mapPath.length === 0) return model.root == null ? insertIntoEmptyDocument(model, key, value) : IMPOSSIBLE_EDIT;
  const pair = model.pairAt(mapPath);
  // Something other than a mapping is there (a list, a text): inserting a key would only make it worse.
  if (pair && node && !isMap(node) && !(isScalar(node) && (node.value === null || node.value === ''))) return IMPOSSIBLE_EDIT;
  if (!pair && model.nodeAt(mapPath.slice(0, -1)) !== undefined && !isMap(model.nodeAt(mapPath.slice(0, -1)))) return IMPOSSIBLE_EDIT;
  if (pair && (pair.value === null || (isScalar(pair.value) && (pair.value.value === null || pair.value.value === '')) || (isMap(node) && node.items.length === 0))) {
    return fillEmptyValue(model, mapPath, key, value);
  }
  // The parent mapping is missing: create it inside its own parent.
  const parentKey = mapPath[mapPath.length - 1]!;
  return insertPair(model, mapPath.slice(0, -1), String(parentKey), { [key]: value });
}

/**
 * Sets the value at `path` to a scalar: replaces what is there (an empty or unreadable value), or inserts the key
 * when it is missing. A trailing comment on the line stays where it is.
 */
export function setValue(model: YamlModel, path: Path, value: string, orderName?: string): Edit {
  const pair = model.pairAt(path);
  if (!pair) return insertPair(model, path.slice(0, -1), String(path[path.length - 1]), value, orderName);
  if (throughAlias(model, path)) return IMPOSSIBLE_EDIT;
  const valueNode = pair.value as Node | null;
  if (valueNode?.range && valueNode.range[1] > valueNode.range[0]) {
    return replace({ start: valueNode.range[0], end: contentEnd(model.text, valueNode.range[0], valueNode.range[1]) }, scalarText(value));
  }
  const keyEnd = (pair.key as Node).range![1];
  const colon = model.text.indexOf(':', keyEnd);
  return { start: colon + 1, end: colon + 1, text: ` ${scalarText(value)}` };
}

/**
 * Adds `item` to the sequence at `seqPath` (flow or block), or creates `key: [item]` in its mapping.
 * `orderName` names the KEY_ORDER entry used when the key must be created.
 */
export function appendToSequence(model: YamlModel, seqPath: Path, item: string, orderName?: string): Edit {
  const node = model.nodeAt(seqPath);
  if (throughAlias(model, seqPath) || isMap(node)) return IMPOSSIBLE_EDIT;
  if (isSeq(node) && node.items.length > 0) return appendToExistingSequence(model, node, item);
  if (isSeq(node) && node.flow && node.range) {
    // `[]`: write the item between the brackets.
    const open = model.text.indexOf('[', node.range[0]);
    return { start: open + 1, end: open + 1, text: scalarText(item) };
  }
  const pair = model.pairAt(seqPath);
  if (pair && isScalar(pair.value) && pair.value.value !== null && pair.value.range && pair.value.range[1] > pair.value.range[0]) {
    // `participants: jdoe` (a scalar where a list belongs): make it a list that keeps the existing value.
    const range = { start: pair.value.range[0], end: pair.value.range[1] };
    const source = model.text.slice(range.start, range.end);
    // The value moves into flow context, where `,` `[` `]` `{` `}` end a plain scalar: quote it when it has them.
    const kept = /[,[\]{}\r\n]/.test(source) && !/^["']/.test(source) ? JSON.stringify(String(pair.value.value)) : source;
    return { ...range, text: `[${kept}, ${scalarText(item)}]` };
  }
  if (pair && (pair.value === null || isSeq(pair.value) || (isScalar(pair.value) && pair.value.value === null))) {
    // `participants:` with nothing, or an empty block: replace the empty value with a flow list.
    const keyNode = pair.key as Node;
    const colon = model.text.indexOf(':', keyNode.range![1]);
    const valueNode = pair.value as Node | null;
    const end = valueNode?.range ? valueNode.range[1] : colon + 1;
    return { start: colon + 1, end, text: ` [${scalarText(item)}]` };
  }
  const key = seqPath[seqPath.length - 1]!;
  return insertPair(model, seqPath.slice(0, -1), String(key), [item], orderName);
}

/** Deletes a comment: the whole line when the comment stands alone, else the comment and the spaces before it. */
export function removeComment(text: string, range: OffsetRange): Edit {
  const lineStart = text.lastIndexOf('\n', range.start - 1) + 1;
  const lineEndIndex = text.indexOf('\n', range.end);
  const lineEnd = lineEndIndex === -1 ? text.length : lineEndIndex;
  if (text.slice(lineStart, range.start).trim() === '') {
    return { start: lineStart, end: lineEndIndex === -1 ? lineEnd : lineEnd + 1, text: '' };
  }
  let start = range.start;
  while (start > lineStart && (text[start - 1] === ' ' || text[start - 1] === '\t')) start--;
  return { start, end: lineEnd, text: '' };
}

/** Inserts a whole line before the line holding `offset`, indented like that line. */
export function insertLineBefore(text: string, offset: number, content: string): Edit {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const indent = /^[ \t]*/.exec(text.slice(lineStart))?.[0] ?? '';
  const eol = eolOf(text);
  return { start: lineStart, end: lineStart, text: `${indent}${content}${eol}` };
}

// ---- internals ----

/** The file's line ending, for inserted lines. */
function eolOf(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

/** Whether any node on the path is an alias: editing there would change the anchored node somewhere else. */
function throughAlias(model: YamlModel, path: Path): boolean {
  for (let i = 1; i <= path.length; i++) {
    const pair = model.pairAt(path.slice(0, i));
    if (pair && isAlias(pair.value)) return true;
  }
  return false;
}

function insertIntoExistingMap(model: YamlModel, map: YAMLMap<unknown, unknown>, key: string, value: NewValue, order: readonly string[]): Edit {
  const text = model.text;
  if (map.flow) {
    const rendered = `${scalarText(key)}: ${flowText(value)}`;
    const last = map.items[map.items.length - 1];
    const lastEnd = last ? ((last.value as Node | null)?.range?.[1] ?? (last.key as Node).range![1]) : undefined;
    if (lastEnd === undefined) {
      const open = text.indexOf('{', map.range![0]);
      return { start: open + 1, end: open + 1, text: ` ${rendered} ` };
    }
    return { start: lastEnd, end: lastEnd, text: `, ${rendered}` };
  }
  const eol = eolOf(text);
  const firstKey = map.items[0]!.key as Node;
  const indent = ' '.repeat(blockMapIndent(text, firstKey.range![0]));
  // A new mapping follows its siblings' style: one line of flow (`{ owner: jdoe }`) when they are written that way.
  const siblingsFlow = isPlainObject(value) && map.items.some((p) => isMap(p.value) && p.value.flow)
    && !map.items.some((p) => isMap(p.value) && !p.value.flow);
  const lines = siblingsFlow
    ? [`${indent}${scalarText(key)}: ${flowText(value)}`]
    : blockPairLines(key, value, indent, ' '.repeat(indentUnit(model)));
  const position = order.indexOf(key);
  let after = map.items[map.items.length - 1]!;
  if (position >= 0) {
    const earlier = map.items.filter((p) => {
      const i = order.indexOf(keyName(p.key));
      return i >= 0 && i < position;
    });
    if (earlier.length > 0) {
      after = earlier[earlier.length - 1]!;
    } else if (map.items.some((p) => order.indexOf(keyName(p.key)) > position)) {
      // Every existing key comes later in the canonical order: insert before the first pair.
      const lineStart = text.lastIndexOf('\n', firstKey.range![0] - 1) + 1;
      if (text.slice(lineStart, firstKey.range![0]).trim() === '') {
        return { start: lineStart, end: lineStart, text: lines.join(eol) + eol };
      }
    }
  }
  const end = endOfPair(text, after);
  const lineEnd = text.indexOf('\n', end);
  if (lineEnd === -1) return { start: text.length, end: text.length, text: eol + lines.join(eol) };
  return { start: lineEnd + 1, end: lineEnd + 1, text: lines.join(eol) + eol };
}

function fillEmptyValue(model: YamlModel, mapPath: Path, key: string, value: NewValue): Edit {
  const text = model.text;
  const pair = model.pairAt(mapPath)!;
  const keyNode = pair.key as Node;
  const valueNode = pair.value as Node | null;
  if (isMap(valueNode) && valueNode.flow && valueNode.range) {
    const open = text.indexOf('{', valueNode.range[0]);
    return { start: open + 1, end: open + 1, text: ` ${scalarText(key)}: ${flowText(value)} ` };
  }
  if (isScalar(valueNode) && valueNode.range && valueNode.range[1] > valueNode.range[0]) {
    // `roles: null` or `roles: ""`: replace the empty scalar itself, so a trailing comment stays where it is.
    return { start: valueNode.range[0], end: valueNode.range[1], text: `{ ${scalarText(key)}: ${flowText(value)} }` };
  }
  const eol = eolOf(text);
  const unit = ' '.repeat(indentUnit(model));
  const indent = ' '.repeat(columnOf(text, keyNode.range![0])) + unit;
  const lines = blockPairLines(key, value, indent, unit);
  const lineEndIndex = text.indexOf('\n', keyNode.range![1]);
  const lineEnd = lineEndIndex === -1 ? text.length : lineEndIndex;
  const crBefore = lineEndIndex > 0 && text[lineEndIndex - 1] === '\r' ? 1 : 0;
  const at = lineEnd - crBefore;
  return { start: at, end: at, text: eol + lines.join(eol) };
}

function insertIntoEmptyDocument(model: YamlModel, key: string, value: NewValue): Edit {
  const text = model.text;
  const eol = eolOf(text);
  const lines = blockPairLines(key, value, '', '  ');
  // A document-end marker (`...`) closes the document: new content goes before it, not into a second document.
  const docEnd = /^\.\.\.(?=[ \t]|\r?$)/m.exec(text);
  const at = docEnd ? docEnd.index : text.length;
  const before = text.slice(0, at);
  // After a directive (`%YAML 1.2`) content needs a `---` line. (An empty document holds no scalar a `%` could start.)
  const needsStart = /^%/m.test(before) && !/^---(?=[ \t]|\r?$)/m.test(before);
  const prefix = (before.length === 0 || before.endsWith('\n') ? '' : eol) + (needsStart ? `---${eol}` : '');
  return { start: at, end: at, text: prefix + lines.join(eol) + eol };
}

function appendToExistingSequence(model: YamlModel, seq: YAMLSeq<unknown>, item: string): Edit {
  const text = model.text;
  const last = seq.items[seq.items.length - 1] as Node;
  const lastEnd = contentEnd(text, last.range![0], last.range![1]);
  if (seq.flow) return { start: lastEnd, end: lastEnd, text: `, ${scalarText(item)}` };
  const first = seq.items[0] as Node;
  const dash = text.lastIndexOf('-', first.range![0]);
  const indent = ' '.repeat(columnOf(text, dash));
  const eol = eolOf(text);
  const lineEnd = text.indexOf('\n', lastEnd);
  const line = `${indent}- ${scalarText(item)}`;
  if (lineEnd === -1) return { start: text.length, end: text.length, text: eol + line };
  return { start: lineEnd + 1, end: lineEnd + 1, text: line + eol };
}

function blockPairLines(key: string, value: NewValue, indent: string, unit: string): string[] {
  if (isPlainObject(value)) {
    const lines = [`${indent}${scalarText(key)}:`];
    for (const [k, v] of Object.entries(value)) lines.push(...blockPairLines(k, v, indent + unit, unit));
    return lines;
  }
  return [`${indent}${scalarText(key)}: ${flowText(value)}`];
}

function flowText(value: NewValue): string {
  if (Array.isArray(value)) return `[${value.map((v) => scalarText(v)).join(', ')}]`;
  if (isPlainObject(value)) {
    return `{ ${Object.entries(value).map(([k, v]) => `${scalarText(k)}: ${flowText(v)}`).join(', ')} }`;
  }
  return scalarText(value as string | number | boolean);
}

function isPlainObject(value: NewValue): value is { readonly [key: string]: NewValue } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Where a pair's content ends: block collections' ranges include their final newline, which is not content. */
function endOfPair(text: string, pair: { key: unknown; value: unknown }): number {
  const value = pair.value as Node | null;
  const key = pair.key as Node;
  return contentEnd(text, key.range![0], value?.range?.[1] ?? key.range![1]);
}


/**
 * The indentation of a block mapping, from the offset of its first key: the column where that key's item starts,
 * which is before an anchor or tag of the key (`&a key:`) and at an explicit-key indicator (`? key`), but after
 * the dashes of sequence items that hold the mapping (`- key:`).
 */
function blockMapIndent(text: string, keyStart: number): number {
  const lineStart = text.lastIndexOf('\n', keyStart - 1) + 1;
  let at = lineStart;
  const blank = (c: string | undefined) => c === ' ' || c === '\t';
  while (at < keyStart && blank(text[at])) at++;
  while (at < keyStart && text[at] === '-' && blank(text[at + 1])) {
    at++;
    while (at < keyStart && blank(text[at])) at++;
  }
  return at - lineStart;
}

function columnOf(text: string, offset: number): number {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  // A byte order mark at the start of the file is not indentation.
  return offset - lineStart - (lineStart === 0 && text.charCodeAt(0) === 0xfeff ? 1 : 0);
}
