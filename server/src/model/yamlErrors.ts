// Turns the YAML parser's errors into mistakes a person can act on (docs/rules/yaml-syntax.md): one
// problem per mistake, placed where the mistake starts (the opening quote or bracket, the tab, the stray
// character, the misaligned key) and worded without the parser's token names. The errors one mistake causes
// further down fold into it: everything after an unclosed quote or bracket, the rest of the line otherwise, and
// the parser's "unexpected token in the stream" errors that follow a mistake. Pure: text and syntax tree in,
// problems out.

import type { CST } from 'yaml';
import type { OffsetRange } from '../core/finding';

/** An error as the `yaml` package reports it. */
export interface ParserError {
  readonly code: string;
  readonly message: string;
  readonly pos: readonly [number, number];
}

/** A mistake in the YAML: becomes one `yaml-syntax` finding. */
export interface YamlMistake {
  readonly code: string;
  readonly message: string;
  readonly range: OffsetRange;
}

/** Where an opening quote or bracket was never closed, from the syntax tree. */
interface Opener {
  readonly offset: number;
  readonly char: string;
}

interface Draft extends YamlMistake {
  /** Errors starting before this offset are consequences of this mistake. */
  reach: number;
}

/** Whether a problem code leaves the document whole (the rules still run): a duplicate key, a second document. */
export function leavesDocumentWhole(code: string): boolean {
  return code === 'DUPLICATE_KEY' || code === 'MULTIPLE_DOCUMENTS';
}

/**
 * One mistake per group of parser errors, in the order of the file. `tokens` is the syntax tree the errors came from,
 * used to find the quotes and brackets that were opened and never closed.
 */
export function explainParserErrors(text: string, tokens: readonly CST.Token[], errors: readonly ParserError[]): YamlMistake[] {
  const sorted = [...errors].sort((a, b) => a.pos[0] - b.pos[0] || a.pos[1] - b.pos[1]);
  const openers = unclosedOpeners(tokens);
  const mistakes: Draft[] = [];
  for (let i = 0; i < sorted.length; i++) {
    const error = sorted[i]!;
    // `yaml` places an indentation error at the comments and blank lines before the line it is about.
    const at = error.code === 'BAD_INDENT' ? contentAtOrAfter(text, clamp(error.pos[0], text.length)) : clamp(error.pos[0], text.length);
    const last = mistakes[mistakes.length - 1];
    if (last && at < last.reach) continue;
    // The parser has left the document's structure: a consequence of the mistake before, up to the end of this line.
    if (last && /in YAML stream/.test(error.message)) {
      last.reach = Math.max(last.reach, lineEnd(text, at));
      continue;
    }
    if (isSameColumnError(error)) {
      // A run of misaligned keys at one indentation has one cause: see misalignedRun.
      let j = i;
      const lastAt = (k: number) => contentAtOrAfter(text, clamp(sorted[k]!.pos[0], text.length));
      while (j + 1 < sorted.length && isSameColumnError(sorted[j + 1]!) && indentOf(text, lastAt(j + 1)) === indentOf(text, at)) j++;
      const mistake = misalignedRun(text, at);
      mistakes.push(mistake);
      // The lines indented deeper than the last misaligned key belong to it, and are misread with it.
      mistake.reach = Math.max(mistake.reach, deeperLinesEnd(text, lastAt(j)));
      i = j;
      continue;
    }
    mistakes.push(explain(text, error, at, openers));
  }
  return mistakes.map(({ code, message, range }) => ({ code, message, range }));
}

