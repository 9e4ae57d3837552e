// The one place where engine offsets become LSP positions and back (ARCHITECTURE.md, "Invariants"). Everything inside the
// server speaks `[start, end)` UTF-16 offsets; `TextDocument` does the line arithmetic, CRLF and all.

import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position, Range, TextEdit } from 'vscode-languageserver';
import type { Edit, OffsetRange } from '../core/finding';
import type { Settings } from '../common/settings';
import type { FeatureContext } from '../features/context';

export function positionAt(document: TextDocument, offset: number): Position {
  return document.positionAt(offset);
}

export function offsetAt(document: TextDocument, position: Position): number {
  return document.offsetAt(position);
}

export function rangeOf(document: TextDocument, range: OffsetRange): Range {
  return { start: document.positionAt(range.start), end: document.positionAt(range.end) };
}

export function offsetRangeOf(document: TextDocument, range: Range): OffsetRange {
  const start = document.offsetAt(range.start);
  const end = document.offsetAt(range.end);
  return start <= end ? { start, end } : { start: end, end: start };
}

export function textEditOf(document: TextDocument, edit: Edit): TextEdit {
  return { range: rangeOf(document, edit), newText: edit.text };
}

/** The conversion functions and settings a feature needs, bound to one document version. */
export function featureContext(document: TextDocument, settings: Settings, docsBase: string): FeatureContext {
  return {
    uri: document.uri,
    version: document.version,
    docsBase,
    settings,
    positionAt: (offset) => positionAt(document, offset),
    offsetAt: (position) => offsetAt(document, position),
    rangeOf: (range) => rangeOf(document, range),
  };
}