function explain(text: string, error: ParserError, at: number, openers: readonly Opener[]): Draft {
  const { code, message } = error;
  const eof = Number.POSITIVE_INFINITY;
  const onLine = (m: string, range: OffsetRange = charAt(text, at)): Draft => ({ code, message: m, range, reach: lineEnd(text, Math.max(at, range.start)) });

  const quote = /Missing closing (["'])quote/.exec(message)?.[1];
  if (quote !== undefined) {
    const opener = lastBefore(openers, at + 1, (o) => o.char === quote);
    const start = opener?.offset ?? at;
    return {
      code: 'UNCLOSED_QUOTE',
      message: `The quoted value opened here is never closed, so YAML cannot tell where it ends and misreads what follows. Add the closing ${quote} where the value ends.`,
      range: { start, end: Math.min(text.length, start + 1) },
      reach: eof,
    };
  }

  // A tab in the indentation of the line the parser stopped at is the mistake, whatever the parser makes of it (inside
  // brackets it reports a bracket it no longer sees closed).
  const tab = indentingTab(text, at);
  if (tab !== undefined && (code === 'BAD_INDENT' || code === 'TAB_AS_INDENT')) {
    return { code: 'TAB_AS_INDENT', message: TAB_MESSAGE, range: { start: tab, end: tab + 1 }, reach: lineEnd(text, at) };
  }

  const bracket = /end with (?:an? )?([\]}])/.exec(message)?.[1];
  if (bracket !== undefined) {
    const open = bracket === ']' ? '[' : '{';
    const opener = lastBefore(openers, at + 1, (o) => o.char === open);
    const start = opener?.offset ?? at;
    // A closing bracket further on means the list was closed, but on a line YAML does not accept (not indented).
    const closedLater = closes(text, start, open, bracket);
    return {
      code: 'UNCLOSED_BRACKET',
      message: closedLater
        ? `The \`${open}\` opened here spans several lines, and a line inside it (or its \`${bracket}\`) is not indented further than the line the \`${open}\` is on, so the lines after it cannot be read. Indent those lines with spaces, or write the ${open === '[' ? 'list' : 'mapping'} on one line.`
        : `The \`${open}\` opened here is never closed, so the lines after it cannot be read. Add the matching \`${bracket}\` where the ${open === '[' ? 'list' : 'mapping'} ends.`,
      range: { start, end: Math.min(text.length, start + 1) },
      reach: eof,
    };
  }

  switch (code) {
    case 'TAB_AS_INDENT':
      return onLine(TAB_MESSAGE);
    case 'BAD_SCALAR_START': {
      const ch = text[at] ?? '';
      const shown = ch === '`' ? 'a backtick' : `\`${ch}\``;
      return onLine(`A value cannot start with ${shown} unless it is quoted. Put the whole value in quotes, or remove the ${ch === '`' ? 'backtick' : shown}.`);
    }
    case 'BAD_DQ_ESCAPE': {
      const escape = /Invalid escape sequence (.+)$/.exec(firstLine(message))?.[1] ?? '';
      const start = text[at] === '\\' ? at : Math.max(0, text.lastIndexOf('\\', at));
      return onLine(
        `\`${escape.replace(/`/g, '')}\` is not a valid escape inside double quotes. Write \`\\\\\` for a backslash, or use single quotes.`,
        { start, end: Math.min(text.length, start + Math.max(1, escape.length)) },
      );
    }
    case 'BAD_INDENT':
      if (/sequence items/.test(message)) return onLine('This list item does not line up with the items before it. Put its `-` in the same column as theirs.', lineContent(text, at));
      return onLine('This line is not indented like the lines around it, so YAML cannot tell what it belongs to. Indent it with the same number of spaces as the keys it belongs with.', lineContent(text, at));
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY':
      return valueReadAsKey(text, error, at);
    case 'MISSING_CHAR':
      return missingChar(text, error, at, onLine);
    case 'UNEXPECTED_TOKEN':
      return unexpected(text, error, at, onLine);
    case 'BAD_ALIAS':
      return onLine(/Anchor|Alias/.test(message) && /empty/.test(message)
        ? `\`${text[at] ?? '&'}\` must be followed by a name here. Add the name, or remove the \`${text[at] ?? '&'}\`.`
        : 'A name ending in `:` is ambiguous here. Put a space before the `:`, or rename it.');
    case 'TAG_RESOLVE_FAILED':
    case 'BAD_COLLECTION_TYPE':
      return onLine('This tag (`!…`) does not fit the value it is on. A team plan needs no tags: remove it.');
    case 'MULTIPLE_ANCHORS':
    case 'MULTIPLE_TAGS':
    case 'ALIAS_PROPS':
    case 'BAD_PROP_ORDER':
      return onLine('The anchors (`&`), tags (`!`) or aliases (`*`) here are combined in a way YAML does not allow. A team plan needs none of them: write the value out.');
    case 'KEY_OVER_1024_CHARS':
      return onLine('This key is longer than YAML allows (1024 characters). Shorten it, or check for a missing line break.', lineContent(text, at));
    case 'BLOCK_IN_FLOW':
      return onLine('An indented list or mapping cannot stand inside `[ … ]` or `{ … }`. Write the items inline, or drop the brackets and indent them.');
    case 'BAD_DIRECTIVE':
      return onLine('This `%` line is not a directive YAML knows. A team plan needs none: remove the line.', lineContent(text, at));
    default:
      return onLine('YAML cannot read this. Check the indentation, the quotes and the brackets on this line.');
  }
}

/** A value YAML reads as a key: text with `: ` on the line, or a line indented deeper than the key above it. */
function valueReadAsKey(text: string, error: ParserError, at: number): Draft {
  const end = lineEnd(text, at);
  const rest = text.slice(at, end);
  const colon = /:(?=[ \t]|$)/.exec(rest);
  if (colon) {
    // Something stands before a `{` or `[` that starts a value: the bracket is read as text.
    const stray = /^([^\s{[]{1,3})[ \t]*[{[]/.exec(rest);
    if (stray) {
      return {
        code: error.code,
        message: `\`${stray[1]}\` stands before the bracket, so this whole value is read as text and its \`: \` as a key. Remove the \`${stray[1]}\`.`,
        range: { start: at, end: at + stray[1]!.length },
        reach: end,
      };
    }
    return {
      code: error.code,
      message: 'This value contains `: `, which YAML reads as the start of another key. Put the value in quotes, or remove the colon.',
      range: { start: at + colon.index, end: at + colon.index + 1 },
      reach: end,
    };
  }
  // The value goes on to the next line: that line is indented too deep, so it is read as part of this value.
  const next = nextContentLine(text, end);
  if (next) {
    return {
      code: error.code,
      message: 'This line is indented deeper than the key above it, so YAML reads it as part of that key’s value. Indent it like the keys it belongs with.',
      range: next,
      reach: lineEnd(text, next.start),
    };
  }
  return { code: error.code, message: 'YAML reads this value as a key. Put the value in quotes.', range: lineContent(text, at), reach: end };
}

function missingChar(text: string, error: ParserError, at: number, onLine: (m: string, r?: OffsetRange) => Draft): Draft {
  const { message } = error;
  if (/Implicit map keys need to be followed by map values/.test(message)) {
    const content = lineContent(text, at);
    const line = text.slice(content.start, content.end);
    const glued = /^[^:#]*?:(?=[^ \t])/.exec(line);
    if (glued) {
      const colon = content.start + glued[0].length - 1;
      return onLine('A colon needs a space after it to separate a key from its value. Add a space after this `:`.', { start: colon, end: colon + 1 });
    }
    return onLine('This line is neither `key: value` nor a list item. Add `: ` after the key, or start the line with `- `.', content);
  }
  if (/Missing , between/.test(message)) return onLine('A comma is missing before this item. Separate the items in brackets with commas.');
  if (/Missing , or : between/.test(message)) return onLine('A comma (between items) or a colon (after a key) is missing before this. Add the one that belongs here.');
  if (/Missing space after :/.test(message)) return onLine('Inside `{ … }`, a colon needs a space after it. Add a space after this `:`.');
  if (/Comments must be separated/.test(message)) return onLine('A `#` starts a comment only after a space. Put a space before the `#`, or quote the value.');
  if (/Tags and anchors must be separated/.test(message)) return onLine('Put a space between the `&` or `!` name and the value after it.');
  if (/Sequence item without - indicator/.test(message)) return onLine('This list item has no `-` before it. Start it with `- `.', lineContent(text, at));
  if (/directives-end|doc-start/.test(message)) return onLine('A `%` directive line must be followed by a line with `---`. A team plan needs no directive: remove the line.', lineContent(text, at));
  return onLine('Something is missing here. Check the colons, commas and brackets on this line.');
}

function unexpected(text: string, error: ParserError, at: number, onLine: (m: string, r?: OffsetRange) => Draft): Draft {
  const { message } = error;
  if (/Block scalar header includes extra characters/.test(message)) {
    return onLine('After `|` or `>` only `-`, `+` or an indentation digit may follow on the same line. Start the text on the next line.');
  }
  if (/at node end/.test(message)) {
    return onLine('Something follows the end of this value on the same line. Put the whole value in quotes, or move the rest to a line of its own.', { start: at, end: Math.max(at + 1, contentEndOfLine(text, at)) });
  }
  if (/Unexpected empty item/.test(message)) return onLine('Two commas in a row leave an empty item here. Remove one of them.');
  const ch = text[at] ?? '';
  if (ch === ']' || ch === '}') return onLine(`This \`${ch}\` closes nothing: there is no \`${ch === ']' ? '[' : '{'}\` open before it. Remove it.`);
  if (ch === ',') return onLine('A comma separates items only inside `[ … ]` or `{ … }`. Remove it, or quote the value.');
  if (ch === ':') return onLine('This `:` follows no key YAML could read. Check the indentation of this line and the quotes before it.');
  if (/in YAML stream/.test(message)) {
    return { ...onLine('This line does not fit into the structure above it, and YAML stops reading the plan here. Check its indentation, and the quotes and brackets just before it.', lineContent(text, at)), reach: Number.POSITIVE_INFINITY };
  }
  return onLine('YAML does not expect this here. Check the indentation, the quotes and the brackets on this line.');
}

/**
 * Keys that do not line up with the mapping they continue. YAML takes the column of a mapping's first key as right, so
 * when that first key is the one indented differently from what the file does elsewhere (one step deeper than its
 * parent), every later key gets an error: the first key is reported, once. Otherwise the first misaligned key is.
 */
function misalignedRun(text: string, at: number): Draft {
  const indent = indentOf(text, at);
  const block = firstSiblingAbove(text, at, indent);
  if (block && block.first.indent !== indent) {
    const expected = block.parentIndent + indentStep(text);
    if (indent === expected && block.first.indent !== expected) {
      return {
        code: 'BAD_INDENT',
        message: `This key is indented by ${block.first.indent} ${spaces(block.first.indent)}, but the keys after it at the same level by ${indent}. Indent all of them alike.`,
        range: block.first.range,
        reach: lineEnd(text, at),
      };
    }
  }
  return {
    code: 'BAD_INDENT',
    message: `This key is indented by ${indent} ${spaces(indent)}, which does not line up with the keys before it at the same level. Indent it like them.`,
    range: lineContent(text, at),
    reach: lineEnd(text, at),
  };
}

/** The indentation step the file uses most (2 when it cannot tell). */
function indentStep(text: string): number {
  const counts = new Map<number, number>();
  let previous = -1;
  for (const line of text.split('\n')) {
    if (/^\s*(#|$)/.test(line)) continue;
    const indent = /^ */.exec(line)![0].length;
    if (previous >= 0 && indent > previous) counts.set(indent - previous, (counts.get(indent - previous) ?? 0) + 1);
    previous = indent;
  }
  let best = 2;
  let bestCount = 0;
  for (const [step, count] of counts) {
    if (count > bestCount || (count === bestCount && step < best)) [best, bestCount] = [step, count];
  }
  return best;
}

function spaces(n: number): string {
  return n === 1 ? 'space' : 'spaces';
}

/**
 * The first key of the block the line at `at` continues, and the indentation of that block's parent: going up from
 * the line, past deeper lines, to the first line indented less than both (the parent key); the content line right
 * after it is the block's first key.
 */
function firstSiblingAbove(text: string, at: number, indent: number): { first: { indent: number; range: OffsetRange }; parentIndent: number } | undefined {
  let lineStart = text.lastIndexOf('\n', Math.max(0, at - 1)) + 1;
  let candidate: { indent: number; range: OffsetRange } | undefined;
  while (lineStart > 0) {
    const prevEnd = lineStart - 1;
    const prevStart = text.lastIndexOf('\n', prevEnd - 1) + 1;
    lineStart = prevStart;
    const line = text.slice(prevStart, prevEnd).replace(/\r$/, '');
    if (/^\s*(#|$)/.test(line)) continue;
    const lineIndent = /^ */.exec(line)![0].length;
    if (lineIndent < Math.min(indent, candidate?.indent ?? indent)) return candidate ? { first: candidate, parentIndent: lineIndent } : undefined;
    candidate = { indent: lineIndent, range: lineContent(text, prevStart) };
  }
  return undefined;
}

function isSameColumnError(error: ParserError): boolean {
  return error.code === 'BAD_INDENT' && /mapping items must start at the same column/.test(error.message);
}

/** The quotes and brackets opened and never closed, in the order of the file. */
function unclosedOpeners(tokens: readonly CST.Token[]): Opener[] {
  const found: Opener[] = [];
  // An explicit stack: the syntax tree may be deep, and measuring must not overflow.
  const stack: unknown[] = [...tokens];
  while (stack.length > 0) {
    const token = stack.pop() as (CST.Token & Record<string, unknown>) | undefined | null;
    if (!token || typeof token !== 'object') continue;
    switch (token.type) {
      case 'document':
        stack.push(token.value);
        break;
      case 'single-quoted-scalar':
      case 'double-quoted-scalar': {
        const quote = token.type === 'single-quoted-scalar' ? "'" : '"';
        if (!isClosedQuote(token.source, quote)) found.push({ offset: token.offset, char: quote });
        break;
      }
      case 'flow-collection': {
        const close = token.start.source === '[' ? ']' : '}';
        if (!token.end.some((t) => t.source === close)) found.push({ offset: token.start.offset, char: token.start.source });
        for (const item of token.items) stack.push(item.key, item.value);
        break;
      }
      case 'block-map':
      case 'block-seq':
        for (const item of token.items) stack.push('key' in item ? item.key : undefined, item.value);
        break;
      default:
        break;
    }
  }
  return found.sort((a, b) => a.offset - b.offset);
}

/** Whether the bracket at `start` is matched further on, counting nested brackets of the same kind. */
function closes(text: string, start: number, open: string, close: string): boolean {
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    if (text[i] === open) depth++;
    else if (text[i] === close && --depth === 0) return true;
  }
  return false;
}

function isClosedQuote(source: string, quote: string): boolean {
  if (source.length < 2 || !source.endsWith(quote)) return false;
  if (quote === "'") return true;
  let backslashes = 0;
  for (let i = source.length - 2; i > 0 && source[i] === '\\'; i--) backslashes++;
  return backslashes % 2 === 0;
}

function lastBefore(openers: readonly Opener[], limit: number, wanted: (o: Opener) => boolean): Opener | undefined {
  let found: Opener | undefined;
  for (const o of openers) {
    if (o.offset >= limit) break;
    if (wanted(o)) found = o;
  }
  return found;
}

function clamp(offset: number, length: number): number {
  return Math.max(0, Math.min(offset, length));
}

function firstLine(message: string): string {
  return (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/, '');
}

/** The first character of content at `at`, or on the first line after it that is not blank or a comment. */
function contentAtOrAfter(text: string, at: number): number {
  let start = text.lastIndexOf('\n', Math.max(0, at - 1)) + 1;
  while (start < text.length) {
    const end = lineEnd(text, start);
    const line = text.slice(start, end);
    if (!/^\s*(#|$)/.test(line)) return Math.max(at, start + /^[ \t]*/.exec(line)![0].length);
    start = end + 1;
  }
  return at;
}

/** The end of the last line of the block that the line at `at` opens: the lines after it indented deeper. */
function deeperLinesEnd(text: string, at: number): number {
  const indent = indentOf(text, at);
  let end = lineEnd(text, at);
  while (end < text.length) {
    const start = end + 1;
    const next = lineEnd(text, start);
    const line = text.slice(start, next);
    if (!/^\s*(#|$)/.test(line) && /^ */.exec(line)![0].length <= indent) break;
    end = next;
  }
  return end;
}

/** The offset of the end of the line holding `at` (before its line break). */
const TAB_MESSAGE = 'A tab indents this line; YAML indentation must be spaces. Replace the tab with spaces.';

/** The offset of a tab in the indentation of the line holding `at`, if there is one. */
function indentingTab(text: string, at: number): number | undefined {
  let i = text.lastIndexOf('\n', Math.max(0, at - 1)) + 1;
  for (; i < text.length && (text[i] === ' ' || text[i] === '\t'); i++) if (text[i] === '\t') return i;
  return undefined;
}

function lineEnd(text: string, at: number): number {
  const nl = text.indexOf('\n', at);
  return nl === -1 ? text.length : nl;
}

function indentOf(text: string, at: number): number {
  const start = text.lastIndexOf('\n', Math.max(0, at - 1)) + 1;
  return /^ */.exec(text.slice(start, lineEnd(text, start)))![0].length;
}

/** The line holding `at`, without its indentation, line break or trailing comment-free white space. */
function lineContent(text: string, at: number): OffsetRange {
  const start = text.lastIndexOf('\n', Math.max(0, Math.min(at, text.length) - 1)) + 1;
  const end = lineEnd(text, start);
  let s = start;
  while (s < end && (text[s] === ' ' || text[s] === '\t')) s++;
  const e = contentEndOfLine(text, s);
  return e > s ? { start: s, end: e } : charAt(text, at);
}

function contentEndOfLine(text: string, at: number): number {
  let e = lineEnd(text, at);
  while (e > at && /\s/.test(text[e - 1]!)) e--;
  return e;
}

/** The next line after `from` with content other than a comment. */
function nextContentLine(text: string, from: number): OffsetRange | undefined {
  let at = from;
  while (at < text.length) {
    const start = at + 1;
    if (start > text.length) return undefined;
    const end = lineEnd(text, start);
    const line = text.slice(start, end);
    if (!/^\s*(#|$)/.test(line)) return lineContent(text, start);
    if (end >= text.length) return undefined;
    at = end;
  }
  return undefined;
}

/** One character at `at`, or an empty range at the end of the text. */
function charAt(text: string, at: number): OffsetRange {
  const start = clamp(at, text.length);
  return { start, end: Math.min(text.length, start + 1) };
}
